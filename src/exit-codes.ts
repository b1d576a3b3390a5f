/**
 * The one place exit codes are defined. The README's "Exit codes" table mirrors this list.
 */
export const ExitCode = {
  /** Everything asked for was built (warnings may have been printed). */
  ok: 0,
  /** Content findings: at least one variant could not be built because of the content. */
  content: 1,
  /** Usage error: unknown option, unknown sheet/region/locale/template id or selectors naming no variant together, missing folder. */
  usage: 2,
  /** A file could not be written or a withdrawn one removed (a full disk, a read-only out/, another build writing there). */
  output: 73,
  /** A bug in infoblatt itself; the only case that prints a stack trace. */
  internal: 70,
  /** Stopped by Ctrl-C (SIGINT, 128 + 2): what was finished is kept and listed in the manifest. */
  interrupted: 130,
  /** Stopped by SIGTERM (128 + 15, e.g. a CI job cancelled), with the same clean-up. */
  terminated: 143,
} as const;
export type ExitCode = (typeof ExitCode)[keyof typeof ExitCode];
