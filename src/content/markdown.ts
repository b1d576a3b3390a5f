import { fromMarkdown } from 'mdast-util-from-markdown';
import { linkAddresses, linkTarget } from './autolink.js';
import type { Nodes, PhrasingContent, RootContent, Text } from 'mdast';
import type { Block, Inline } from '../model.js';
import { decodeNamedCharacterReference } from 'decode-named-character-reference';
import { MARKDOWN_LIMITS, characterReference, markdownWording, plainHttpAddress } from '../messages.js';
import { characterNameOrCode } from './characters.js';

/**
 * A body is Markdown, read by mdast-util-from-markdown (CommonMark) and narrowed to what an info
 * sheet prints: paragraphs, bold, italic, links, bullet and numbered lists. Anything else is a
 * content problem rather than something we silently drop.
 */

export interface MarkdownProblem {
  /** The construct, as the parser names it ("heading", "html"), where one is not supported. */
  kind?: string;
  /** Source text of the offending construct (first line), used to find it in the YAML file. */
  snippet: string;
  /** Which occurrence of the snippet in the text it is (a "---" of a table's row before a rule). */
  occurrence?: number;
  message: string;
  hint: string;
}

const unsupported: Record<string, [string, string]> = {
  heading: ['a heading ("#") inside a body', 'Start a new section with its own heading instead.'],
  code: ['a code block inside a body', 'Lines indented by four spaces become code blocks; remove the indentation.'],
  blockquote: ['a quotation block (">") inside a body', 'Remove the ">" at the start of the line.'],
  html: ['HTML inside a body', 'Use Markdown: **bold**, *italic*, [text](https://…).'],
  image: ['an image inside a body', 'Images are not supported in the text; remove it.'],
  imageReference: ['an image inside a body', 'Images are not supported in the text; remove it.'],
  thematicBreak: ['a horizontal rule ("---") inside a body', 'Remove the line; sections are separated automatically.'],
  definition: ['a link definition ("[x]: …") inside a body', 'Write the link inline: [text](https://…).'],
  linkReference: ['a reference link ("[text][x]")', 'Write the link inline: [text](https://…).'],
  inlineCode: ['code formatting (`…`)', 'Remove the backticks.'],
};

/**
 * Markdown from elsewhere that CommonMark does not know and would print as typed, and lists
 * pasted from a word processor, which would run together into one line. The first group of a
 * pattern is what the finding points at.
 */
/** A list Markdown reads as a paragraph, its items run together. */
export const PASTED_LIST = {
  message: 'a list written with "•" or "–", or pasted from a word processor, which would run together into one line',
  hint: 'Start each item with "- " (a hyphen and an ordinary space) on a line of its own, with an empty line before the list.',
};

const TEXT_LOOKALIKES: Array<{ kind: string; pattern: RegExp; message: string; hint: string }> = [
  {
    kind: 'table',
    // A header row, then the row of dashes under it.
    pattern: /^([^\n]*\|[^\n]*)\n *\|? *:?-{3,}:? *(?:\| *:?-{3,}:? *)+\|? *$/m,
    message: 'a table ("| … |") inside a body, which would be printed as typed',
    hint: 'Tables are not printed: write each row as an item of a list ("- Montag, 10 Uhr: Saal 1").',
  },
  {
    kind: 'footnote',
    pattern: /\[\^[^\]\s]+\]/,
    message: 'a footnote ("[^1]"), which would be printed as typed',
    hint: 'Footnotes are not printed: put the source into the sentence, in brackets.',
  },
  {
    kind: 'bullet',
    // "•" at a line's start; "–" or "—" at the start of two lines in a row (one may be a dash that
    // began a line). As Word's lists arrive pasted as text: "·" and a tab, a no-break space after
    // "-", or after "1." on two lines in a row (one may be a date: "1.\u00a0Mai"); Markdown takes
    // none of them for a list. (Word's "o" and "§" before a tab: check-text.ts, where the tab is
    // still one; here it is a space, and "o" starts Turkish lines, "§ 87" German ones.)
    pattern: /^ *([•◦▪●‣·][ \t\u00a0][^\n]*|[-*+]\u00a0[^\n]*|\d{1,2}[.)]\u00a0[^\n]*(?=\n *\d{1,2}[.)]\u00a0))|^ *([–—][ \t\u00a0][^\n]*)\n *[–—][ \t\u00a0]/m,
    ...PASTED_LIST,
  },
];

