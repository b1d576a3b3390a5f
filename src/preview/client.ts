/**
 * The preview page's script (compiled for the browser into dist/preview-client.js). It follows
 * the server's state over server-sent events, keeps the menus in step with the variants, shows
 * content errors, and draws the chosen PDF with pdf.js whenever a new version of it is rendered.
 */
import type * as PdfJs from 'pdfjs-dist';
import type { Finding } from '../findings.js';
import type { PreviewState } from './live.js';

type Key = 'sheet' | 'region' | 'locale' | 'template';
const KEYS: Key[] = ['sheet', 'region', 'locale', 'template'];
type Variant = PreviewState['variants'][number];

const $ = <T extends HTMLElement>(id: string) => document.getElementById(id) as T;
const pdfjsUrl = '/assets/pdf.mjs';
const pdfjs = (await import(pdfjsUrl)) as typeof PdfJs;
pdfjs.GlobalWorkerOptions.workerSrc = '/assets/pdf.worker.mjs';

let state: PreviewState | undefined;
let selected: string | undefined = fromHash() ?? (document.body.dataset.initial || undefined);
let shown = { file: '', version: -1 };
let drawing: Promise<void> = Promise.resolve();
let posted: string | undefined;
/** When the PDF on screen was last replaced: people see that their save arrived. */
let shownAt: Date | undefined;

function fromHash(): string | undefined {
  let hash: string;
  try {
    hash = decodeURIComponent(location.hash.slice(1));
  } catch {
    return undefined; // a mangled address (#…%E0): the page starts with the first variant
  }
  const parts = hash.split('/');
  return parts.length === 4 ? `${parts[0]}/${parts[1]}/${parts.join('-')}.pdf` : undefined;
}

function current(): Variant | undefined {
  return state?.variants.find((v) => v.file === selected);
}

function label(key: Key, id: string): string {
  if (!state) return id;
  const table = key === 'sheet' ? state.labels.sheets : key === 'region' ? state.labels.regions : key === 'locale' ? state.labels.locales : state.labels.templates;
  return table[id] ?? id;
}

/** Each menu lists what exists given the choices to its left; a choice that no longer fits moves to the nearest one. */
function fillMenus(): void {
  if (!state) return;
  const want = current() ?? state.variants[0];
  if (!want) return;
  let candidates = state.variants;
  for (const key of KEYS) {
    const menu = $<HTMLSelectElement>(key);
    const ids = [...new Set(candidates.map((v) => v[key]))];
    const value = ids.includes(want[key]) ? want[key] : ids[0]!;
    menu.replaceChildren(...ids.map((id) => new Option(label(key, id), id, false, id === value)));
    menu.value = value;
    candidates = candidates.filter((v) => v[key] === value);
  }
  choose(candidates[0]);
}

/** Tells the server which variant to render first (and keep rendering after each save). */
function choose(variant: Variant | undefined): void {
  if (!variant) return;
  selected = variant.file;
  history.replaceState(null, '', `#${KEYS.map((k) => variant[k]).join('/')}`);
  if (posted === variant.file) return;
  posted = variant.file;
  void fetch('/api/view', { method: 'POST', headers: { 'Content-Type': 'application/json' }, body: JSON.stringify({ file: variant.file }) });
}

function onMenu(): void {
  if (!state) return;
  const picked = Object.fromEntries(KEYS.map((k) => [k, $<HTMLSelectElement>(k).value])) as Record<Key, string>;
  // The exact combination, or else the first that keeps the choices from the left.
  const exact = state.variants.find((v) => KEYS.every((k) => v[k] === picked[k]));
  selected = (exact ?? state.variants.find((v) => v.sheet === picked.sheet && v.region === picked.region) ?? state.variants[0])?.file;
  fillMenus();
  update();
}

function update(): void {
  if (!state || !selected) return;
  const rendered = state.rendered[selected];
  const download = $<HTMLAnchorElement>('download');
  download.href = rendered ? `/pdf/${selected}?download` : '#';
  download.setAttribute('aria-disabled', String(!rendered));
  // Errors in this variant's own files stop its render: the PDF on screen is the last good one.
  // Its own fit error comes with the PDF that runs over; errors elsewhere leave it up to date.
  const blocked = state.outdated.includes(selected);
  const own = (state.variantFindings[selected] ?? []).some((f) => f.severity === 'error');
  showProblems([...state.findings, ...(state.variantFindings[selected] ?? [])], blocked ? 'last-good' : own ? 'shows-it' : 'elsewhere');
  const status = $('status');
  const busy = state.rendering.includes(selected);
  status.classList.toggle('busy', busy);
  status.textContent = state.problem
    ? state.problem
    : blocked ? 'Not updated: the content has an error (see the box). Fix it and save; the PDF updates by itself.'
    : busy ? 'Updating the PDF…'
    : rendered ? `${own ? 'Up to date, with the error in the box' : 'Up to date'}${shownAt ? ` (updated ${shownAt.toLocaleTimeString()})` : ''} · ${rendered.pages} ${rendered.pages === 1 ? 'page' : 'pages'}${rendered.tightness ? ' · type set smaller to fit' : ''} · rendered in ${rendered.ms} ms · save the YAML file to see changes here`
    : 'Waiting for the first PDF…';
  if (rendered && (shown.file !== selected || shown.version !== rendered.version)) {
    const want = { file: selected, version: rendered.version };
    drawing = drawing.then(() => draw(want)).catch((error: unknown) => {
      $('status').textContent = `Could not show the PDF: ${String(error)}`;
    });
  }
}

