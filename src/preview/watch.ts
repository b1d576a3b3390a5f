import path from 'node:path';
import { watch } from 'chokidar';
import type { VariantKey } from '../model.js';
import { isInside } from '../paths.js';

/**
 * What the preview watches and what a change affects. Folders are watched, not file handles:
 * editors that save by writing a new file and renaming it over the old one are seen like any
 * other save. Bursts of events (one save can be several) are gathered for a short moment first.
 */

export type ChangeKind = 'content' | 'templates' | 'fonts';

export interface Change {
  kind: ChangeKind;
  /** Absolute paths that changed. */
  files: string[];
}

export interface WatchRoots {
  content: string;
  templates: string;
  fonts: string;
}

/** Long enough to gather one save's events, short enough to stay far below a second. */
const DEBOUNCE_MS = 60;

/** Editors' swap, backup and temporary files, and our own temporary writes. */
const IGNORED = /(^\.|~$|\.sw[a-z]$|\.tmp$|^4913$)/;

export interface Watcher {
  ready: Promise<void>;
  close(): Promise<void>;
}

/**
 * `onError`: a folder that cannot be watched (no permission, the system's limit of watched folders
 * reached), at the start or later. Without it the watcher's error would end the preview as a bug
 * of ours; it is the machine's state, and the rest is still watched.
 */
export function watchSources(roots: WatchRoots, onChange: (changes: Change[]) => void, onError: (message: string) => void): Watcher {
  const watcher = watch([roots.content, roots.templates, roots.fonts], {
    ignoreInitial: true,
    ignored: (file) => IGNORED.test(path.basename(file)),
  });
  watcher.on('error', (error) => onError(watchErrorMessage(error)));
  const pending = new Map<ChangeKind, Set<string>>();
  let timer: NodeJS.Timeout | undefined;
  const flush = () => {
    timer = undefined;
    const changes = [...pending].map(([kind, files]) => ({ kind, files: [...files] }));
    pending.clear();
    onChange(changes);
  };
  watcher.on('all', (_event, file) => {
    const kind = kindOf(roots, path.resolve(file));
    if (!kind) return;
    let files = pending.get(kind);
    if (!files) pending.set(kind, (files = new Set()));
    files.add(path.resolve(file));
    clearTimeout(timer);
    timer = setTimeout(flush, DEBOUNCE_MS);
  });
  const ready = new Promise<void>((resolve) => watcher.once('ready', () => resolve()));
  return { ready, close: async () => { clearTimeout(timer); await watcher.close(); } };
}

/** For people: what cannot be watched, and what to do about it. */
export function watchErrorMessage(error: unknown): string {
  const e = error as NodeJS.ErrnoException;
  const where = e.path ? ` ${e.path}` : '';
  if (e.code === 'EACCES' || e.code === 'EPERM') return `cannot watch${where} (no permission to read it): saves there are not seen; give yourself read access to it, or move it out of the content folder`;
  if (e.code === 'ENOSPC' || e.code === 'EMFILE') return `cannot watch${where}: the system's limit of watched files is reached (${e.code}), so some saves are not seen; close other programs that watch files, or raise the limit (on Linux: sysctl fs.inotify.max_user_watches)`;
  return `cannot watch${where}: ${e.message ?? String(error)}; saves there may not be seen`;
}

function kindOf(roots: WatchRoots, file: string): ChangeKind | undefined {
  // (On Windows, a file on another drive is relative to no root: isInside says no.)
  const inside = (dir: string) => isInside(dir, file);
  if (inside(roots.content)) return 'content';
  if (inside(roots.templates)) return 'templates';
  if (inside(roots.fonts)) return 'fonts';
  return undefined;
}

/**
 * Whether a changed content file can change a variant: regions/<id>.yaml only that region,
 * sheets/<id>/… only that sheet, anything else (brand.yaml, the logo) every variant.
 */
export function affects(contentRoot: string, file: string, key: VariantKey): boolean {
  const [top, name, ...rest] = path.relative(contentRoot, file).split(path.sep);
  if (top === 'regions' && name && rest.length === 0) return name === `${key.region}.yaml`;
  if (top === 'sheets' && name) return name === key.sheet;
  return true;
}
