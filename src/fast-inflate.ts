import { createRequire, Module } from 'node:module';
import { inflateRawSync } from 'node:zlib';

const localRequire = createRequire(import.meta.url);

/**
 * The Unicode tables that fontkit, textkit and pdfkit's line breaker look characters up in
 * (unicode-trie: scripts, line-break classes, shaping categories) ship compressed, twice over,
 * and are decompressed as their modules load, by tiny-inflate: a DEFLATE decoder written in
 * JavaScript, which took ~0.1 s of every cold start (bare react-pdf pays the same). Node's zlib
 * decodes the same bytes natively in a fraction of a millisecond.
 *
 * `inflate` takes tiny-inflate's place: in the bundle by an alias (scripts/node-bundle.mjs), and
 * for the copies loaded from node_modules (fontkit, unicode-properties, linebreak) through
 * `installFastInflate`, which must run before they load. tests/fast-inflate.test.ts checks that
 * both give the same bytes for every table those packages hold.
 */

/** tiny-inflate's contract: raw DEFLATE `source` into `dest`; `dest`, or its start when shorter. */
export default function inflate(source: Uint8Array, dest: Uint8Array): Uint8Array {
  const out = inflateRawSync(source);
  const length = Math.min(out.length, dest.length);
  dest.set(out.subarray(0, length));
  return length < dest.length ? dest.slice(0, length) : dest;
}

/**
 * Puts `inflate` into Node's module cache as tiny-inflate, so unicode-trie's require() and
 * fontkit's import find it instead of the JavaScript decoder. Call it before fontkit or pdfkit
 * loads: once tiny-inflate is loaded, its tables are decompressed, and replacing it would gain
 * nothing, so that is an error of ours (an entry point that loads them too early).
 */
export function installFastInflate(): void {
  const file = tinyInflateFile();
  if (!file) return; // Not installed where we look: the packages keep their own decoder, only slower.
  const present = localRequire.cache[file];
  if (present?.exports === inflate) return;
  if (present) throw new Error('tiny-inflate was loaded before installFastInflate() ran: call it before fontkit and pdfkit load');
  const shim = new Module(file);
  shim.filename = file;
  shim.loaded = true;
  shim.exports = inflate;
  localRequire.cache[file] = shim;
}

/** tiny-inflate's file, as unicode-trie (and fontkit beside it) resolve it. */
export function tinyInflateFile(): string | undefined {
  try {
    return createRequire(localRequire.resolve('unicode-trie')).resolve('tiny-inflate');
  } catch {
    return undefined;
  }
}
