// The tool's fingerprint: a hash of the compiled code, the fonts and the locked dependencies. It is
// part of every variant's input hash, so an update of infoblatt, a recompiled template or a font
// replaced under its name renders every variant again. Written into dist/tool.json by build.mjs.
import { createHash } from 'node:crypto';
import { readFileSync, readdirSync } from 'node:fs';
import path from 'node:path';

/** The fingerprint of the tool in `dir` (its package.json, dist/, fonts/ and package-lock.json). */
export function toolFingerprint(dir = '.') {
  const files = (sub) => readdirSync(path.join(dir, sub), { recursive: true, withFileTypes: true })
    .filter((e) => e.isFile()).map((e) => path.relative(dir, path.join(e.parentPath, e.name))).sort();
  const fingerprint = createHash('sha256');
  fingerprint.update(JSON.parse(readFileSync(path.join(dir, 'package.json'), 'utf8')).version);
  for (const file of [...files('dist').filter((f) => f.endsWith('.js')), ...files('fonts'), 'package-lock.json']) {
    fingerprint.update(file).update(readFileSync(path.join(dir, file)));
  }
  return fingerprint.digest('hex');
}
