import type { Wording } from './messages.js';

/** The YAML parser's error codes, reworded for the people who edit content (see messages.ts). */

const yamlHints: Record<string, Wording> = {
  DUPLICATE_KEY: { message: 'this key appears twice in the same block', hint: 'Delete one of the two entries or merge them.' },
  BAD_INDENT: { message: 'the indentation does not line up', hint: 'Indent with spaces (never tabs) so that entries of one block start in the same column.' },
  TAB_AS_INDENT: { message: 'a tab is used for indentation', hint: 'Replace the tab with spaces: YAML counts only spaces, however indented the line looks.' },
  MISSING_CHAR: { message: 'a closing character is missing', hint: 'Check that every quote or bracket opened on this line is closed.' },
  UNCLOSED_BRACKET: { message: 'a list opened here with "[" is never closed', hint: 'Close it with "]" on the same line, e.g. locales: [de, en, tr]; if the "[" is not meant as a list, remove it.' },
  TEXT_AFTER_QUOTES: { message: 'the quotes end the text here, and YAML expects nothing after them', hint: 'Quote the whole text, or use typographic quotes inside it, which need none: „Zoom“ und Datenschutz.' },
  UNCLOSED_BRACE: { message: 'a block opened here with "{" is never closed', hint: 'Close it with "}" on the same line, e.g. name: { de: München, en: Munich }, or write one entry per line below the field.' },
  MISSING_QUOTE: { message: 'a quote opened here is never closed', hint: 'Add the closing quote at the end of the text; inside the text, use typographic quotes („…“ in German, “…” in English and Turkish).' },
  // postcode: "20097“: a word processor turned the closing quote into a typographic one.
  TYPOGRAPHIC_CLOSING_QUOTE: { message: 'a quote opened here is never closed: the mark at the end is a typographic quote, which YAML reads as text', hint: 'Type a straight {quote} at the end instead, as at the start.' },
  // office: „IG Metall: Region Hamburg“: to YAML, typographic quotes are text, and ": " starts a field.
  COLON_IN_TYPOGRAPHIC_QUOTES: { message: 'YAML reads a ": " (a colon and a space) here as the start of another field: typographic quotes („…“) do not protect it, as they are part of the text', hint: 'Put the whole text in straight double quotes ("…"), or leave out the colon.' },
  BLOCK_AS_IMPLICIT_KEY: { message: 'YAML reads a ": " (a colon and a space) here as the start of another field', hint: 'If the text contains ": ", put it in double quotes or write it as a block ("key: |" and the text indented below). Else check the next lines: fields of one block start in the same column.' },
  // Reported at the line that starts the key: that line lacks its colon, so YAML reads on into the next.
  MULTILINE_IMPLICIT_KEY: { message: 'this line has no colon after its field name, so YAML reads it together with the next line', hint: 'Write the field name, a colon and a space, then the value ("street: Weg 1"); or put a text that runs over several lines in quotes.' },
  // The first line under "body: |" starts at or left of the field's column.
  UNINDENTED_BLOCK_TEXT: { message: 'the text of the field above ("|" or ">") must be indented further than the field\'s name', hint: 'Indent every line of the text two spaces more than the field (e.g. "    body: |", then the text at 6 spaces).' },
  // A list item whose text goes on in a line with ": ": YAML reads the item and that line as one key.
  MULTILINE_LIST_ITEM: { message: 'this list item goes on in the next line, which holds ": " (a colon and a space), so YAML reads the two as a field name', hint: 'Put the item in double quotes, or write the ": " differently (a dash or a comma).' },
  // A field indented further than the one above it: yaml reads it as more of that field's text.
  OVER_INDENTED: { message: 'this field is indented further than the one above it, so YAML reads it as part of that value', hint: 'Start it in the same column as the other fields of its block. If the indented lines are a block of their own, the line that names it (such as "contact:") is missing above them.' },
  // A field between two lines that line up, itself further left: moved out of their block.
  OUTDENTED_FIELD: { message: 'this field starts further left than the lines above and below it, so YAML ends their block here', hint: 'Indent it like the lines around it, so that it stays in their block.' },
  // yaml's MISSING_CHAR for a field of a list entry ("  - id: a" then "   heading: …") indented
  // less than the entry's first field: YAML takes it for a new entry that lacks its "- ".
  UNDER_INDENTED_ITEM_FIELD: { message: 'this line is indented less than the field above it, so YAML takes it for a new list entry without its "- "', hint: 'Start it in the same column as the first field after "- " above (e.g. under "id:"); a new entry starts with "- " in the column of the other dashes.' },
  // yaml's MISSING_CHAR for a line inside a block that is neither "name: value" nor indented text.
  IMPLICIT_KEY_WITHOUT_VALUE: { message: 'this line is neither a field ("name: value") nor part of the text above', hint: 'If it continues a text written after "|", indent it further than that field name, like the text\'s other lines. Else add the colon after the field name.' },
  UNEXPECTED_TOKEN: { message: 'there is a character YAML does not expect here', hint: 'Put texts that contain ":" followed by a space, "#" or start with a quote in quotes, or use "|" and an indented block.' },
  // "? [a, b]" and ": x" below it: YAML allows a list or block as a key, content files do not.
  COLLECTION_KEY: { message: 'this field name is a list or a block of fields, not a name', hint: 'Write the field name as a word followed by a colon ("office: …"); a "?" at the start of a line makes what follows it the name, so remove it.' },
  BAD_ALIAS: { message: 'an alias (*name) refers to nothing', hint: 'Remove the "*"; or define the anchor (&name) first.' },
  // "office: & Bremen": YAML reads "&" at a value's start as an anchor's name.
  EMPTY_ANCHOR: { message: 'a text starts with "&", which YAML reads as an anchor (&name)', hint: 'Put the text in double quotes ("& Bremen"), or write "und" instead of "&".' },
  TAG_RESOLVE_FAILED: { message: 'a tag ("!" followed by a name) is used', hint: 'Remove the tag: content files are plain data, and tags that load or run anything are never followed.' },
  BAD_DIRECTIVE: { message: 'an unknown directive (%…) is used', hint: 'Remove the line starting with "%".' },
  BAD_SCALAR_START: { message: 'a text starts with a character that YAML reserves', hint: 'Put the text in double quotes.' },
  // "---" on a line of its own starts a second document: pasted from another file, or meant as a rule.
  MULTIPLE_DOCS: { message: 'a line "---" starts a second document here; a content file is one block of fields', hint: 'Delete the "---" line, and merge what follows it into the fields above or delete it.' },
  // "{de: Bremen, en: Bremen tr: Bremen}": a missing comma makes "Bremen tr: Bremen" look like a nested block.
  BLOCK_IN_FLOW: { message: 'inside { … } or [ … ] an entry holds ": " without a comma before it', hint: 'Separate the entries with commas ("{ de: Bremen, en: Bremen, tr: Bremen }"), or write each on its own line below the field.' },
};

