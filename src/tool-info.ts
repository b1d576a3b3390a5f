import { existsSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { distDir } from './paths.js';

/**
 * What `npm run build` precomputes in dist/tool.json: the tool's fingerprint (compiled code,
 * templates, fonts; part of every variant's input hash) and the code points each font family can
 * draw. Read once per process.
 */
export interface ToolInfo {
  /** Absent before the first build: then nothing counts as unchanged. */
  fingerprint?: string;
  glyphs: Record<string, Array<[number, number]>>;
  /** What dist/ was compiled from (tool-sources.ts), by each file's path from the tool's folder with "/". */
  sources?: Record<string, { digest: string; size: number; mtimeMs: number }>;
}


let info: ToolInfo | undefined;

export function toolInfo(): ToolInfo {
  if (!info) {
    const file = path.join(distDir, 'tool.json');
    info = existsSync(file) ? (JSON.parse(readFileSync(file, 'utf8')) as ToolInfo) : { glyphs: {} };
  }
  return info;
}

