import { randomUUID } from 'node:crypto';
import path from 'node:path';
import { OutputError, UsageError, isError, isSystemError, sortFindings, type Finding } from '../findings.js';
import type { VariantKey } from '../model.js';
import { displayPath } from '../paths.js';
import { loadContent } from '../pipeline/load.js';
import { planVariants } from '../pipeline/plan.js';
import { checkFit } from '../pipeline/fit.js';
import { gatherFitEvidence } from '../pipeline/fit-probe.js';
import { checkOverflow } from '../pipeline/overflow.js';
import { countPages, hashInputs } from '../pipeline/render-meta.js';
import { createWorkerRenderer, type Renderer } from '../pipeline/render-pool.js';
import { resolveBrand, resolveVariant } from '../pipeline/resolve.js';
import { validateContent, type ValidContent } from '../pipeline/validate.js';
import { outputPath, writeAtomic } from '../pipeline/write.js';
import { menuLabels, type MenuLabels } from './menu-labels.js';
import { TerminalReport } from './terminal.js';
import { reportBug } from '../commands/output.js';
import { templateIds } from '../../templates/index.js';
import { affects, type Change } from './watch.js';
import { compileWorker, removeWorker } from './worker-bundle.js';
import { PoolClosedError } from '../worker-pool.js';

/**
 * The preview's state: the content as last read, the variants people have looked at, and the
 * PDF each of them last rendered to. Only viewed variants are rendered (the one looked at most
 * recently first), in one warm worker thread, so the server's own thread stays free; a change
 * renders again only the viewed variants it affects and whose resolved inputs really changed.
 * Content errors never stop it: they are shown, and the last good PDF stays.
 */

export interface RenderedVariant {
  version: number;
  ms: number;
  pages: number;
  bytes: number;
  /** Set when the content fits only with the template's smaller type (1, 2 …; see TemplateSpec). */
  tightness?: number;
}

export interface PreviewState {
  /**
   * Which run of the preview this is. A page left open while the preview restarts follows the
   * new one: it tells it again which variant it shows, and does not take the new run's version 1
   * of a PDF for the old run's.
   */
  session: string;
  variants: Array<VariantKey & { file: string }>;
  labels: MenuLabels;
  /** Errors of the content as a whole, and each viewed variant's own findings (translations). */
  findings: Finding[];
  variantFindings: Record<string, Finding[]>;
  rendered: Record<string, RenderedVariant>;
  /** Variants waiting for, or in, the renderer. */
  rendering: string[];
  /** Variants whose own errors stop their render: a PDF shown for them is from before the last save. */
  outdated: string[];
  /** A failure of infoblatt itself (not of the content), shown until the next good render. */
  problem?: string;
}

export interface LiveOptions {
  content: string;
  /** Where preview PDFs are written (atomically): out/.preview/ by default. */
  previewDir: string;
  /** Compiles a render worker from the edited templates (worker-bundle.ts; another in tests). */
  compileTemplates?: () => Promise<string>;
}

export class LivePreview {
  private content?: ValidContent;
  private loadFindings: Finding[] = [];
  private variants: Array<VariantKey & { file: string }> = [];
  private labels?: MenuLabels;
  /** Files of viewed variants, most recent first. */
  private viewed: string[] = [];
  private readonly stale = new Set<string>();
  private readonly done = new Map<string, RenderedVariant & { hash: string; tooWide: string[]; fit?: Finding }>();
  private readonly variantFindings = new Map<string, Finding[]>();
  /** Variants whose own files have errors, as of the last reload: they keep their last PDF. */
  private blocked = new Set<string>();
  /** Viewed variants whose text could not be resolved (e.g. a translation error with --strict). */
  private readonly unresolved = new Set<string>();
  private queue: string[] = [];
  /** A failure of ours in the last render, cleared by the next good one. */
  private problem?: string;
  /**
   * Problems that last until their cause is gone: templates that do not compile (the PDFs are
   * meanwhile made with the last templates that did; a good render must not hide it), a folder
   * that cannot be watched.
   */
  private readonly lasting = new Map<'compile' | 'watch', string>();
  private renderer: Renderer;
  private workerFile?: string;
  private generation = 0;
  private version = 0;
  private running = false;
  private again = false;
  private readonly listeners = new Set<(state: PreviewState) => void>();
  private readonly session = randomUUID();
  private readonly terminal = new TerminalReport();

  constructor(private readonly options: LiveOptions) {
    // Started now: the first document in a fresh thread costs about a second, later ones ~70 ms.
    this.renderer = createWorkerRenderer(1);
    this.reload();
  }

