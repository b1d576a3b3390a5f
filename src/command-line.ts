/**
 * How a hint names a command: as the user types it in their project (`npx infoblatt …`), with the
 * content folder they named. A hint is copied and run as it is; one without `--content` would read
 * ./content instead (or fail) when the user's content is elsewhere.
 */

const DEFAULT_CONTENT = 'content';
let content = DEFAULT_CONTENT;

/** Called once by the command line with the folder a command was given. */
export function setHintContent(dir: string | undefined): void {
  content = dir ?? DEFAULT_CONTENT;
}

/**
 * `args` as a command line to copy, e.g. commandLine('check --region kiel'). `inFile`: for a
 * comment written into a content file, which is shared (committed): without this machine's path.
 */
export function commandLine(args: string, { inFile = false } = {}): string {
  return `npx infoblatt ${args}${inFile || content === DEFAULT_CONTENT ? '' : ` --content ${shellWord(content)}`}`;
}

/** A path as one shell word: quoted only where it has to be. */
function shellWord(word: string): string {
  return /^[\w@%+=:,./-]+$/.test(word) ? word : `'${word.replace(/'/g, `'\\''`)}'`;
}
