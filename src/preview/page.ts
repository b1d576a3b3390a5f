import { escape } from '../publish/index-page.js';

/**
 * The preview page: four menus (sheet, region, language, template), a download link, a status
 * line, a box for content errors, and the PDF drawn by pdf.js into canvases with a text layer
 * (selectable, and readable by tests). Plain words for people who edit one YAML file.
 */

export function pageHtml(initialFile: string | undefined): string {
  return `<!doctype html>
<html lang="en">
<head>
<meta charset="utf-8">
<meta name="viewport" content="width=device-width, initial-scale=1">
<title>infoblatt preview</title>
<link rel="stylesheet" href="/assets/preview.css">
<script type="module" src="/assets/preview.js"></script>
</head>
<body data-initial="${escape(initialFile ?? '')}">
<header>
  <h1>infoblatt preview</h1>
  <form id="choice">
    <label>Sheet <select id="sheet"></select></label>
    <label>Region <select id="region"></select></label>
    <label>Language <select id="locale"></select></label>
    <label>Template <select id="template"></select></label>
    <a id="download" href="#" download>Download PDF</a>
  </form>
  <p id="status" role="status">Connecting…</p>
  <section id="problems" role="alert" hidden></section>
</header>
<main>
  <div id="viewer" aria-label="PDF"></div>
</main>
</body>
</html>
`;
}

export const PAGE_CSS = `
body { margin: 0; font: 16px/1.4 system-ui, sans-serif; background: #e8e8e6; color: #1d1d1b; }
header { position: sticky; top: 0; z-index: 3; background: #fff; border-bottom: 1px solid #ccc; padding: 0.5rem 1rem; }
h1 { font-size: 1.1rem; margin: 0 0 0.4rem; }
form { display: flex; flex-wrap: wrap; gap: 0.5rem 1rem; align-items: end; }
label { display: flex; flex-direction: column; font-size: 0.85rem; color: #555; }
select { font: inherit; font-size: 1rem; padding: 0.2rem; min-width: 9rem; color: #1d1d1b; }
#download { padding: 0.35rem 0.8rem; background: #c00; color: #fff; border-radius: 4px; text-decoration: none; }
#download[aria-disabled="true"] { background: #999; pointer-events: none; }
#status { margin: 0.4rem 0 0; font-size: 0.85rem; color: #555; white-space: pre-line; }
#status.busy::before { content: "⟳ "; }
main { position: relative; padding: 1rem; }
/* Below the header, over the PDF (the last good one stays visible around and under it). */
#problems { position: absolute; top: calc(100% + 0.75rem); left: 50%; transform: translateX(-50%); width: min(52rem, calc(100% - 2rem)); box-sizing: border-box; max-height: 60vh; overflow: auto; background: #fff4f4; border: 2px solid #c00; border-radius: 6px; padding: 0.8rem 1rem; box-shadow: 0 4px 16px rgb(0 0 0 / 0.25); }
#problems h2 { font-size: 1rem; margin: 0 0 0.5rem; color: #a00; }
#problems.folded h2 { margin: 0; }
#problems.folded ul { display: none; }
#fold { font: inherit; font-size: 0.8rem; margin-left: 0.5rem; padding: 0.05rem 0.5rem; cursor: pointer; }
#problems.warnings { background: #fffbea; border-color: #b8860b; }
#problems.warnings h2 { color: #7a5a00; }
#problems ul { margin: 0; padding-left: 1.2rem; }
#problems li { margin: 0.3rem 0; }
.where { font-family: ui-monospace, monospace; font-weight: bold; }
.hint { display: block; color: #444; }
#viewer { display: flex; flex-direction: column; align-items: center; gap: 1rem; }
.page { position: relative; background: #fff; box-shadow: 0 1px 6px rgb(0 0 0 / 0.3); }
.page canvas { display: block; }
.textLayer { position: absolute; inset: 0; overflow: clip; line-height: 1; transform-origin: 0 0; z-index: 0;
  --min-font-size: 1; --text-scale-factor: calc(var(--total-scale-factor) * var(--min-font-size)); --min-font-size-inv: calc(1 / var(--min-font-size)); }
.textLayer :is(span, br) { color: transparent; position: absolute; white-space: pre; cursor: text; transform-origin: 0 0; }
.textLayer > :not(.markedContent), .textLayer .markedContent span:not(.markedContent) { z-index: 1; --font-height: 0;
  font-size: calc(var(--text-scale-factor) * var(--font-height)); --scale-x: 1; --rotate: 0deg;
  transform: rotate(var(--rotate)) scaleX(var(--scale-x)) scale(var(--min-font-size-inv)); }
.textLayer .markedContent { display: contents; }
.textLayer ::selection { background: rgb(0 0 255 / 0.25); }
.empty { color: #555; margin-top: 3rem; }
`;
