/**
 * Placeholders such as {region.name} or {contact.email} let one sheet text serve every region.
 * `{{` and `}}` write literal braces. Any other `{…}` is a placeholder, so a typo is an error, not
 * a brace printed into the PDF.
 */

export const PLACEHOLDER_NAMES = [
  'region.name',
  'brand.organisation',
  'contact.office',
  'contact.street',
  'contact.postcode',
  'contact.city',
  'contact.phone',
  'contact.email',
  'contact.web',
  'contact.hours',
] as const;
export type PlaceholderName = (typeof PLACEHOLDER_NAMES)[number];
/** Every placeholder's value for one variant: a name added above must get its value (or undefined) in resolve.ts. */
export type PlaceholderValues = Record<PlaceholderName, string | undefined>;

const TOKEN = /\{\{|\}\}|\{([^{}\n]*)\}/g;

export interface PlaceholderUse {
  name: string;
  /** As written, e.g. "{ region.name }": used to find it in the source file. */
  raw: string;
}

export function isPlaceholderName(name: string): name is PlaceholderName {
  return (PLACEHOLDER_NAMES as readonly string[]).includes(name);
}

export function findPlaceholders(text: string): PlaceholderUse[] {
  const uses: PlaceholderUse[] = [];
  for (const m of text.matchAll(TOKEN)) {
    if (m[1] !== undefined) uses.push({ name: m[1].trim(), raw: m[0] });
  }
  return uses;
}

/**
 * Braces that belong to no placeholder: "{contact.city" (never closed, or closed on another line)
 * or a lone "}". Each comes with the text from it to the next space, to find it in the file.
 */
export function findLoneBraces(text: string): string[] {
  const rest = text.replace(TOKEN, (whole) => ' '.repeat(whole.length));
  return [...rest.matchAll(/[{}]/g)].map((m) => text.slice(m.index).split(/\s/, 1)[0]!);
}

/**
 * A placeholder in a text nothing fills (a region's own fields, brand.yaml's organisation and
 * footer), written as a sheet's text would write it ("{ region.name }") or nearly
 * ("{Region.Name}"): it would print with its braces. Undefined when there is none.
 */
export function placeholderPrintedAsWritten(text: string): string | undefined {
  return findPlaceholders(text).find((u) => /^[a-z]+(?:\.[a-z]+)*$/i.test(u.name))?.raw;
}

/**
 * Fills known placeholders; names without a value are returned in `missing` and left as written.
 * `missing`: the placeholders with no value, by name; `missingAs`: each as written ("{ contact.phone }"), to find it by.
 * `linkTarget`: the text is a link's address. A placeholder that is the whole address ("{contact.web}",
 * or "mailto:{contact.email}") is a validated address and goes in as it is; inside a longer one its
 * value is percent-encoded: "https://example.org/{region.name}/x" made ".../Region Hamburg/x", a
 * space in the address, and a name could add "?", "#" or "/../" to it.
 */
export function fillPlaceholders(text: string, values: Partial<PlaceholderValues>, { linkTarget = false } = {}): { text: string; missing: string[]; missingAs: Map<string, string> } {
  const wholeTarget = linkTarget && /^(?:mailto:|tel:)?\{[^{}\n]*\}$/.test(text.trim());
  const missing: string[] = [];
  const missingAs = new Map<string, string>();
  const out = text.replace(TOKEN, (whole, name: string | undefined) => {
    if (name === undefined) return whole[0]!;
    const key = name.trim();
    const value = isPlaceholderName(key) ? values[key] : undefined;
    if (value === undefined) {
      missing.push(key);
      if (!missingAs.has(key)) missingAs.set(key, whole);
      return whole;
    }
    return linkTarget && !wholeTarget ? encodeURIComponent(value) : value;
  });
  return { text: out, missing, missingAs };
}
