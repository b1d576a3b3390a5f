import { EXTRA_KINDS } from '../pipeline/outputs.js';
import type { ManifestEntry } from '../pipeline/write.js';
import { labelOf, type Labels } from './labels.js';
import { thumbnailPath } from './thumbnails.js';
import { fill, type IndexWords } from './index-words.js';
import { templateIds } from '../../templates/index.js';

/**
 * out/index.html: every PDF in out/, grouped by sheet, region and language, with a thumbnail of
 * page 1, its page count, size and a download link, and links to its print and archival versions.
 * Self-contained (inline CSS, no script, no request outside out/) so CI can publish out/ as it is;
 * deterministic (no dates, sorted input), so an unchanged build leaves the file untouched.
 */

export const INDEX_FILE = 'index.html';

export interface IndexInput {
  entries: readonly ManifestEntry[];
  labels: Labels;
  /** Files (relative to out/) that have a thumbnail. */
  thumbnails: ReadonlySet<string>;
  /** The organisation, for the page's title. */
  organisation: string;
  /** The brand's signal colour (brand.yaml colors.primary), for the rules under the sheets' names. */
  accent: string;
  words: IndexWords;
}

export function renderIndexHtml({ entries, labels, thumbnails, organisation, accent, words }: IndexInput): string {
  const title = fill(words.title, { organisation });
  const bySheet = groupBy([...entries].sort(byKey), (e) => e.sheet);
  const sheets = [...bySheet].map(([sheet, list]) => {
    const regions = [...groupBy(list, (e) => e.region)].map(([region, variants]) => `
      <section class="region" id="${escape(`${sheet}-${region}`)}">
        <h3>${escape(labelOf(labels.regions, region))}</h3>
        <ul class="variants">${variants.map((e) => card(e, labels, words, thumbnails.has(e.file))).join('')}
        </ul>
      </section>`).join('');
    return `
    <section class="sheet" id="${escape(sheet)}">
      <h2>${escape(labelOf(labels.sheets, sheet))}</h2>${regions}
    </section>`;
  }).join('');
  const count = entries.length;
  return `<!doctype html>
<html lang="${escape(words.lang)}">
<head>
<meta charset="utf-8">
<meta name="viewport" content="width=device-width, initial-scale=1">
<title>${escape(title)}</title>
<style>${STYLE.replace('{accent}', accent)}</style>
</head>
<body>
<header>
  <h1>${escape(title)}</h1>
  <p>${escape(fill(count === 1 ? words.intro.one : words.intro.many, { count }))}</p>
  ${count === 0 ? `<p>${escape(words.empty)}</p>` : ''}
</header>
<main>${sheets}
</main>
</body>
</html>
`;
}

function card(e: ManifestEntry, labels: Labels, words: IndexWords, hasThumbnail: boolean): string {
  const language = labelOf(labels.locales, e.locale);
  const picture = hasThumbnail
    ? `<img src="${escape(thumbnailPath(e))}" width="160" height="226" alt="${escape(fill(words.pageOne, { template: words.templates[e.template] ?? e.template, language }))}" loading="lazy">`
    : `<span class="no-thumbnail">${escape(words.noPreview)}</span>`;
  return `
          <li class="variant${e.outdated ? ' outdated' : ''}">
            <a class="thumbnail" href="${escape(e.file)}">${picture}</a>
            <div class="facts">
              <strong lang="${escape(e.locale)}">${escape(language)}</strong>
              <span class="template">${escape(words.templates[e.template] ?? e.template)}</span>
              <span>${escape(fill(e.pages === 1 ? words.pages.one : words.pages.many, { count: e.pages }))} · ${formatSize(e.bytes, words.lang)}</span>
              <a href="${escape(e.file)}" download>${escape(words.download)}</a>${extraLinks(e, words)}${e.outdated ? `
              <span class="warning">${escape(words.outdated)}</span>` : ''}
            </div>
          </li>`;
}

/** The print and archival versions, when the build made them: the press office takes the first to the print shop. */
function extraLinks(e: ManifestEntry, words: IndexWords): string {
  return EXTRA_KINDS.flatMap((kind) => {
    const extra = e[kind];
    return extra ? [`
              <span><a href="${escape(extra.file)}" download>${escape(words.extra[kind])}</a> <span class="size">${formatSize(extra.bytes, words.lang)}</span></span>`] : [];
  }).join('');
}

/** "37,8 KiB" on a German page, "37.8 KiB" on an English one. */
function formatSize(bytes: number, lang: string): string {
  const oneDecimal = new Intl.NumberFormat(lang, { minimumFractionDigits: 1, maximumFractionDigits: 1 });
  return bytes < 1024 * 1024 ? `${oneDecimal.format(bytes / 1024)}\u00a0KiB` : `${oneDecimal.format(bytes / 1024 / 1024)}\u00a0MiB`;
}

/** Within a language, the templates in the order the tool lists them (the info sheet first), not by their ids. */
const templateRank = (id: string) => (templateIds.includes(id) ? templateIds.indexOf(id) : templateIds.length);

function byKey(a: ManifestEntry, b: ManifestEntry): number {
  return a.sheet.localeCompare(b.sheet) || a.region.localeCompare(b.region) || a.locale.localeCompare(b.locale)
    || templateRank(a.template) - templateRank(b.template) || a.template.localeCompare(b.template);
}

function groupBy<T>(items: readonly T[], key: (item: T) => string): Map<string, T[]> {
  const groups = new Map<string, T[]>();
  for (const item of items) {
    const k = key(item);
    const list = groups.get(k);
    if (list) list.push(item);
    else groups.set(k, [item]);
  }
  return groups;
}

export function escape(text: string): string {
  return text.replace(/[&<>"']/g, (c) => `&#${c.charCodeAt(0)};`);
}

const STYLE = `
body { font: 16px/1.45 system-ui, sans-serif; margin: 0; color: #1d1d1b; background: #f4f4f2; }
header, main { max-width: 72rem; margin: 0 auto; padding: 1rem 1.5rem; }
h1 { font-size: 1.6rem; margin: 0.5rem 0; }
h2 { font-size: 1.35rem; border-bottom: 2px solid {accent}; padding-bottom: 0.2rem; margin-top: 2rem; }
h3 { font-size: 1.1rem; margin: 1.2rem 0 0.5rem; }
.variants { list-style: none; display: flex; flex-wrap: wrap; gap: 1rem; padding: 0; margin: 0; }
.variant { background: #fff; border: 1px solid #ddd; border-radius: 6px; padding: 0.6rem; display: flex; gap: 0.8rem; }
.thumbnail img, .no-thumbnail { display: block; width: 160px; height: auto; border: 1px solid #ccc; }
.no-thumbnail { height: 226px; display: grid; place-items: center; color: #777; }
.facts { display: flex; flex-direction: column; gap: 0.25rem; min-width: 8rem; font-size: 0.95rem; }
.template, .size { color: #666; }
.outdated { border-color: #b35c00; background: #fff8ec; }
.outdated .thumbnail img { opacity: 0.55; }
.warning { color: #8a4600; font-weight: 600; font-size: 0.85rem; max-width: 10rem; }
a { color: #0645ad; }
`;
