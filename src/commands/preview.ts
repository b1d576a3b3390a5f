import { spawn } from 'node:child_process';
import path from 'node:path';
import type { Command } from 'commander';
import { Option } from 'commander';
import { UsageError } from '../findings.js';
import { fontsDir, toolRoot } from '../paths.js';
import { checkSelection } from '../pipeline/plan.js';
import { outputPath } from '../pipeline/write.js';
import { templateIds } from '../../templates/index.js';
import { toolVersion } from '../version.js';
import { log, readContent, withSelectors } from './output.js';
import { sourceDateEpoch } from '../pipeline/render-meta.js';

/** Preview PDFs go here, never into out/ itself: the published PDFs and the manifest stay as the last build left them. */
const PREVIEW_DIR = '.preview';

function parsePort(value: string): number {
  const n = Number(value);
  if (!Number.isInteger(n) || n < 0 || n > 65535) throw new UsageError(`--port needs a port number from 0 to 65535, not "${value}"`);
  return n;
}

interface PreviewOptions {
  content: string;
  out: string;
  host: string;
  port: number;
  open?: boolean;
  sheet?: string[];
  region?: string[];
  locale?: string[];
  template?: string[];
}

export function previewCommand(cli: Command): void {
  withSelectors(cli.command('preview').description('show the PDFs in the browser and update them on every save of the content'))
    .option('--content <dir>', 'content folder', 'content')
    .option('--out <dir>', `output folder (preview PDFs go to <dir>/${PREVIEW_DIR}/)`, 'out')
    .option('--host <address>', 'address to listen on (loopback by default: only this computer can connect)', '127.0.0.1')
    .addOption(new Option('--port <n>', 'port to listen on (0: any free port)').default(4173).argParser(parsePort))
    .option('--open', 'open the page in the default browser')
    .action(async (opts: PreviewOptions) => {
      sourceDateEpoch(); // a wrong value stops the preview now, not at its first render
      const [{ LivePreview }, { startServer }, { watchSources }] = await Promise.all([import('../preview/live.js'), import('../preview/server.js'), import('../preview/watch.js')]);
      const initialFile = await firstChoice(opts);
      const live = new LivePreview({ content: opts.content, previewDir: path.join(path.resolve(opts.out), PREVIEW_DIR) });
      process.once('exit', () => live.removeCompiled());
      let started;
      try {
        started = await startServer(live, { host: opts.host, port: opts.port, initialFile });
      } catch (error) {
        await live.close();
        throw error;
      }
      const watcher = watchSources({ content: path.resolve(opts.content), templates: path.join(toolRoot, 'templates'), fonts: fontsDir }, (changes) => live.changed(changes), (message) => {
        log(`infoblatt preview: ${message}`);
        live.cannotWatch(message);
      });
      await watcher.ready;
      if (initialFile) live.view(initialFile);
      log(`infoblatt ${toolVersion} preview: ${started.url}`);
      log(`  watching ${opts.content}/, templates/ and fonts/; PDFs update on every save. Stop with Ctrl+C.`);
      if (opts.open) openBrowser(started.url);
      // Runs until the process is stopped (Ctrl+C); cli.ts removes unfinished writes on the way out.
      await new Promise<never>(() => {});
    });
}

/** The variant the page starts with: the first of each selector, checked like build's. */
async function firstChoice(opts: PreviewOptions): Promise<string | undefined> {
  const content = await readContent(opts.content);
  checkSelection('sheet', opts.sheet, content.sheetIds);
  checkSelection('region', opts.region, content.regionIds, content.misnamedRegions);
  checkSelection('template', opts.template, templateIds);
  const sheet = opts.sheet?.[0] ?? content.sheetIds[0];
  const meta = sheet ? content.sheets.get(sheet)?.meta : undefined;
  const region = opts.region?.[0] ?? content.regionIds[0];
  if (!sheet || !meta || !region) return undefined;
  checkSelection('locale', opts.locale, meta.locales);
  const locale = opts.locale?.[0] ?? meta.source_locale;
  const template = opts.template?.[0] ?? meta.templates[0];
  return template ? outputPath({ sheet, region, locale, template }) : undefined;
}

function openBrowser(url: string): void {
  const command = process.platform === 'darwin' ? 'open' : process.platform === 'win32' ? 'explorer' : 'xdg-open';
  const child = spawn(command, [url], { stdio: 'ignore', detached: true });
  child.on('error', () => log(`  could not open a browser (${command}); open ${url} yourself`));
  child.unref();
}
