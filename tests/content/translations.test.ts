import { describe, expect, it } from 'vitest';
import { lockFileText, markCurrent, meaningOf, sourceHashes, translationStatus, untranslatedParts } from '../../src/content/translations.js';
import type { SheetTextFile } from '../../src/content/schema.js';

describe('lockFileText', () => {
  it('writes each entry in the order of a text file, whatever order it was built in', () => {
    // An entry marked before its flyer existed, then marked again: the spread put "flyer" last.
    const text = lockFileText({ tr: { sections: { a: '1', b: '2' }, flyer: 'f', title: 't', lead: 'l' }, en: { kicker: 'k', title: 't' } });
    const body = text.split('\n').filter((line) => !line.startsWith('#'));
    expect(body).toEqual(['en:', '  title: t', '  kicker: k', 'tr:', '  title: t', '  lead: l', '  flyer: f', '  sections:', '    a: "1"', '    b: "2"', '']);
  });
});

describe('translationStatus', () => {
  it('takes a record made from the text as typed (before spaces were tidied) as current', async () => {
    const { readYamlFile } = await import('../../src/content/source.js');
    const { mkdtempSync, writeFileSync } = await import('node:fs');
    const path = await import('node:path');
    const { tmpdir } = await import('node:os');
    const file = path.join(mkdtempSync(path.join(tmpdir(), 'infoblatt-test-')), 'de.yaml');
    writeFileSync(file, 'title: Zoom  und Datenschutz\nkicker: K\nlead: L\nsections:\n  - id: a\n    heading: A\n    body: Text\n');
    const source = readYamlFile(file).source!;
    const now = source.data as SheetTextFile;
    const typed = source.asTyped as SheetTextFile;
    expect(now.title).toBe('Zoom und Datenschutz');
    // A lock written by a version that hashed the title as typed, double space and all.
    const { sections, ...fields } = sourceHashes(typed, true);
    const old = { ...fields, sections };
    expect(translationStatus(now, now, old).find((u) => u.unit === 'title')!.state).toBe('outdated');
    expect(translationStatus(now, now, old, typed).every((u) => u.state === 'complete')).toBe(true);
    // Marking again records the text as printed.
    expect(translationStatus(now, now, markCurrent(now, now, old, [])).every((u) => u.state === 'complete')).toBe(true);
  });

  // The lock entry's sections were looked up as a plain object: "constructor" found Object's.
  it('reports a section named like an object property with no record as not yet reviewed, not as changed', () => {
    const text: SheetTextFile = { title: 'T', kicker: 'K', lead: 'L', sections: [{ id: 'constructor', heading: 'A', body: 'B' }, { id: 'to-string', heading: 'C', body: 'D' }] };
    const { sections: _, ...fields } = markCurrent(text, text, undefined, [], 'de');
    const lock = { ...fields, sections: {} };
    expect(translationStatus(text, text, lock, undefined, 'de').find((u) => u.unit === 'constructor')).toEqual({ unit: 'constructor', isSection: true, state: 'outdated', reason: 'unrecorded' });
    expect(translationStatus(text, text, { ...fields }, undefined, 'de').find((u) => u.unit === 'constructor')).toMatchObject({ reason: 'unrecorded' });
    expect(translationStatus(text, text, markCurrent(text, text, lock, [], 'de'), undefined, 'de').every((u) => u.state === 'complete')).toBe(true);
  });

  it('keeps a translation current through edits of the source that change nothing printed, not through real ones', () => {
    const source = (body: string, title = 'Zoom und Datenschutz'): SheetTextFile => ({ title, kicker: 'K', lead: 'L', sections: [{ id: 'a', heading: 'A', body }] });
    const body = 'Der Dienst "Zoom" ist\nweit verbreitet.\n\n- erstens\n- zweitens\n';
    const lock = markCurrent(source(body), source(body), undefined, [], 'de');
    const state = (s: SheetTextFile) => translationStatus(s, s, lock, undefined, 'de').find((u) => u.unit === 'a')!.state;
    // Broken anew inside the paragraph, folded (as YAML's ">" gives it), German quotes typed, spaces at line ends.
    expect(state(source('Der Dienst "Zoom"\nist weit verbreitet. \n\n- erstens\n- zweitens'))).toBe('complete');
    expect(state(source('Der Dienst „Zoom“ ist weit verbreitet.\n\n- erstens\n- zweitens\n'))).toBe('complete');
    expect(state(source('Der  Dienst "Zoom" ist weit verbreitet.\n\n- erstens\n- zweitens\n'))).toBe('complete');
    // A word changed, a paragraph split, a list item joined to the one before: outdated.
    expect(state(source(body.replace('weit', 'sehr weit')))).toBe('outdated');
    expect(state(source(body.replace('ist\nweit', 'ist\n\nweit')))).toBe('outdated');
    expect(state(source(body.replace('erstens\n- zweitens', 'erstens - zweitens')))).toBe('outdated');
    // What prints differently: a hard break, quotes German prints as typed, list nesting.
    expect(state(source(body.replace('ist\nweit', 'ist  \nweit')))).toBe('outdated');
    expect(state(source(body.replace('"Zoom"', '«Zoom»')))).toBe('outdated');
    expect(state(source(body.replace('- zweitens', '  - zweitens')))).toBe('outdated');
    expect(meaningOf('a\n1. b\n# c')).toBe('a\n1. b\n# c');
    expect(meaningOf('- a\n\n  b')).not.toBe(meaningOf('- a\n\n b'));
  });
});

describe('untranslatedParts', () => {
  const long = 'Zoom hat nach Bekanntwerden der Sicherheitslücken schnell reagiert.';
  const de: SheetTextFile = { title: 'Zoom', kicker: 'IG Metall', lead: long, sections: [{ id: 'a', heading: 'A', body: long }, { id: 'b', heading: 'B', body: 'Webex, Teams und Zoom.' }], flyer: { headline: 'Zoom', points: [long] } };
  const tr: SheetTextFile = { ...de, lead: 'Zoom, güvenlik açıkları duyulduktan sonra hızla tepki verdi.', sections: [{ id: 'a', heading: 'A', body: long.replace(/ /g, '\n') }, { id: 'b', heading: 'B', body: 'Webex, Teams und Zoom.' }] };

  it('finds the lead, sections and flyer points whose text is the source’s, however the lines are broken', () => {
    // A German section pasted into tr.yaml (broken into other lines), and the flyer not yet translated.
    expect(untranslatedParts(de, tr)).toEqual(['flyer', 'a']);
    // Short texts may well read the same in two languages; the title and kicker are not compared.
    expect(untranslatedParts(de, { ...tr, flyer: { headline: 'Zoom', points: ['Güvenle katılın.'] } })).toEqual(['a']);
  });

  it('is part of the status, whatever the lock file says', () => {
    const lock = markCurrent(de, tr, undefined, []);
    const status = translationStatus(de, tr, lock);
    expect(status.filter((u) => u.untranslated).map((u) => [u.unit, u.state])).toEqual([['flyer', 'complete'], ['a', 'complete']]);
    expect(status.find((u) => u.unit === 'lead')).toEqual({ unit: 'lead', isSection: false, state: 'complete' });
  });
});
