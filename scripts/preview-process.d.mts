import type { ChildProcess } from 'node:child_process';

/** A running `infoblatt preview` (the real command, on a free port) and how to stop it. */
export interface RunningPreview {
  url: string;
  child: ChildProcess;
  stderr: () => string;
  stop: () => Promise<void>;
}

export declare const CHROMIUM: string;
export declare const CHROMIUM_ARGS: string[];
export declare function startPreview(cwd: string, args?: string[]): Promise<RunningPreview>;
