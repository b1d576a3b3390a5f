/**
 * The one place exit codes are defined. The README's "Exit codes" table mirrors this list.
 */
export const ExitCode = {
  /** Everything asked for was built (warnings may have been printed). */
  ok: 0,
  /** Content findings: at least one variant could not be built because of the content. */
  content: 1,
  /** Usage error: unknown option, unknown sheet/region/locale/template id, missing folder. */
  usage: 2,
  /** A bug in infoblatt itself; the only case that prints a stack trace. */
  internal: 70,
} as const;
export type ExitCode = (typeof ExitCode)[keyof typeof ExitCode];
