import { mkdirSync, openSync, readFileSync, rmSync, writeSync, closeSync } from 'node:fs';
import path from 'node:path';
import { OutputError, outputErrorOf } from '../findings.js';
import { displayPath } from '../paths.js';
import { isRunning } from './write.js';

/**
 * One build writes to an out/ folder at a time. Two at once (two `npm start`s, CI jobs sharing a
 * workspace) each merge the manifest they read at the start with their own entries and delete
 * the thumbnails the other has not recorded yet: the manifest and the index would lose one run's
 * PDFs. The lock is a file holding the writer's process id, created only if absent; one left by a
 * process that no longer runs (a hard kill) is taken over.
 */
export const LOCK_FILE = '.infoblatt-build.lock';

/** Takes out/'s lock, or says who holds it; returns the function that releases it. */
export function lockOutput(outDir: string): () => void {
  const file = path.join(outDir, LOCK_FILE);
  try {
    mkdirSync(outDir, { recursive: true });
  } catch (error) {
    throw outputErrorOf(displayPath(outDir), error) ?? error;
  }
  for (let attempt = 0; ; attempt++) {
    try {
      const fd = openSync(file, 'wx');
      writeSync(fd, `${process.pid}\n`);
      closeSync(fd);
      break;
    } catch (error) {
      if ((error as NodeJS.ErrnoException).code !== 'EEXIST') throw outputErrorOf(displayPath(outDir), error) ?? error;
      const holder = Number.parseInt(readLock(file), 10);
      if (attempt === 0 && !(holder > 0 && isRunning(holder))) {
        rmSync(file, { force: true });
        continue;
      }
      const who = holder === process.pid ? 'this process' : holder > 0 ? `process ${holder}` : 'another process';
      throw new OutputError(`another build (${who}) is writing to ${displayPath(outDir)} at the moment. Wait until it has finished, or write elsewhere with --out.`);
    }
  }
  // Also when the process ends without reaching the release (Ctrl-C ends it with process.exit).
  const release = () => {
    process.off('exit', release);
    rmSync(file, { force: true });
  };
  process.on('exit', release);
  return release;
}

function readLock(file: string): string {
  try {
    return readFileSync(file, 'utf8');
  } catch {
    return '';
  }
}