  subscribe(listener: (state: PreviewState) => void): () => void {
    this.listeners.add(listener);
    listener(this.state());
    return () => this.listeners.delete(listener);
  }

  state(): PreviewState {
    const rendered: Record<string, RenderedVariant> = {};
    for (const [file, { hash: _hash, tooWide: _tooWide, fit: _fit, ...r }] of this.done) rendered[file] = r;
    return {
      session: this.session,
      variants: this.variants,
      labels: this.labels ?? { sheets: {}, regions: {}, locales: {}, templates: {} },
      findings: this.loadFindings,
      variantFindings: Object.fromEntries(this.variantFindings),
      rendered,
      rendering: [...this.queue],
      outdated: [...this.blocked, ...this.unresolved],
      ...(this.problem || this.lasting.size ? { problem: [...this.lasting.values(), this.problem].filter(Boolean).join('\n') } : {}),
    };
  }

  knows(file: string): boolean {
    return this.variants.some((v) => v.file === file);
  }

  previewFile(file: string): string | undefined {
    return this.done.has(file) ? path.join(this.options.previewDir, file) : undefined;
  }

  /** A person looks at this variant: render it first, now and after every change. */
  view(file: string): void {
    if (!this.knows(file)) return;
    this.viewed = [file, ...this.viewed.filter((f) => f !== file)];
    this.schedule();
  }

  changed(changes: Change[]): void {
    for (const change of changes) {
      if (change.kind === 'content') {
        for (const file of this.viewed) {
          const key = this.variants.find((v) => v.file === file);
          if (!key || change.files.some((f) => affects(this.root(), f, key))) this.stale.add(file);
        }
      } else {
        // Templates or fonts: every variant, in a new worker (with newly compiled templates).
        this.generation++;
        for (const file of this.viewed) this.stale.add(file);
        void this.replaceWorker(change.kind === 'templates');
      }
    }
    this.reload();
    this.schedule();
  }

  /** A folder the preview cannot watch (watch.ts): shown on the page until it stops. */
  cannotWatch(message: string): void {
    this.lasting.set('watch', message);
    this.broadcast();
  }

  async close(): Promise<void> {
    await this.renderer.close();
    this.removeCompiled();
  }

  /** Synchronous, for process exit: the worker compiled for edited templates is not left in dist/. */
  removeCompiled(): void {
    removeWorker(this.workerFile);
  }

  private root(): string {
    return path.resolve(this.options.content);
  }

  private replacing: Promise<void> = Promise.resolve();
  private replaceWorker(recompile: boolean): Promise<void> {
    this.replacing = this.replacing.then(async () => {
      try {
        const old = this.workerFile;
        let file = old;
        if (recompile) {
          try {
            file = await (this.options.compileTemplates ?? compileWorker)();
            this.lasting.delete('compile');
          } catch (error) {
            const message = error instanceof Error ? error.message : String(error);
            this.lasting.set('compile', `${message}\nUntil that is mended, the PDFs are made with the templates as they last compiled.`);
            this.broadcast();
            return; // the thread with the last good templates stays
          }
        }
        await this.renderer.close();
        this.renderer = createWorkerRenderer(1, file);
        this.workerFile = file;
        if (old !== file) removeWorker(old);
      } catch (error) {
        this.problem = error instanceof Error ? error.message : String(error);
        this.broadcast();
      }
    });
    return this.replacing;
  }

  /** Reads and checks the whole content folder again (tens of milliseconds). */
  private reload(): void {
    try {
      const content = validateContent(loadContent(this.options.content), templateIds);
      this.content = content;
      this.loadFindings = sortFindings(content.findings.filter(isError));
      const planned = planVariants(content, {}, templateIds);
      this.variants = planned.map(({ key }) => ({ ...key, file: outputPath(key) }));
      // Known at once, before the render queue gets to a variant: the page never calls its PDF current.
      this.blocked = new Set(planned.filter((p) => p.blockedBy.length > 0).map((p) => outputPath(p.key)));
      this.labels = menuLabels(content, this.labels);
    } catch (error) {
      // The content folder itself is gone or unreadable: say so, keep serving what was there. Any
      // other error is a bug of ours: its stack goes to the terminal, where the page points.
      const fileError = isSystemError(error);
      if (!(error instanceof UsageError) && !fileError) {
        reportBug(error, 'reading the content for the preview');
      }
      const message = error instanceof UsageError ? error.message
        : fileError ? `cannot read the content: ${(error as Error).message}`
        : 'a bug in infoblatt stopped it reading the content (the details are in the terminal)';
      this.content = undefined;
      this.blocked = new Set(this.variants.map((v) => v.file));
      this.loadFindings = [{ severity: 'error', file: displayPath(this.root()), line: 1, column: 1, yamlPath: '', message }];
    }
  }

