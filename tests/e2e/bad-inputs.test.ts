import { cpSync, existsSync, readdirSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { ExitCode } from '../../src/exit-codes.js';
import { fixtures, runCliAsync, tempDir } from '../helpers/cli.js';

/**
 * The corpus of mistakes people make in content (tests/fixtures/bad/<case>/): each case is the
 * minimal content tree with some files replaced (files/) and the first error it must produce
 * (expect.json). `check` and `build` must both answer with that finding, exit 1, no stack trace,
 * and build must write no PDF of a variant that needs the broken file.
 */

interface Expected {
  file: string;
  line: number;
  column: number;
  path: string;
  message: string;
  /** Variants the mistake does not touch: they are built (another language, another region). */
  stillBuilt?: string[];
}

const corpus = path.join(fixtures, 'bad');
const cases = readdirSync(corpus).sort();

function contentFor(name: string): string {
  const dir = tempDir(path.join(fixtures, 'minimal'));
  cpSync(path.join(corpus, name, 'files'), path.join(dir, 'content'), { recursive: true });
  return dir;
}

function pdfsUnder(dir: string): string[] {
  return existsSync(dir) ? readdirSync(dir, { recursive: true }).map(String).filter((f) => f.endsWith('.pdf')) : [];
}

function expectFinding(stderr: string, e: Expected): void {
  const head = `content/${e.file}:${e.line}:${e.column}  error  ${e.path ? `${e.path}: ` : ''}${e.message}`;
  const lines = stderr.split('\n');
  const at = lines.indexOf(head);
  expect(at, `expected the line\n${head}\nin\n${stderr}`).toBeGreaterThanOrEqual(0);
  // Every finding says what to do, on the next line.
  expect(lines[at + 1]).toMatch(/^ {4}hint: \S/);
  expect(stderr).not.toMatch(/\n\s+at .+:\d+:\d+/);
  expect(stderr).not.toContain('internal error');
}

describe('the corpus of bad inputs', () => {
  it('has at least 30 distinct cases, each with an expectation', () => {
    expect(cases.length).toBeGreaterThanOrEqual(30);
    const messages = cases.map((c) => (JSON.parse(readFileSync(path.join(corpus, c, 'expect.json'), 'utf8')) as Expected).message);
    expect(new Set(messages).size).toBeGreaterThanOrEqual(30);
  });

  describe.concurrent.each(cases)('%s', (name) => {
    const expected = JSON.parse(readFileSync(path.join(corpus, name, 'expect.json'), 'utf8')) as Expected;

    it('check: exit 1 with the finding at file:line:column and a hint, and writes nothing', async () => {
      const dir = contentFor(name);
      const r = await runCliAsync(['check'], { cwd: dir });
      expect(r.status).toBe(ExitCode.content);
      expectFinding(r.stderr, expected);
      expect(existsSync(path.join(dir, 'out'))).toBe(false);
    });

    it('build: exit 1 with the same finding, and no PDF', async () => {
      const dir = contentFor(name);
      const r = await runCliAsync(['build'], { cwd: dir });
      expect(r.status).toBe(ExitCode.content);
      expectFinding(r.stderr, expected);
      expect(pdfsUnder(path.join(dir, 'out'))).toEqual(expected.stillBuilt ?? []);
    });
  });
});
