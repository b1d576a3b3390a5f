import { readFileSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import fc from 'fast-check';
import { stringify } from 'yaml';
import { describe, expect, it } from 'vitest';
import type { Finding } from '../../src/findings.js';
import { parseMarkdown } from '../../src/content/markdown.js';
import { loadContent } from '../../src/pipeline/load.js';
import { validateContent } from '../../src/pipeline/validate.js';
import { planVariants } from '../../src/pipeline/plan.js';
import { resolveVariant } from '../../src/pipeline/resolve.js';
import { templateIds } from '../../templates/index.js';
import { minimalWith } from '../helpers/content.js';

/**
 * Whatever people type, the tool answers with findings or a model to render, never with a crash.
 * Random text built from the characters that mean something in YAML and Markdown goes through
 * load → validate → plan → resolve; every finding must point at a real place.
 */

/** More runs for a deeper search: FUZZ_RUNS=5000 npx vitest run tests/content/fuzz.test.ts */
const scale = Number(process.env.FUZZ_RUNS ?? 300) / 300;
const runs = (n: number) => Math.max(1, Math.round(n * scale));

const yamlChars = [...'abcäöüß: -\n\n  \t\'"&*!#{}[]|>%@`,?~=<\\/.0123456789😀東İı'];
const mdChars = [...'ab äz *_[]()#>`-+1. \n\n!<&{}~|\\:/https'];
const text = (chars: string[], max: number) => fc.array(fc.constantFrom(...chars), { maxLength: max }).map((a) => a.join(''));

/** How many runs got as far as a model: random input that never passes would test only the parser. */
let resolved = 0;

function pipeline(dir: string): Finding[] {
  const content = validateContent(loadContent(dir), templateIds);
  const findings = [...content.findings];
  for (const { key, blockedBy } of planVariants(content, {}, templateIds)) {
    if (blockedBy.length > 0) continue;
    const { model, findings: more } = resolveVariant(content, key);
    findings.push(...more);
    if (!model) expect(more.some((f) => f.severity === 'error')).toBe(true);
    else resolved += 1;
  }
  return findings;
}

function wellFormed(findings: Finding[]): void {
  for (const f of findings) {
    expect(f.file).toMatch(/\.yaml$|regions$|sheets$/);
    expect(f.line).toBeGreaterThanOrEqual(1);
    expect(f.column).toBeGreaterThanOrEqual(1);
    expect(f.message.length).toBeGreaterThan(5);
    expect(f.message).not.toMatch(/undefined|\[object Object\]/);
  }
}

const base = minimalWith();
const regionFile = path.join(base, 'regions', 'testort.yaml');
const textFile = path.join(base, 'sheets', 'kurz', 'de.yaml');
const region = readFileSync(regionFile, 'utf8');
const sheetText = readFileSync(textFile, 'utf8');

function run(files: Array<[string, string]>): Finding[] {
  for (const [file, value] of files) writeFileSync(file, value);
  // A content mistake is a finding, never a usage error (exit 2) and never a crash: anything
  // thrown fails the property.
  try {
    return pipeline(base);
  } finally {
    writeFileSync(regionFile, region);
    writeFileSync(textFile, sheetText);
  }
}

describe('random content never crashes the tool', () => {
  it('random YAML in a region file and a sheet text', () => {
    fc.assert(fc.property(text(yamlChars, 200), text(yamlChars, 200), (r, t) => {
      wellFormed(run([[regionFile, r], [textFile, t]]));
    }), { numRuns: runs(300) });
  });

  it('random data of any shape, written as YAML', () => {
    fc.assert(fc.property(fc.jsonValue({ maxDepth: 4 }), fc.jsonValue({ maxDepth: 4 }), (r, t) => {
      wellFormed(run([[regionFile, stringify(r)], [textFile, stringify(t)]]));
    }), { numRuns: runs(200) });
  });

  it('random lines spliced into valid files', () => {
    resolved = 0;
    // Some lines are comments, so that a share of the runs stays valid and reaches resolve.
    const line = fc.oneof(text(yamlChars, 60), text(yamlChars, 60).map((t) => `# ${t.replace(/\n/g, ' ')}`));
    fc.assert(fc.property(fc.nat(12), line, fc.nat(20), line, (i, line, j, other) => {
      const splice = (s: string, at: number, add: string) => {
        const lines = s.split('\n');
        lines.splice(at % (lines.length + 1), 0, add);
        return lines.join('\n');
      };
      wellFormed(run([[regionFile, splice(region, i, line)], [textFile, splice(sheetText, j, other)]]));
    }), { numRuns: runs(300) });
    expect(resolved).toBeGreaterThan(15);
  });

  it('random Markdown in a body and in the lead: findings or blocks, never a crash', () => {
    resolved = 0;
    fc.assert(fc.property(text(mdChars, 300), text(mdChars, 120), (body, lead) => {
      const { blocks, problems } = parseMarkdown(body);
      for (const p of problems) expect(p.hint.length).toBeGreaterThan(5);
      // Only what a sheet prints comes out: paragraphs and lists.
      for (const b of blocks) expect(['paragraph', 'list']).toContain(b.kind);
      const file = sheetText.replace('lead: Ein "kurzer" Vorspann mit **fettem** Wort.', `lead: ${JSON.stringify(lead || 'x')}`)
        .replace('    body: Die {contact.office} in {contact.city} hilft weiter.', `    body: ${JSON.stringify(body || 'x')}`);
      wellFormed(run([[textFile, file]]));
    }), { numRuns: runs(300) });
    expect(resolved).toBeGreaterThan(30);
  });
});