/** DUPLICATE_KEY, where the key and the line of its first entry are known. */
export function duplicateKeyWording(key: string, firstLine: number | undefined): Wording {
  return { message: `the field "${key}" appears twice in the same block${firstLine ? ` (first in line ${firstLine})` : ''}`, hint: yamlHints.DUPLICATE_KEY!.hint };
}

/** A directive that changes how the file is read: "%YAML 1.1" or a "%TAG". */
export function directiveWording(name: 'YAML' | 'TAG', line: string): Wording {
  return name === 'YAML'
    ? { message: `"${line}" asks for an older YAML: content files are YAML 1.2, which reads values such as yes, no and << differently`,
      hint: 'Remove the line starting with "%YAML"; the "---" below it may stay.' }
    : { message: `"${line}" defines a tag (!name): content files use no tags`, hint: 'Remove the line starting with "%TAG"; the "---" below it may stay.' };
}

/** Repeated keys beyond the ones listed one by one (MAX_DUPLICATE_FINDINGS), counted at the next of them. */
export function moreDuplicateKeysWording(count: number, listed: number): Wording {
  return {
    message: `${count} more ${count === 1 ? 'field appears' : 'fields appear'} twice in their block, from here on (only the first ${listed} are listed)`,
    hint: 'Delete the repeated entries or merge them; check again to see which are left.',
  };
}

/** An alias inside the list or block its anchor names ("x: &a [*a]"): a value without end. */
export function selfAliasWording(name: string, kind: 'list' | 'block'): Wording {
  return {
    message: `the alias *${name} refers to the ${kind} it stands in, so that ${kind} never ends`,
    hint: `Remove the alias *${name} here, or write out what it should repeat.`,
  };
}

export function yamlProblem(code: string, raw: string): Wording {
  if (code === 'MISSING_CHAR' && /implicit map keys/i.test(raw)) return yamlHints.IMPLICIT_KEY_WITHOUT_VALUE!;
  if (code === 'MISSING_CHAR' && /sequence item without - indicator/i.test(raw)) return yamlHints.UNDER_INDENTED_ITEM_FIELD!;
  if (code === 'BAD_ALIAS' && /anchor cannot be an empty string/i.test(raw)) return yamlHints.EMPTY_ANCHOR!;
  // yaml reports its own stack overflow (a list or block nested thousands deep) as a parse error.
  if (/maximum call stack size exceeded/i.test(raw)) return { message: 'the lists or blocks here are nested too deeply to be read', hint: 'Content files nest a few levels at most: remove the extra "[" and "{" (and their closing "]" and "}").' };
  const known = yamlHints[code];
  if (known) return known;
  if (/tag/i.test(raw)) return yamlHints.TAG_RESOLVE_FAILED!;
  const first = raw.split('\n')[0]!.replace(/ at line \d+, column \d+:?$/, '');
  return { message: `the YAML cannot be read: ${first}`, hint: 'Compare this line with the one above it: indentation, colons and quotes.' };
}