const countIn = (text: string, needle: string): number => (needle ? text.split(needle).length - 1 : 0);

export function parseMarkdown(source: string): { blocks: Block[]; problems: MarkdownProblem[] } {
  const { text: parsed, toSource } = escapeGenderStar(source);
  // Such a text would keep the parser busy for minutes, or break the layout: it is not parsed.
  const limit = outsideLimits(source, parsed);
  if (limit) return { blocks: [], problems: [limit] };
  const problems: MarkdownProblem[] = characterReferences(source);
  // Positions are the parsed text's; a snippet is cut from the text as typed, to be found there.
  const snippetOf = (node: Nodes) => {
    const start = toSource(node.position?.start.offset ?? 0);
    const end = toSource(node.position?.end.offset ?? parsed.length);
    return source.slice(start, end).split('\n')[0]!.slice(0, 40);
  };
  const occurrenceOf = (node: Nodes, snippet: string) => countIn(source.slice(0, toSource(node.position?.start.offset ?? 0)), snippet);
  // Marks Markdown leaves as text when they are not closed: printed as typed ("**Wichtig: …").
  const unclosed = (text: string) => {
    const bold = /\*\*|__/.exec(text);
    if (bold) problems.push({ snippet: text.slice(bold.index, bold.index + 40).split('\n')[0]!, message: `"${bold[0]}" opens bold text that is never closed`, hint: `Close it after the words to set in bold (${bold[0]}wichtig${bold[0]}), or remove it.` });
    const link = /\[[^\]\n]*\]\(|\[[^\]\s]*\((?:https?:|mailto:)/.exec(text);
    if (link) problems.push({ snippet: text.slice(link.index, link.index + 40).split('\n')[0]!, message: 'a link is not complete', hint: 'Write it as [text](https://…), with both brackets closed, or write the address on its own: it becomes a link.' });
  };
  // What CommonMark reads as a paragraph's text, though it was meant as something else.
  const lookalikes = (node: Nodes) => {
    const start = toSource(node.position?.start.offset ?? 0);
    const text = source.slice(start, toSource(node.position?.end.offset ?? parsed.length));
    for (const { kind, pattern, message, hint } of TEXT_LOOKALIKES) {
      const m = pattern.exec(text);
      if (!m) continue;
      const snippet = (m[1] ?? m[2] ?? m[0]).trim().slice(0, 40);
      problems.push({ kind, snippet, occurrence: countIn(source.slice(0, start + m.index), snippet), message, hint });
    }
  };
  // An address written out becomes a link (resolve.ts): one to "http://" is refused as a
  // Markdown link to one is, since a sheet links to https://, mailto: and tel: only.
  const plainHttp = (node: Text) => {
    if (!node.value.includes('http://')) return;
    let at = 0;
    for (const piece of linkAddresses(node.value)) {
      if (piece.href?.startsWith('http://')) {
        const snippet = piece.text.slice(0, 40);
        problems.push({ snippet, occurrence: occurrenceOf(node, snippet) + countIn(node.value.slice(0, at), snippet), ...plainHttpAddress(piece.text) });
      }
      at += piece.text.length;
    }
  };
  const complain = (node: Nodes) => {
    const [message, hint] = unsupported[node.type] ?? [`unsupported Markdown (${node.type})`, 'Use paragraphs, **bold**, *italic*, links and lists only.'];
    const snippet = snippetOf(node);
    problems.push({ kind: node.type, snippet, occurrence: occurrenceOf(node, snippet), message, hint });
  };

  const inlines = (nodes: PhrasingContent[], style: { bold?: boolean; italic?: boolean; href?: string }): Inline[] =>
    nodes.flatMap((n): Inline[] => {
      switch (n.type) {
        case 'text':
          unclosed(n.value);
          if (!style.href) plainHttp(n);
          return [{ text: n.value.replace(/\s*\n\s*/g, ' '), ...style }];
        case 'strong':
          return inlines(n.children, { ...style, bold: true });
        case 'emphasis':
          return inlines(n.children, { ...style, italic: true });
        case 'link':
          if (!/^(https:\/\/|mailto:|tel:)/.test(n.url)) {
            problems.push({ snippet: n.url.slice(0, 40), message: `the link "${n.url}" does not start with https://, mailto: or tel:`, hint: 'Write the full address, e.g. https://www.example.org/.' });
          }
          return inlines(n.children, { ...style, href: linkTarget(n.url) });
        case 'break':
          return [{ text: '\n', ...style }];
        default:
          complain(n);
          return [];
      }
    });

  /** `depth`: how many lists the nodes are inside. */
  const blocks = (nodes: RootContent[], depth: number): Block[] =>
    nodes.flatMap((n): Block[] => {
      switch (n.type) {
        case 'paragraph':
          lookalikes(n);
          return [{ kind: 'paragraph', runs: mergeRuns(inlines(n.children, {})) }];
        case 'list':
          // Nested by indentation over many lines, which outsideLimits lets pass: the layout gives
          // each level a bullet and an indent, and a hundred levels break it.
          if (depth === MARKDOWN_LIMITS.listDepth) {
            const snippet = snippetOf(n);
            problems.push({ kind: 'list', snippet, occurrence: occurrenceOf(n, snippet), ...markdownWording.deepList() });
            return [];
          }
          return [{
            kind: 'list',
            ordered: n.ordered === true,
            start: n.start ?? 1,
            items: n.children.map((item) => blocks(item.children, depth + 1)),
          }];
        default:
          complain(n);
          return [];
      }
    });

  return { blocks: blocks(fromMarkdown(parsed).children, 0), problems };
}

/**
 * Character references as CommonMark reads them: "&#8203;", "&#x200B;", "&shy;" (only a name HTML
 * knows: "&foo;" is printed as typed). A backslash before "&" keeps it literal.
 */
const REFERENCE = /(?<=(?:^|[^\\])(?:\\\\)*)&(?:#[0-9]{1,7}|#[xX][0-9a-fA-F]{1,6}|[A-Za-z][A-Za-z0-9]{0,31});/g;

/**
 * The parser replaces a character reference by its character in the text and in a link's address,
 * after the checks of the text as typed ran (characters the font lacks, that print as nothing, or
 * that reverse the line): "da&shy;ten" in an address would print as "daten" and link elsewhere.
 * A reference is refused rather than decoded and checked: a sheet's text has no need of one.
 */
function characterReferences(source: string): MarkdownProblem[] {
  if (!source.includes('&')) return [];
  const problems: MarkdownProblem[] = [];
  for (const m of source.matchAll(REFERENCE)) {
    const reference = m[0];
    const stands = reference.startsWith('&#') ? numericReference(reference) : decodeNamedCharacterReference(reference.slice(1, -1));
    if (stands === false) continue;
    problems.push({ kind: 'characterReference', snippet: reference, occurrence: countIn(source.slice(0, m.index), reference), ...characterReference(reference, characterNameOrCode(stands)) });
  }
  return problems;
}

/** The character a numeric reference stands for; CommonMark reads one outside Unicode as U+FFFD. */
function numericReference(reference: string): string {
  const value = reference[2] === 'x' || reference[2] === 'X' ? Number.parseInt(reference.slice(3, -1), 16) : Number.parseInt(reference.slice(2, -1), 10);
  return value === 0 || value > 0x10ffff || (value >= 0xd800 && value <= 0xdfff) ? '\ufffd' : String.fromCodePoint(value);
}

/** A line's indentation and list or quotation marks ("  - 1. > "), as CommonMark opens containers. */
const CONTAINER_PREFIX = /^(?:[ \t]*(?:[-*+]|\d{1,9}[.)])(?=[ \t]|$)|[ \t]*>)+/;
/** A horizontal rule ("- - -"): its marks open no list. */
const RULE = /^ {0,3}([-*_])(?:[ \t]*\1){2,}[ \t]*$/;
/**
 * Marks of bold, italic and links; not a gender star, escaped in `parsed`, nor any mark after an
 * odd number of backslashes. After an even number it is a mark: "\\*" is a backslash, then one.
 */
const MARKS = /(?<=(?:^|[^\\])(?:\\\\)*)[*_[\]]/g;

/**
 * Where `source` is past MARKDOWN_LIMITS, found by a scan that takes linear time (`parsed` is the
 * text as the parser would see it). The parser's time grows with the square of the nesting and of
 * the marks, or worse: "- " written 20,000 times took it minutes, 4,000 times nine seconds.
 */
function outsideLimits(source: string, parsed: string): MarkdownProblem | undefined {
  const first = source.trimStart().split('\n')[0]!.slice(0, 40);
  if (source.length > MARKDOWN_LIMITS.characters) return { snippet: first, ...markdownWording.tooLong(source.length) };
  const lines = source.split('\n');
  if (lines.length > MARKDOWN_LIMITS.lines) return { snippet: first, ...markdownWording.tooManyLines(lines.length) };
  // Each level of a list or quotation is a mark at the line's start, or indentation under the
  // line above: nested deeper than the layout can print either way, long before the parser slows.
  const deep = lines.map((line) => {
    const prefix = RULE.test(line) ? '' : CONTAINER_PREFIX.exec(line)?.[0] ?? '';
    return { line, columns: columnsOf(prefix) };
  }).find(({ columns }) => columns > MARKDOWN_LIMITS.prefix);
  if (deep) {
    const snippet = deep.line.trimStart().slice(0, 40);
    return { kind: 'list', snippet, occurrence: countIn(source.slice(0, source.indexOf(deep.line)), snippet), ...markdownWording.deepLine(deep.columns) };
  }
  const marks = parsed.match(MARKS)?.length ?? 0;
  if (marks > MARKDOWN_LIMITS.marks) return { snippet: first, ...markdownWording.tooManyMarks(marks) };
  return undefined;
}

/** The columns `prefix` takes, a tab reaching the next multiple of 4 (as CommonMark counts). */
function columnsOf(prefix: string): number {
  let columns = 0;
  for (const ch of prefix) columns = ch === '\t' ? columns + 4 - (columns % 4) : columns + 1;
  return columns;
}

/**
 * German gender forms ("Teilnehmer*innen") put an asterisk between letters; two of them in one
 * paragraph would turn the text between into italics. An asterisk between letters is always literal,
 * so it is escaped before parsing; `toSource` maps an offset in the escaped text back to the source.
 */
function escapeGenderStar(source: string): { text: string; toSource: (offset: number) => number } {
  const added: number[] = [];
  const text = source.replace(/(?<=\p{L})\*(?=\p{L})/gu, (_star: string, at: number) => {
    added.push(at + added.length);
    return '\\*';
  });
  return { text, toSource: (offset) => offset - added.filter((at) => at < offset).length };
}

/** Adjacent runs with the same style become one, so text can be shaped and hyphenated as a whole. */
function mergeRuns(runs: Inline[]): Inline[] {
  const out: Inline[] = [];
  for (const run of runs) {
    const last = out.at(-1);
    if (last && last.bold === run.bold && last.italic === run.italic && last.href === run.href) last.text += run.text;
    else out.push({ ...run });
  }
  return out;
}

/**
 * Applies `fn` to every text run, keeping the structure (used for placeholders, typography and
 * links); `index` is the run's place in its paragraph, 0 at each paragraph's start. A run may
 * become several (an address in it becomes a link of its own).
 */
export function mapRuns(blocks: readonly Block[], fn: (run: Inline, index: number) => Inline | Inline[]): Block[] {
  return blocks.map((b): Block =>
    b.kind === 'paragraph'
      ? { kind: 'paragraph', runs: b.runs.flatMap((r, i) => fn(r, i)) }
      : { ...b, items: b.items.map((item) => mapRuns(item, fn)) },
  );
}

/** A body's text without its formatting (the tests read models with it). */
export function plainText(blocks: readonly Block[]): string {
  return blocks
    .map((b) => (b.kind === 'paragraph' ? b.runs.map((r) => r.text).join('') : b.items.map((i) => plainText(i)).join('\n')))
    .join('\n\n');
}
