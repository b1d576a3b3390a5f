import { randomBytes } from 'node:crypto';
import { linkSync, readFileSync, renameSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { hostname } from 'node:os';
import path from 'node:path';
import { OutputError, outputErrorOf } from '../findings.js';
import { displayPath } from '../paths.js';
import { isRunning, makeFolders } from './write.js';

/**
 * One build at a time writes to an out/ folder. Two at once (two `npm start`s, CI jobs sharing a
 * workspace) each merge the manifest they read at the start with their own entries and delete the
 * thumbnails the other has not recorded yet: the manifest and the index would lose one run's PDFs.
 *
 * The lock is a file naming its holder: host, process id and a token of its own. It comes into
 * being whole (written aside, then hard-linked to its name, which fails if the name is taken), so
 * nobody ever reads a lock half-written. One left by a process that no longer runs on this host
 * (a hard kill) is taken over; on another host (a container sharing the folder) liveness cannot be
 * told, and the message names the file to delete. A lock is released only by its own holder.
 */
export const OUT_LOCK_FILE = '.infoblatt-build.lock';

interface Holder {
  host: string;
  pid: number;
  token: string;
}

/** out/ folders this process holds: a second build of the same process waits for none of them. */
const heldHere = new Set<string>();

/** Takes out/'s lock, or says who holds it; returns the function that releases it. */
export function lockOutput(outDir: string): () => void {
  const dir = path.resolve(outDir);
  const file = path.join(dir, OUT_LOCK_FILE);
  if (heldHere.has(dir)) throw new OutputError(`another build of this process is writing to ${displayPath(dir)} at the moment. Wait until it has finished, or write elsewhere.`, 'ELOCKED');
  const me: Holder = { host: hostname(), pid: process.pid, token: randomBytes(8).toString('hex') };
  const aside = path.join(dir, `${OUT_LOCK_FILE}.${me.token}`);
  try {
    makeFolders(dir);
    writeFileSync(aside, `${JSON.stringify(me)}\n`);
  } catch (error) {
    throw outputErrorOf(displayPath(dir), error) ?? error;
  }
  try {
    for (let attempt = 0; ; attempt++) {
      try {
        linkSync(aside, file);
        break;
      } catch (error) {
        if ((error as NodeJS.ErrnoException).code !== 'EEXIST') throw outputErrorOf(displayPath(dir), error) ?? error;
      }
      const holder = readHolder(file);
      if (attempt < 3 && holder && isStale(holder, file)) {
        takeOver(file, holder);
        continue;
      }
      throw new OutputError(busyMessage(dir, file, holder), 'ELOCKED');
    }
  } finally {
    rmSync(aside, { force: true });
  }
  heldHere.add(dir);
  // Also when the process ends without reaching the release (Ctrl-C ends it with process.exit).
  const release = () => {
    process.off('exit', release);
    heldHere.delete(dir);
    if (readHolder(file)?.token === me.token) rmSync(file, { force: true });
  };
  process.on('exit', release);
  return release;
}

function readHolder(file: string): Holder | undefined {
  try {
    const holder = JSON.parse(readFileSync(file, 'utf8')) as Partial<Holder>;
    return typeof holder.host === 'string' && typeof holder.pid === 'number' && typeof holder.token === 'string' ? (holder as Holder) : undefined;
  } catch {
    return undefined;
  }
}

/**
 * A holder on this host whose process has ended. A lock with this process's own id is stale when
 * it is older than this process (a container restarted, its new process given the same id); a
 * newer one is another thread's of this process, which holds it.
 */
function isStale(holder: Holder, file: string): boolean {
  if (holder.host !== hostname()) return false;
  if (holder.pid !== process.pid) return !isRunning(holder.pid);
  const started = Date.now() - process.uptime() * 1000;
  try {
    return statSync(file).mtimeMs < started - 1000;
  } catch {
    return false;
  }
}

/**
 * Moves a stale lock aside and deletes it, unless another process took it over first: then the
 * lock moved aside is that process's, and it is put back.
 */
function takeOver(file: string, stale: Holder): void {
  const moved = `${file}.stale.${randomBytes(4).toString('hex')}`;
  try {
    renameSync(file, moved);
  } catch {
    return; // gone meanwhile: try again
  }
  if (readHolder(moved)?.token === stale.token) rmSync(moved, { force: true });
  else {
    try {
      linkSync(moved, file);
    } finally {
      rmSync(moved, { force: true });
    }
  }
}

function busyMessage(dir: string, file: string, holder: Holder | undefined): string {
  const who = !holder ? 'another process' : holder.host === hostname() ? `process ${holder.pid}` : `process ${holder.pid} on ${holder.host}`;
  // Where liveness cannot be told (another host, a lock not written by this version), the
  // person can: say which file ends it.
  const elsewhere = !holder || holder.host !== hostname() ? ` If no build runs there any more, delete ${displayPath(file)}.` : '';
  return `another build (${who}) is writing to ${displayPath(dir)} at the moment. Wait until it has finished, or write elsewhere with --out.${elsewhere}`;
}