  private schedule(): void {
    if (this.running) {
      this.again = true;
      return;
    }
    this.running = true;
    void (async () => {
      try {
        do {
          this.again = false;
          await this.renderWanted();
        } while (this.again);
      } finally {
        this.running = false;
      }
    })();
  }

  /** Renders viewed variants that are new or stale, most recently viewed first. */
  private async renderWanted(): Promise<void> {
    this.queue = this.viewed.filter((f) => this.stale.has(f) || !this.done.has(f));
    this.broadcast();
    while (this.queue.length > 0 && !this.again) {
      const file = this.queue[0]!;
      // Cleared before the render, not after: a save or a template change while it renders marks
      // the file stale again, and the loop renders it once more instead of forgetting the change.
      this.stale.delete(file);
      await this.renderOne(file);
      this.queue.shift();
      this.broadcast();
    }
    this.queue = [];
    this.broadcast();
  }

  /** Renders one variant; a bug of ours is shown on the page and in the terminal, never ends the preview. */
  private async renderOne(file: string): Promise<void> {
    try {
      await this.renderVariant(file);
    } catch (error) {
      this.problem = `rendering ${file} failed, a bug in infoblatt: ${error instanceof Error ? error.message : String(error)}`;
      process.stderr.write(`infoblatt preview: ${this.problem}\n${error instanceof Error ? (error.stack ?? '') : ''}\n`);
    }
  }

  private async renderVariant(file: string): Promise<void> {
    const key = this.variants.find((v) => v.file === file);
    const content = this.content;
    if (!key || !content) return;
    // A variant whose files have errors keeps its last good PDF; the errors are on the page.
    if (this.blocked.has(file)) {
      this.variantFindings.delete(file);
      return;
    }
    const variant: VariantKey = { sheet: key.sheet, region: key.region, locale: key.locale, template: key.template };
    const { model, findings } = resolveVariant(content, variant);
    this.variantFindings.set(file, sortFindings(findings));
    if (!model) {
      this.unresolved.add(file);
      return;
    }
    this.unresolved.delete(file);
    // The build's rules that need the layout (fit, width), shown beside the PDF that breaks them:
    // the office sees what runs over before CI says so.
    const judgeLayout = (fit: Finding | undefined, tooWide: readonly string[]) => {
      const over = [fit, checkOverflow(content, variant, tooWide, true)].filter((f) => f !== undefined);
      if (over.length > 0) this.variantFindings.set(file, sortFindings([...findings, ...over]));
    };
    const brand = resolveBrand(content, model);
    // The generation counts template recompiles, which the build's fingerprint does not see here.
    const hash = `${this.generation}:${hashInputs(model, brand)}`;
    const last = this.done.get(file);
    if (last?.hash === hash) return judgeLayout(last.fit, last.tooWide);
    try {
      await this.replacing;
      const { pdf, ms, tightness, tooWide } = await this.renderer.render({ template: variant.template, model, brand, font: content.brand!.font });
      writeAtomic(path.join(this.options.previewDir, file), pdf);
      const pages = countPages(pdf);
      // Too long: whose text to shorten, as the build judges it (fit-probe.ts), from layouts made
      // in this renderer; so the press office's long text is not blamed on the region in view.
      const fit = checkFit(content, variant, pages) && checkFit(content, variant, pages,
        (await gatherFitEvidence(content, [variant], [], { render: (job) => this.renderer.render(job) }))(variant), true);
      this.done.set(file, { version: ++this.version, ms: Math.round(ms), pages, bytes: pdf.length, hash, ...(tightness > 0 && { tightness }), tooWide, fit });
      judgeLayout(fit, tooWide);
      this.problem = undefined;
    } catch (error) {
      // The render thread was replaced (templates or fonts changed) mid-render: the file is
      // stale again and is rendered anew by the next round.
      if (error instanceof PoolClosedError) return;
      // A preview folder that cannot be written (a full disk) is said as such, not as our bug.
      if (!(error instanceof OutputError)) throw error;
      this.problem = error.message;
      process.stderr.write(`infoblatt preview: ${this.problem}\n`);
    }
  }

  private broadcast(): void {
    const state = this.state();
    for (const listener of this.listeners) listener(state);
    this.terminal.tell(state);
  }
}
