import { readFileSync } from 'node:fs';
import {
  LineCounter,
  isAlias,
  isMap,
  isPair,
  isScalar,
  isSeq,
  parseDocument,
  visit,
  type Alias,
  type Document,
  type Node,
} from 'yaml';
import type { Finding } from '../findings.js';
import { displayPath } from '../paths.js';
import type { Wording } from '../messages.js';
import { directiveWording, duplicateKeyWording, moreDuplicateKeysWording, selfAliasWording, yamlProblem } from '../messages-yaml.js';
import { positionInText } from './locate.js';
import { codePoint } from './characters.js';

/**
 * A YAML file kept together with its source positions, so that every later stage can point at
 * file:line:column instead of at a bare value.
 */
export interface SourceFile {
  path: string;
  shown: string;
  text: string;
  doc: Document.Parsed;
  lines: LineCounter;
  /** The values, spaces set as print sets them (tidyText). */
  data: unknown;
  /**
   * The values with their spaces as typed: translation hashes recorded before spaces were tidied
   * were taken from these (translations.ts accepts either).
   */
  asTyped: unknown;
}

/**
 * No info sheet comes anywhere near this; the limit bounds what a huge (or hostile) file can cost
 * every later step.
 */
export const MAX_FILE_BYTES = 256 * 1024;

/**
 * Anchors (&name) and aliases (*name) are legal YAML but no content file needs many; a handful of
 * nested aliases can expand to billions of nodes ("billion laughs"). Counting them in the parsed
 * tree, before anything is expanded, fails such a file in microseconds.
 */
export const MAX_ALIASES = 20;

/**
 * How many repeated keys of one file are listed one by one; the rest are counted in one finding.
 * Twenty is more than a file edited by hand gathers, and fits on a screen.
 */
export const MAX_DUPLICATE_FINDINGS = 20;

export type PathSegment = string | number;