/** What the PDF on screen is, next to the errors in the box. */
type Shown = 'last-good' | 'shows-it' | 'elsewhere';
const errorsHeading: Record<Shown, string> = {
  'last-good': 'in the content: the PDF below is the last good version',
  'shows-it': 'in the content: the PDF below shows it',
  elsewhere: 'in other content files: the PDF below is up to date',
};

/**
 * The box's findings when someone folded it: it lies over the top of page 1, which may be just
 * what they need to see. Folded it stays a one-line bar, until the findings change.
 */
let folded: string | undefined;

function showProblems(findings: Finding[], pdf: Shown): void {
  const box = $('problems');
  const errors = findings.filter((f) => f.severity === 'error');
  const list = errors.length > 0 ? errors : findings;
  box.hidden = list.length === 0;
  box.classList.toggle('warnings', errors.length === 0);
  if (list.length === 0) return box.replaceChildren();
  const signature = JSON.stringify(list.map((f) => [f.file, f.line, f.column, f.message]));
  box.classList.toggle('folded', folded === signature);
  const heading = document.createElement('h2');
  heading.textContent = errors.length > 0
    ? `${errors.length === 1 ? 'An error' : `${errors.length} errors`} ${errorsHeading[pdf]}`
    : `${list.length === 1 ? 'A note' : `${list.length} notes`} on this PDF`;
  const fold = document.createElement('button');
  fold.type = 'button';
  fold.id = 'fold';
  fold.textContent = folded === signature ? 'Show' : 'Hide';
  fold.addEventListener('click', () => {
    folded = folded === signature ? undefined : signature;
    update();
  });
  heading.append(' ', fold);
  const items = document.createElement('ul');
  for (const f of list) {
    const item = document.createElement('li');
    const where = document.createElement('span');
    where.className = 'where';
    where.textContent = `${f.file}:${f.line}:${f.column}`;
    item.append(where, ` ${f.message}${f.yamlPath ? ` (at ${f.yamlPath})` : ''}`);
    if (f.hint) {
      const hint = document.createElement('span');
      hint.className = 'hint';
      hint.textContent = `→ ${f.hint}`;
      item.append(hint);
    }
    items.append(item);
  }
  box.replaceChildren(heading, items);
}

/**
 * Draws each page off-screen and then puts it in place of the old one: page 1 of the new version
 * is on screen as soon as it is ready, and nothing flickers or jumps while the rest follows.
 */
async function draw(want: { file: string; version: number }): Promise<void> {
  if (shown.file === want.file && shown.version === want.version) return;
  if (selected !== want.file || state?.rendered[want.file]?.version !== want.version) return;
  const response = await fetch(`/pdf/${want.file}?v=${want.version}`);
  if (!response.ok) return;
  const doc = await pdfjs.getDocument({ data: new Uint8Array(await response.arrayBuffer()), isEvalSupported: false }).promise;
  const viewer = $('viewer');
  const other = shown.file !== want.file;
  const width = Math.min(900, document.documentElement.clientWidth - 32);
  for (let n = 1; n <= doc.numPages; n++) {
    const box = await drawPage(await doc.getPage(n), width);
    const old = viewer.children[n - 1];
    // Another variant replaces the old one whole once its page 1 is ready.
    if (other && n === 1) viewer.replaceChildren(box);
    else if (old) old.replaceWith(box);
    else viewer.append(box);
  }
  while (viewer.children.length > doc.numPages) viewer.lastElementChild!.remove();
  await doc.destroy();
  viewer.dataset.file = want.file;
  viewer.dataset.version = String(want.version);
  shown = want;
  shownAt = new Date();
  update();
}

async function drawPage(page: PdfJs.PDFPageProxy, width: number): Promise<HTMLElement> {
  const viewport = page.getViewport({ scale: width / page.getViewport({ scale: 1 }).width });
  const box = document.createElement('div');
  box.className = 'page';
  box.dataset.page = String(page.pageNumber);
  box.style.width = `${viewport.width}px`;
  box.style.height = `${viewport.height}px`;
  box.style.setProperty('--total-scale-factor', String(viewport.scale));
  const canvas = document.createElement('canvas');
  const ratio = window.devicePixelRatio || 1;
  canvas.width = Math.floor(viewport.width * ratio);
  canvas.height = Math.floor(viewport.height * ratio);
  canvas.style.width = `${viewport.width}px`;
  canvas.style.height = `${viewport.height}px`;
  await page.render({ canvas, viewport, transform: ratio === 1 ? undefined : [ratio, 0, 0, ratio, 0, 0] }).promise;
  const text = document.createElement('div');
  text.className = 'textLayer';
  await new pdfjs.TextLayer({ textContentSource: await page.getTextContent(), container: text, viewport }).render();
  box.append(canvas, text);
  return box;
}

const source = new EventSource('/events');
source.onmessage = (event: MessageEvent<string>) => {
  const next = JSON.parse(event.data) as PreviewState;
  const first = !state;
  const restarted = state !== undefined && state.session !== next.session;
  state = next;
  if (restarted) {
    // A new run of the preview knows nothing of this page: tell it what is on screen, and draw
    // its PDF even if its version number is the one shown before.
    posted = undefined;
    shown = { file: '', version: -1 };
  }
  if (first || restarted || !current()) fillMenus();
  update();
};
source.onerror = () => {
  $('status').textContent = 'The preview server is not answering. Is "infoblatt preview" still running?';
};
for (const key of KEYS) $<HTMLSelectElement>(key).addEventListener('change', onMenu);
