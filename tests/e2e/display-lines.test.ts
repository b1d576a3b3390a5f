import { readFileSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import { breakInLines, breakInTwo, displayFontOf, displayLine, fitOnOneLine, holdLastWords } from '../../src/display-lines.js';
import { contentDir, runCli, tempDir } from '../helpers/cli.js';
import { textRuns } from '../helpers/print.js';
import { templateIds } from '../../templates/index.js';

/**
 * Titles and headlines never end on one word alone: "Betriebsratswahl 2026 – so / geht's" is set
 * "Betriebsratswahl 2026 – / so geht's" (found on a walk writing a new sheet).
 */

const TITLE = "Betriebsratswahl 2026 – so geht's";
/** A kicker with the region's name: "… – IG METALL FRANKFURT AM / MAIN" on a walk. */
const KICKER = 'Arbeitszeit und Gesundheit – IG Metall {region.name}';

describe('holdLastWords', () => {
  const always = () => true;
  it('joins the last two words with a no-break space when they fit', () => {
    expect(holdLastWords(TITLE, always)).toBe("Betriebsratswahl 2026 – so\u00a0geht's");
    expect(holdLastWords('Zoom meetings and data protection', always)).toBe('Zoom meetings and data\u00a0protection');
  });
  it('leaves one word, and a pair too wide for its share of the line, alone', () => {
    expect(holdLastWords('Datenschutz', always)).toBe('Datenschutz');
    expect(holdLastWords(TITLE, () => false)).toBe(TITLE);
  });
  it('replaces the whole run of spaces before the last word (a no-break space left over would indent the line)', () => {
    expect(holdLastWords('IG Metall  Datenschutz', always)).toBe('IG Metall\u00a0Datenschutz');
  });
  it('keeps a dash typography held to the word before it with that word', () => {
    expect(holdLastWords('Zoom-Meetings in der IG\u00a0Metall\u00a0– Regeln', always)).toBe('Zoom-Meetings in der IG\u00a0Metall\u00a0–\u00a0Regeln');
  });
  it('measures the pair from the last ordinary space, with no-break spaces inside it', () => {
    const seen: string[] = [];
    holdLastWords('Treffen der IG\u00a0Metall Nord', (tail) => (seen.push(tail), true));
    expect(seen).toEqual(['IG\u00a0Metall Nord']);
  });
});

describe('fitOnOneLine', () => {
  const width = (text: string) => text.length; // one unit a character
  const tail = ' · IG Metall Kiel';
  it('keeps a text that fits, and else drops words from its end, with "…" after the last kept, the tail whole', () => {
    expect(fitOnOneLine('Zoom und Datenschutz', tail, 60, width)).toBe(`Zoom und Datenschutz${tail}`);
    expect(fitOnOneLine('Betriebsversammlung 2026 – alles, was ihr wissen müsst', tail, 51, width)).toBe(`Betriebsversammlung 2026 – alles…${tail}`);
    // A dash or comma the cut leaves at the end goes with it.
    expect(fitOnOneLine('Betriebsversammlung 2026 – alles, was ihr wissen müsst', tail, 46, width)).toBe(`Betriebsversammlung 2026…${tail}`);
    expect(fitOnOneLine('Datenschutzgrundverordnungskonformitätsprüfung', tail, 30, width)).toBe(`…${tail}`);
  });
});

describe('breakInTwo', () => {
  // Every character 1 unit wide; a no-break space shows as "~".
  const two = (text: string, width: number) => breakInTwo(text, (t) => t.length, width)?.replace(/\u00a0/g, '~');
  it('breaks before a short word that leads into the next, not after it', () => {
    expect(two('Zoom meetings and data protection', 20)).toBe('Zoom~meetings and~data~protection');
    expect(two('Safe and sound in IG\u00a0Metall Zoom meetings', 28)).toBe('Safe~and~sound in~IG~Metall~Zoom~meetings');
  });
  it('breaks after a dash', () => {
    expect(two("Betriebsratswahl 2026\u00a0– so geht's", 24)).toBe("Betriebsratswahl~2026~– so~geht's");
  });
  it('else makes the first line the longer of two similar ones', () => {
    expect(two('IG Metall Zoom toplantılarına güvenle katılın', 30)).toBe('IG~Metall~Zoom~toplantılarına güvenle~katılın');
  });
  it('keeps a short word at the end where nothing else fits, and leaves one line or three to others', () => {
    expect(two('Sicher dabei in Zoom-Meetings der IG\u00a0Metall', 27)).toBe('Sicher~dabei~in Zoom-Meetings~der~IG~Metall');
    expect(two('Datenschutz', 20)).toBeUndefined();
    expect(two('one two three four five six seven', 10)).toBeUndefined();
  });
});

describe('displayLine and displayFontOf', () => {
  it('trims a quoted title (a space around it would print as an indent) and reads weights however written', () => {
    const measure = Object.assign((t: string) => t.length, { ascent: () => 0.8 });
    const set = displayLine((w) => [w], measure, { fontSize: 1 }, 40).text('  Zoom-Meeting und Datenschutz ');
    expect(set.replace(/\u00a0/g, ' ')).toBe('Zoom-Meeting und Datenschutz');
    expect(displayFontOf({ fontSize: 12, fontWeight: '700' as never })).toMatchObject({ face: 'bold' });
    expect(displayFontOf({ fontSize: 12, fontWeight: 'demibold' as never })).toMatchObject({ face: 'semibold' });
    expect(displayFontOf({ fontSize: 12, fontWeight: 'heavy' as never }).face).toBe('bold');
    expect(displayFontOf({ fontSize: 12 }).face).toBe('regular');
  });
});

describe('breakInLines', () => {
  const lines = (text: string, width: number) => breakInLines(text, (t) => t.length, width)?.split(' ').map((l) => l.replace(/\u00a0/g, ' '));
  it('breaks a text of three lines or more by the same rules, in as few lines as it takes', () => {
    // react-pdf's greedy breaks ended the second line on "und".
    expect(lines('Homeoffice und mobile Arbeit: Was gilt bei Arbeitszeit und Erreichbarkeit?', 30)).toEqual(['Homeoffice und mobile Arbeit:', 'Was gilt bei Arbeitszeit', 'und Erreichbarkeit?']);
    // Each line fits; no more lines than greedy breaking takes.
    const text = 'Sicher dabei in den Zoom-Meetings der IG Metall in allen Regionen und Betrieben';
    const set = lines(text, 24)!;
    expect(set.join(' ')).toBe(text);
    expect(set.every((l) => l.length <= 24)).toBe(true);
    expect(set).toHaveLength(4);
    expect(set.some((l) => /\s(in|der|und|den)$/.test(l))).toBe(false);
  });
  it('leaves one or two lines to the others, and a word wider than the line to react-pdf', () => {
    expect(lines('Zoom meetings and data protection', 40)).toBeUndefined();
    expect(lines('Zoom meetings and data protection', 20)).toBeUndefined();
    expect(lines('Datenschutzgrundverordnungsbestimmungen und mehr', 20)).toBeUndefined();
  });
});

let out: string;
beforeAll(() => {
  const dir = tempDir(contentDir);
  const de = path.join(dir, 'content/sheets/zoom-datenschutz/de.yaml');
  writeFileSync(de, readFileSync(de, 'utf8').replace(/^title: .*$/m, `title: "${TITLE}"`).replace(/^  headline: .*$/m, `  headline: "${TITLE}"`).replace(/^kicker: .*$/m, `kicker: "${KICKER}"`));
  out = path.join(dir, 'out');
  const run = runCli(['build', '--region', 'kiel,frankfurt', '--locale', 'de', '--out', out], { cwd: dir });
  expect(run.status, run.stderr).toBe(0);
});

/** The Frankfurt kicker as each template sets it: over two lines, broken after the dash, or on one. */
const KICKER_LINES = {
  infoblatt: ['ARBEITSZEIT UND GESUNDHEIT –', 'IG METALL FRANKFURT AM MAIN'],
  // Flyer and poster set their kicker on a line of its own across the page: it fits.
  flyer: ['ARBEITSZEIT UND GESUNDHEIT – IG METALL FRANKFURT AM MAIN'],
  aushang: ['ARBEITSZEIT UND GESUNDHEIT – IG METALL FRANKFURT AM MAIN'],
};

describe.each(templateIds)('%s', (template) => {
  it('sets the title or headline over two lines, the last with two words', async () => {
    const [page] = await textRuns(path.join(out, `zoom-datenschutz/kiel/zoom-datenschutz-kiel-de-${template}.pdf`));
    // The title or headline is the largest type on page 1.
    const size = Math.max(...page!.map((r) => r.size));
    const lines = page!.filter((r) => Math.abs(r.size - size) < 0.5).sort((a, b) => b.y0 - a.y0).map((r) => r.str.trim());
    // (with the typographic apostrophe the typography stage sets)
    expect(lines.join(' ').replace(/\s+/g, ' ')).toBe(TITLE.replace("'", '\u2019'));
    expect(lines.at(-1)!.split(/\s/)).toHaveLength(2);
  });

  it('sets the kicker on one line where it fits, else breaks it after its dash, not inside the region name', async () => {
    const [page] = await textRuns(path.join(out, `zoom-datenschutz/frankfurt/zoom-datenschutz-frankfurt-de-${template}.pdf`));
    const first = page!.find((r) => r.str.startsWith('ARBEITSZEIT'))!;
    const lines = page!.filter((r) => Math.abs(r.size - first.size) < 0.1 && r.y0 <= first.y0 && r.y0 > first.y0 - 3 * first.size).sort((a, b) => b.y0 - a.y0).map((r) => r.str.trim());
    expect(lines.join(' ').replace(/\s+/g, ' ')).toBe('ARBEITSZEIT UND GESUNDHEIT – IG METALL FRANKFURT AM MAIN');
    expect(lines).toEqual(KICKER_LINES[template as keyof typeof KICKER_LINES]);
  });
});

it('keeps the running header of a long title on one line, above the text of page 2', async () => {
  const dir = tempDir(contentDir);
  const de = path.join(dir, 'content/sheets/zoom-datenschutz/de.yaml');
  const title = 'Betriebsversammlung 2026 – alles, was Kolleg*innen über die Datenschutzgrundverordnungskonformitätsprüfung im Betrieb wissen müssen';
  writeFileSync(de, readFileSync(de, 'utf8').replace(/^title: .*$/m, `title: ${title}`));
  const run = runCli(['build', '--region', 'frankfurt', '--locale', 'de', '--template', 'infoblatt'], { cwd: dir });
  expect(run.status, run.stderr).toBe(0);
  const [, page2] = await textRuns(path.join(dir, 'out/zoom-datenschutz/frankfurt/zoom-datenschutz-frankfurt-de-infoblatt.pdf'));
  // The running header is the topmost text; it wrapped onto a second line, which the text's first line overprinted.
  const top = Math.max(...page2!.map((r) => r.y1));
  const header = page2!.filter((r) => r.size < 8.5 && r.y1 > top - 12);
  expect(new Set(header.map((r) => Math.round(r.y0))).size, JSON.stringify(header)).toBe(1);
  const line = header.sort((a, b) => a.x0 - b.x0).map((r) => r.str).join('');
  expect(line).toMatch(/^Betriebsversammlung 2026 – alles, was .*…/);
  expect(line).toMatch(/… · IG Metall Frankfurt am Main$/);
  const below = page2!.filter((r) => !header.includes(r));
  expect(Math.max(...below.map((r) => r.y1))).toBeLessThan(Math.min(...header.map((r) => r.y0)));
});