export function readYamlFile(file: string): { source?: SourceFile; findings: Finding[] } {
  const shown = displayPath(file);
  const at = (line: number, column: number, message: string, hint: string): Finding => ({
    severity: 'error', file: shown, line, column, yamlPath: '', message, hint,
  });
  let bytes: Buffer;
  try {
    bytes = readFileSync(file);
  } catch (error) {
    // A file the build may not read (its permissions, a folder named like a file) is the content's
    // problem, named at the file, not a crash of ours.
    const code = (error as NodeJS.ErrnoException).code;
    return { findings: [at(1, 1, `the file cannot be read${code === 'EACCES' || code === 'EPERM' ? ': no permission to read it' : code === 'EISDIR' ? ': it is a folder' : ''} (${code ?? 'error'})`,
      code === 'EISDIR' ? 'Rename or remove the folder; content files are YAML files.' : 'Give read permission to the user who runs infoblatt (e.g. chmod a+r on the file), or replace the file with a copy you own.')] };
  }
  if (bytes.length > MAX_FILE_BYTES) {
    return {
      findings: [at(1, 1, `the file is ${Math.ceil(bytes.length / 1024)} KiB; content files may be at most ${MAX_FILE_BYTES / 1024} KiB`,
        'Split the text into several sections or sheets.')],
    };
  }
  // UTF-16 without its byte order mark (Notepad's "Unicode" sent through other tools) decodes as
  // UTF-8 without a complaint: its letters alternate with zero bytes, which no text file holds.
  // The whole file is in the other encoding: reported at its start.
  if (bytes.includes(0)) {
    return {
      findings: [at(1, 1, 'the file is not saved as UTF-8: it holds zero bytes, as a file saved as UTF-16 ("Unicode" in Notepad) does',
        'Save the file with the encoding UTF-8 (in most editors: "Save with encoding" → UTF-8).')],
    };
  }
  let text: string;
  try {
    text = new TextDecoder('utf-8', { fatal: true }).decode(bytes);
  } catch {
    // Point at the first broken character: that is where the editor saved in another encoding.
    const lossy = new TextDecoder('utf-8').decode(bytes);
    const { line, column } = positionInText(lossy, lossy.indexOf('\uFFFD'));
    return {
      findings: [at(line, column, 'the file is not saved as UTF-8, so umlauts and quotes would be garbled',
        'Save the file with the encoding UTF-8 (in most editors: "Save with encoding" → UTF-8).')],
    };
  }
  if (text.charCodeAt(0) === 0xfeff) text = text.slice(1);
  // Letters pasted decomposed (macOS, PDFs: "u" + combining diaeresis) are composed, as every
  // later step expects one character per letter: the font placed the dots over the next letter
  // ("Lu¨neburg"), and a word list entry would not match. Positions count the composed text.
  text = text.normalize('NFC');
  // Line ends of old Mac editors (a lone CR), also where one came into a Windows file with pasted
  // text: YAML reads a lone CR as no line end, and would count lines unlike the editor, which
  // shows one there.
  if (text.includes('\r')) text = text.replace(/\r\n?/g, '\n');
  const lines = new LineCounter();
  // uniqueKeys: yaml's own check compares each key with every one before it in its block, which
  // takes seconds for a file of 20,000 fields; repeatedKeys finds the same keys with one set per block.
  const doc = parseDocument(text, { lineCounter: lines, prettyErrors: false, uniqueKeys: false, keepSourceTokens: false, logLevel: 'error' });
  const repeated = repeatedKeys(doc);
  // (logLevel: yaml's warnings are findings here, never lines of its own on stderr.)
  const firstEntry = new Map(repeated.map((r) => [r.at, r.first]));
  // Plain objects in the shape of yaml's errors: one Error (with its stack) per repeated key would be
  // the slowest part of a file padded with them.
  const duplicates = repeated.map((r) => ({ code: 'DUPLICATE_KEY' as const, pos: [r.at, r.at + 1] as [number, number], message: 'Map keys must be unique' }));
  // Indentation pasted from a web page or a word processor is often no-break spaces: on screen
  // like spaces, to YAML part of the key ("unknown field ' office'"), or a line that does not
  // line up with the ones around it, reported at another line. Inside a text block ("body: |")
  // such a line is text, and fine: named only where YAML stumbles over it (a duplicate key is a
  // mistake of its own), or reads it into a field name.
  const oddIndent = ODD_INDENT.exec(text);
  if (oddIndent) {
    let oddKey = false;
    visit(doc, { Pair(_, pair) { if (isScalar(pair.key) && ODD_SPACE.test(String(pair.key.value))) oddKey = true; } });
    if (oddKey || doc.errors.some((e) => e.code !== 'DUPLICATE_KEY')) {
      const { line } = positionInText(text, oddIndent.index);
      const column = oddIndent[0].length;
      const name = oddIndent[1] === '\u00a0' ? 'no-break spaces' : `a special space (${codePoint(oddIndent[1]!)})`;
      const count = text.split('\n').filter((l) => ODD_INDENT.test(l)).length;
      return {
        findings: [at(line, column, `this line is indented with ${name}, which YAML does not count as spaces${count > 1 ? ` (${count} lines are)` : ''}`,
          'Replace the indentation with ordinary spaces (they came with text pasted from a web page or a word processor); many editors show them with "show whitespace".')],
      };
    }
  }
  // Warnings count as errors: `yaml` only warns about unknown tags, which would silently lose text.
  // After the first syntax error the parser is out of step and reports every later line as well;
  // those are shown as one count, since they usually go away with the first fix. Duplicate keys are
  // independent mistakes and are all shown.
  const all = [...doc.errors, ...doc.warnings, ...duplicates].sort((a, b) => a.pos[0] - b.pos[0]);
  const firstSyntax = all.find((p) => p.code !== 'DUPLICATE_KEY');
  // Repeated keys beyond the first MAX_DUPLICATE_FINDINGS are one finding with their count, at the
  // next of them: a list of thousands (a file padded with one line) helps nobody read it.
  let shownDuplicates = 0;
  const problems = all.filter((p) => p === firstSyntax || (p.code === 'DUPLICATE_KEY' && ++shownDuplicates <= MAX_DUPLICATE_FINDINGS));
  const moreDuplicates = duplicates.length - Math.min(duplicates.length, MAX_DUPLICATE_FINDINGS);
  const later = all.length - problems.length - moreDuplicates;
  if (problems.length > 0) {
    const seen = new Set<string>();
    const rest: Finding[] = [];
    if (moreDuplicates > 0) {
      const next = all.filter((p) => p.code === 'DUPLICATE_KEY')[MAX_DUPLICATE_FINDINGS]!;
      const pos = lines.linePos(next.pos[0]);
      const { message, hint } = moreDuplicateKeysWording(moreDuplicates, MAX_DUPLICATE_FINDINGS);
      rest.push(at(pos.line, pos.col, message, hint));
    }
    return {
      findings: [...problems.flatMap((p) => {
        // An unclosed quote is only noticed at the end of the file; point at where it was opened.
        const unclosed = p.code === 'MISSING_CHAR' && /quote/.test(p.message);
        // "name: [de, en" without its "]": yaml only notices at the next line and calls it indentation.
        const flow = p.code === 'BAD_INDENT' ? /Flow (sequence|map) .* end with a [\]}]/.exec(p.message)?.[1] : undefined;
        // A field indented a space too far is read as more of the text above it: yaml reports at
        // that text, but the mistake is on the field's own line.
        const indented = p.code === 'BLOCK_AS_IMPLICIT_KEY' ? overIndentedField(text, p.pos[0]) : undefined;
        // Or the line above it was moved left, out of the block it sits in ("city: Kiel" at the margin between contact fields).
        const outdented = indented === undefined ? undefined : outdentedAbove(text, indented);
        // yaml names the kind ("Missing closing 'quote"); a value in the other kind on a later line is no opener.
        // "heading: Wichtig: Termine": yaml points at the value's start; the mistake is its ": ".
        const colon = p.code === 'BLOCK_AS_IMPLICIT_KEY' && indented === undefined ? colonInLine(text, p.pos[0]) : undefined;
        // yaml reports a line that does not line up at the comments above it ("# email: …" made a
        // field by deleting only its "#", one space too deep): the mistake is on the field's line.
        const belowComments = p.code === 'BAD_INDENT' && !flow ? pastComments(text, p.pos[0]) : undefined;
        const offset = unclosed ? openingBefore(text, p.pos[0], /closing '/.test(p.message) ? "'" : '"') : flow ? openingBefore(text, p.pos[0], flow === 'map' ? '{' : '[') : outdented ?? indented ?? colon ?? belowComments ?? p.pos[0];
        const pos = lines.linePos(offset);
        // One mistake often upsets the parser twice at the same place: report it once.
        if (seen.has(`${pos.line}:${pos.col}`)) return [];
        seen.add(`${pos.line}:${pos.col}`);
        // A list item that goes on in a line holding ": " is read as a key too, with no colon missing.
        const listItem = p.code === 'MULTILINE_IMPLICIT_KEY' && /^\s*-\s+$/.test(text.slice(lineStart(text, offset), offset));
        // Text meant for a block ("body: |") but not indented under it upsets YAML in several ways.
        const unindentedBlock = ['MULTILINE_IMPLICIT_KEY', 'BAD_INDENT', 'MISSING_CHAR'].includes(p.code) && !unclosed && followsBlockHeader(text, offset);
        // A tab at the start of a text line looks indented on screen, but YAML never counts tabs.
        const tabbed = !unclosed && text[lineStart(text, offset)] === '\t';
        // office: "IG Metall" Bremen: the closing quote ends the value, and more text follows.
        const afterQuotes = p.code === 'UNEXPECTED_TOKEN' && /:[ \t]+(["'])[^"'\n]*\1[ \t]*$/.test(text.slice(lineStart(text, offset), offset));
        const lineOf = (from: number) => text.slice(lineStart(text, from)).split('\n')[0]!;
        // postcode: "20097“: the quote typed at the end is a typographic one, which closes nothing.
        // (Only when it is the value's one typographic quote: "…„Datenschutz“ closes its own pair.)
        const curlyClose = unclosed && /[„“”«»‚‘’][ \t]*(?:#.*)?$/.test(lineOf(offset)) && (lineOf(offset).match(/[„“”«»‚‘’]/g) ?? []).length === 1;
        // office: „IG Metall: Region Hamburg“: its author took the typographic quotes for YAML's.
        const curlyColon = colon !== undefined && /^[ \t]*(?:-[ \t]+)?[^:#\n]+:[ \t]+[„“”«»‚‘]/.test(lineOf(offset));
        const code = tabbed ? 'TAB_AS_INDENT' : afterQuotes ? 'TEXT_AFTER_QUOTES' : curlyClose ? 'TYPOGRAPHIC_CLOSING_QUOTE' : unclosed ? 'MISSING_QUOTE' : curlyColon ? 'COLON_IN_TYPOGRAPHIC_QUOTES' : flow ? (flow === 'map' ? 'UNCLOSED_BRACE' : 'UNCLOSED_BRACKET') : outdented !== undefined ? 'OUTDENTED_FIELD' : indented !== undefined ? 'OVER_INDENTED' : unindentedBlock ? 'UNINDENTED_BLOCK_TEXT' : listItem ? 'MULTILINE_LIST_ITEM' : p.code;
        const { message, hint: wording } = yamlProblem(code, p.message);
        // The straight quote the value was opened with, " or '.
        const hint = wording.replace('{quote}', text[offset] ?? '"');
        const tag = /^!\S*/.exec(text.slice(offset))?.[0];
        const more = p === firstSyntax && later > 0 ? ` (The lines after it show ${later === 1 ? '1 more problem, which usually goes' : `${later} more problems, which usually go`} away with this fix.)` : '';
        const first = firstEntry.get(p.pos[0]);
        const twice = p.code === 'DUPLICATE_KEY' && first !== undefined ? duplicateKey(text, offset, lines.linePos(first).line) : undefined;
        if (twice) return [at(pos.line, pos.col, twice.message, twice.hint)];
        return [at(pos.line, pos.col, tag && /tag/i.test(p.message) ? `the tag "${tag}" is not allowed` : message, hint + more)];
      }), ...rest].sort((a, b) => a.line - b.line || a.column - b.column),
    };
  }
  // "%YAML 1.1" switches yaml to YAML 1.1, which reads "<<" as a merge, yes/no as true/false and
  // 1:20 as a number: values none of the later steps expect ("expected a text, found a block of
  // fields"). "%TAG" names tags, which content files never use. Both are reported at their line;
  // "%YAML 1.2" says what the files are anyway, and unknown directives are yaml's warnings above.
  const tagsChanged = Object.entries(doc.directives.tags).some(([handle, prefix]) => handle !== '!!' || prefix !== 'tag:yaml.org,2002:');
  const directive = doc.directives.yaml.version !== '1.2' ? 'YAML' : tagsChanged ? 'TAG' : undefined;
  if (directive) {
    const line = new RegExp(`^%${directive}\\b.*`, 'm').exec(text);
    const pos = lines.linePos(line?.index ?? 0);
    const { message, hint } = directiveWording(directive, line?.[0].trim() ?? `%${directive}`);
    return { findings: [at(pos.line, pos.col, message, hint)] };
  }
  if (doc.contents === null) {
    const comments = /^\s*#/m.test(text);
    return { findings: [at(1, 1, comments ? 'the file holds only comments (lines starting with "#")' : 'the file is empty', comments
      ? 'Remove the "#" at the start of the lines you want to use (and the space after it), or delete the file.'
      : 'Fill it in (see the README for an example), or delete it.')] };
  }
  if (!isMap(doc.contents)) {
    const pos = lines.linePos(doc.contents.range?.[0] ?? 0);
    const found = isSeq(doc.contents) ? 'a list' : 'a single value';
    return { findings: [at(pos.line, pos.col, `the file holds ${found}; a content file is a block of fields ("name: value" lines)`, 'Start each line at the left edge with a field name, a colon and a space, as in the README.')] };
  }
  let aliases = 0;
  let tooMany: number | undefined;
  // An alias inside the node it names ("x: &a [*a]") is a value without end: toJS builds a cyclic
  // value, and everything that walks it later (tidyText first) recurses until the stack runs out.
  // Found here, in the tree, as a finding at the alias. The anchors are collected in the order the
  // visit meets them, which is the order Alias.resolve(doc) searches (the last one before the
  // alias), in one pass instead of one walk of the whole document per alias.
  const anchored = new Map<string, unknown>();
  const cyclic: Alias[] = [];
  // A list or block as a key ("? [a, b]" and ": x" below it, or an alias of one): toJS turns it
  // into a text and has Node print a warning to stderr; no content file has a use for such a key,
  // so it is a finding at the key (locate could not find its way back to it from that text).
  const collectionKeys: Node[] = [];
  visit(doc, {
    Pair(_, pair) {
      const key = isAlias(pair.key) ? anchored.get(pair.key.source) : pair.key;
      if (isMap(key) || isSeq(key)) collectionKeys.push(pair.key as Node);
    },
    Node(_, node, path) {
      if (!isAlias(node)) {
        if (node.anchor) anchored.set(node.anchor, node);
        return undefined;
      }
      aliases += 1;
      if (aliases > MAX_ALIASES) {
        tooMany = node.range?.[0] ?? 0;
        return visit.BREAK;
      }
      const target = anchored.get(node.source);
      if (target !== undefined && path.includes(target as (typeof path)[number])) cyclic.push(node);
      return undefined;
    },
  });
  if (tooMany !== undefined) {
    const pos = lines.linePos(tooMany);
    return { findings: [at(pos.line, pos.col, `the file uses more than ${MAX_ALIASES} aliases (*name)`, 'Write the values out instead of repeating them with & and *.')] };
  }
  if (cyclic.length > 0) {
    return {
      findings: cyclic.map((alias) => {
        const pos = lines.linePos(alias.range?.[0] ?? 0);
        const { message, hint } = selfAliasWording(alias.source, isSeq(anchored.get(alias.source)) ? 'list' : 'block');
        return at(pos.line, pos.col, message, hint);
      }),
    };
  }
  if (collectionKeys.length > 0) {
    return {
      findings: collectionKeys.map((key) => {
        const pos = lines.linePos(key.range?.[0] ?? 0);
        const { message, hint } = yamlProblem('COLLECTION_KEY', '');
        return at(pos.line, pos.col, message, hint);
      }),
    };
  }
  let data: unknown;
  let asTyped: unknown;
  try {
    asTyped = doc.toJS({ maxAliasCount: 1000 });
    data = tidyText(asTyped);
  } catch (error) {
    // Some mistakes surface only when the document is turned into data, e.g. an alias in a key
    // position whose anchor does not exist (": *a"): the parser accepts it, resolving it throws.
    if (!(error instanceof ReferenceError)) throw error;
    const alias = /\*[^\s,\]}]+/.exec(text);
    const pos = lines.linePos(alias?.index ?? 0);
    const { message, hint } = yamlProblem('BAD_ALIAS', error.message);
    return { findings: [at(pos.line, pos.col, message, hint)] };
  }
  // "street: Bahnhofsplatz #22": YAML reads " #22" as a comment, and the PDFs print the street
  // without its number. Comments people write have a space after "#"; one without is a warning.
  const warnings: Finding[] = [];
  visit(doc, {
    Scalar(_, node) {
      // "BahnhofstraÃŸe": UTF-8 read once as Windows-1252 and saved again, before it reached us.
      const garbled = typeof node.value === 'string' && node.range ? /Ã[\u0080-\u00bf\u0152\u0153\u0160\u0161\u0178\u017d\u017e\u0192\u02c6\u02dc\u2013-\u203a\u20ac\u2122]|â€/.exec(node.value)?.[0] : undefined;
      if (garbled && node.range) {
        // Where the characters stand in the file; written as escapes ("\u00c3…"), the value's start.
        const at = text.slice(node.range[0], node.range[1]).indexOf(garbled);
        const pos = lines.linePos(node.range[0] + Math.max(at, 0));
        warnings.push({ severity: 'warning', file: shown, line: pos.line, column: pos.col, yamlPath: '',
          message: `"${garbled}" looks like a garbled umlaut or quote (text that was read in the wrong encoding once)`,
          hint: 'Retype the letter ("ß", "ü", "–" …), or copy the text again from where it was written.' });
      }
      // (A comment people write has a space after "#"; "# 22" after a street is a house number too.)
      if (node.type !== 'PLAIN' || !node.comment || (/^\s/.test(node.comment) && !/^\s\d/.test(node.comment)) || !node.range) return;
      // Only a "#" on the value's own line: a commented-out line below it ("  #Fr geschlossen") is a comment as meant.
      const hash = text.indexOf('#', node.range[1]);
      if (hash < 0 || text.slice(node.range[1], hash).includes('\n')) return;
      const pos = lines.linePos(hash);
      const comment = `#${node.comment.split('\n')[0]}`;
      // "primary: #C4161C": a value that starts with "#" is all comment, and the field is empty.
      warnings.push(node.value === null
        ? { severity: 'warning', file: shown, line: pos.line, column: pos.col, yamlPath: '',
          message: `"${comment}" is read as a comment, so the field before it has no value`,
          hint: `A value that starts with "#" goes in double quotes: "${comment}".` }
        : { severity: 'warning', file: shown, line: pos.line, column: pos.col, yamlPath: '',
          message: `"${comment}" is read as a comment, not as part of the text: the PDFs print "${String(node.value)}"`,
          hint: `If it belongs to the text, put the whole text in double quotes: "${String(node.value)} ${comment}".${/^#\s/.test(comment) ? '' : ' A comment has a space after "#".'}` });
    },
  });
  return { source: { path: file, shown, text, doc, lines, data, asTyped }, findings: warnings };
}

/** Spaces that look like spaces but are none to YAML, and a line indented with one. */
const ODD_SPACE = /^[\u00a0\u2000-\u200a\u202f\u205f\u3000]/;
const ODD_INDENT = /^[ \t]*([\u00a0\u2000-\u200a\u202f\u205f\u3000])/m;

/**
 * Spaces as print sets them: a run of spaces or tabs inside a line is one space. A tab pasted from
 * a spreadsheet glued the words around it ("IG MetallBremen"); a double space let a line break
 * fall between its two spaces, printing "bleibt.-" and starting the next line with a space.
 * Indentation at the start of a line is kept (Markdown nests lists by it), as are spaces at a
 * line's end.
 */
function tidyText(value: unknown): unknown {
  if (typeof value === 'string') return value.replace(/(?<=\S)(?:[ \t]*\t[ \t]*| {2,})(?=\S)/g, ' ');
  if (Array.isArray(value)) return value.map(tidyText);
  const proto = value !== null && typeof value === 'object' ? Object.getPrototypeOf(value) : undefined;
  if (proto === Object.prototype || proto === null) return Object.fromEntries(Object.entries(value as object).map(([k, v]) => [k, tidyText(v)]));
  return value;
}

/** Where a ": " (or a colon ending the line) stands in the rest of the line from `from`, if one does. */
function colonInLine(text: string, from: number): number | undefined {
  const end = text.indexOf('\n', from);
  const at = text.slice(from, end < 0 ? undefined : end).search(/:(?=[ \t]|$)/);
  return at < 0 ? undefined : from + at;
}

/**
 * The last of `openers` before `end` that opens a value (after "key: ", "- " or at a line's
 * start): where an unclosed quote, "[" or "{" starts.
 */
/** From a comment line at `offset`: the first character of the next line that is no comment or blank. */
function pastComments(text: string, offset: number): number | undefined {
  const lineFrom = (start: number) => text.slice(start, text.indexOf('\n', start) < 0 ? undefined : text.indexOf('\n', start));
  let start = lineStart(text, offset);
  if (!/^[ \t]*#/.test(lineFrom(start))) return undefined;
  while (start < text.length) {
    const line = lineFrom(start);
    if (!/^[ \t]*(?:#.*)?$/.test(line)) return start + line.search(/\S/);
    start += line.length + 1;
  }
  return undefined;
}

function openingBefore(text: string, end: number, openers: '"' | "'" | '[' | '{'): number {
  const opener = new RegExp(`(?:^|:[ \\t]+|-[ \\t]+)([${openers.replace(/./g, '\\$&')}])`, 'gm');
  let found = end;
  for (const m of text.slice(0, end).matchAll(opener)) found = m.index + m[0].length - 1;
  return found;
}

/** A key given twice in one block, named, with the line of its first entry (yaml says only that keys must be unique). */
function duplicateKey(text: string, offset: number, firstLine: number): Wording {
  const key = /^(["']?)([^\n:"']+)\1[ \t]*:/.exec(text.slice(offset, text.indexOf('\n', offset) < 0 ? undefined : text.indexOf('\n', offset)))?.[2]?.trim();
  return key ? duplicateKeyWording(key, firstLine) : yamlProblem('DUPLICATE_KEY', '');
}

/**
 * Keys that repeat an earlier key of their block, as yaml's uniqueKeys finds them (scalars of the
 * same value; "1" and 1 differ), each with where the first entry of that key stands. One set per
 * block keeps this linear, and the walk is a loop, not a recursion, so that a file nested
 * thousands deep (which the parser reports anyway) cannot exhaust the stack here.
 */
function repeatedKeys(doc: Document.Parsed): { at: number; first: number }[] {
  const found: { at: number; first: number }[] = [];
  const todo: unknown[] = [doc.contents];
  while (todo.length > 0) {
    const node = todo.pop();
    if (isMap(node)) {
      const firsts = new Map<unknown, number>();
      for (const pair of node.items) {
        todo.push(pair.key, pair.value);
        if (!isScalar(pair.key) || !pair.key.range) continue;
        const first = firsts.get(pair.key.value);
        if (first === undefined) firsts.set(pair.key.value, pair.key.range[0]);
        else found.push({ at: pair.key.range[0], first });
      }
    } else if (isSeq(node)) {
      todo.push(...node.items);
    } else if (isPair(node)) {
      todo.push(node.key, node.value);
    }
  }
  return found;
}

/**
 * The start of a "name: value" line below the value at `offset` that is indented further than
 * the line the value stands on: YAML takes it for more of that value.
 */
function overIndentedField(text: string, offset: number): number | undefined {
  const base = /^ */.exec(text.slice(lineStart(text, offset)))![0].length;
  let at = text.indexOf('\n', offset);
  while (at >= 0) {
    const start = at + 1;
    const end = text.indexOf('\n', start);
    const line = text.slice(start, end < 0 ? undefined : end);
    at = end;
    if (line.trim() === '') continue;
    const indent = /^ */.exec(line)![0].length;
    if (indent <= base) return undefined;
    if (/^ *[^\s:#"'][^:#]*:(?: |$)/.test(line)) return start + indent;
  }
  return undefined;
}

/**
 * Where the field above the one at `offset` starts, when that one sits left of the lines on both
 * sides of it, which line up with each other: it was moved out of their block, not the field at
 * `offset` in. Lines that are blank or comments do not count.
 */
function outdentedAbove(text: string, offset: number): number | undefined {
  const above = text.slice(0, lineStart(text, offset)).split(/\r?\n/);
  const indentOf = (line: string) => /^ */.exec(line)![0].length;
  const meaningful = (line: string) => line.trim() !== '' && !line.trim().startsWith('#');
  let i = above.length - 1;
  while (i >= 0 && !meaningful(above[i]!)) i--;
  let j = i - 1;
  while (j >= 0 && !meaningful(above[j]!)) j--;
  if (i < 0 || j < 0) return undefined;
  const own = offset - lineStart(text, offset);
  const moved = above[i]!;
  // A field with its value on the same line ("city: Kiel"), not one that opens a block.
  if (!(indentOf(moved) < own && indentOf(above[j]!) === own && /^ *[^\s:#"'-][^:#]*: +\S/.test(moved))) return undefined;
  return above.slice(0, i).reduce((sum, line) => sum + line.length + 1, 0) + indentOf(moved);
}

/** Whether the nearest non-blank line above the one at `offset` opens a block text ("body: |"). */
function followsBlockHeader(text: string, offset: number): boolean {
  const above = text.slice(0, lineStart(text, offset)).split(/\r?\n/).filter((line) => line.trim() !== '');
  return /:\s*[|>][-+]?\d?\s*(#.*)?$/.test(above.at(-1) ?? '');
}

/** The offset where the line holding `offset` starts. */
function lineStart(text: string, offset: number): number {
  return text.lastIndexOf('\n', offset - 1) + 1;
}
