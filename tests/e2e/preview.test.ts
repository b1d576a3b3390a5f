import { mkdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Browser, Page } from 'playwright-core';
import { contentDir, root, runCli, tempDir } from '../helpers/cli.js';
import { CHROMIUM, CHROMIUM_ARGS, FAIL_MESSAGE, SKIP_MESSAGE, browserAvailability, startPreview, type RunningPreview } from '../helpers/preview.js';

/**
 * The preview as a regional office uses it, in a real browser: pick a region, edit its YAML and
 * see the new text in the PDF on the page; break the file and see where; fix it and the box goes.
 * A screenshot of every step lands in test-output/preview/.
 */

const availability = browserAvailability();
if (availability === 'skip') process.stderr.write(`\n${SKIP_MESSAGE}\n\n`);

const shots = path.join(root, 'test-output', 'preview');
const regionFile = 'content/regions/muenchen.yaml';

describe.skipIf(availability === 'skip')('infoblatt preview in chromium', () => {
  let dir: string;
  let preview: RunningPreview;
  let browser: Browser;
  let page: Page;
  const errors: string[] = [];

  beforeAll(async () => {
    if (availability === 'fail') throw new Error(FAIL_MESSAGE);
    rmSync(shots, { recursive: true, force: true });
    mkdirSync(shots, { recursive: true });
    dir = tempDir(contentDir);
    preview = await startPreview(dir);
    const { chromium } = await import('playwright-core');
    browser = await chromium.launch({ executablePath: CHROMIUM, headless: true, args: CHROMIUM_ARGS });
    page = await browser.newPage({ viewport: { width: 1100, height: 1000 } });
    page.on('pageerror', (e) => errors.push(e.message));
    await page.goto(preview.url);
  });

  afterAll(async () => {
    await browser?.close();
    await preview?.stop();
  });

  const shownText = () => page.locator('#viewer .textLayer').allTextContents().then((t) => t.join('\n'));
  const shot = (name: string) => page.screenshot({ path: path.join(shots, `${name}.png`) });

  it('shows the first variant, then the region picked from the menu', async () => {
    await page.waitForSelector('#viewer[data-version]', { timeout: 20_000 });
    await page.selectOption('#region', 'muenchen');
    await page.waitForFunction(() => document.querySelector<HTMLElement>('#viewer')?.dataset.file?.includes('/muenchen/'), null, { timeout: 20_000 });
    expect(await shownText()).toContain('Schwanthalerstraße 64');
    expect(await page.locator('#download').getAttribute('href')).toBe('/pdf/zoom-datenschutz/muenchen/zoom-datenschutz-muenchen-de-infoblatt.pdf?download');
    await shot('1-region-picked');
  });

  it('shows the edited text after a save, without a reload', async () => {
    const file = path.join(dir, regionFile);
    writeFileSync(file, readFileSync(file, 'utf8').replace('Schwanthalerstraße 64', 'Teststraße 99'));
    // How fast is measured by `npm run bench` (on a quiet machine), not here: other test files
    // render at the same time.
    await page.waitForFunction(() => [...document.querySelectorAll('#viewer .textLayer')].some((t) => t.textContent?.includes('Teststraße 99')), null, { timeout: 20_000, polling: 20 });
    await shot('2-edited');
  });

  it('shows a content error with file and line over the last good PDF', async () => {
    const file = path.join(dir, regionFile);
    // Line 9: the street is indented by one space instead of two.
    writeFileSync(file, readFileSync(file, 'utf8').replace('  street: Teststraße 99', ' street: Teststraße 99'));
    const box = page.locator('#problems');
    await box.waitFor({ state: 'visible', timeout: 20_000 });
    await expect.poll(() => box.textContent()).toContain('content/regions/muenchen.yaml:9:1');
    expect(await box.textContent()).toContain('the PDF below is the last good version');
    expect(await box.textContent()).toContain('the indentation does not line up');
    expect(await shownText()).toContain('Teststraße 99');
    await shot('3-broken');
  });

  it('removes the box once the file is fixed', async () => {
    const file = path.join(dir, regionFile);
    writeFileSync(file, readFileSync(file, 'utf8').replace(' street: Teststraße 99', '  street: Teststraße 99'));
    await page.locator('#problems').waitFor({ state: 'hidden', timeout: 20_000 });
    expect(await shownText()).toContain('Teststraße 99');
    await shot('4-fixed');
  });

  it('says when an addition makes the sheet run over, with the over-long PDF below', async () => {
    const file = path.join(dir, regionFile);
    const good = readFileSync(file, 'utf8');
    const paragraph = 'Ein zusätzlicher Absatz unserer Region, der das Blatt so lange verlängert, bis es nicht mehr auf zwei Seiten passt.';
    const long = Array.from({ length: 30 }, () => `            ${paragraph}\n`).join('\n');
    writeFileSync(file, good.replace('            Sitzungen zeichnen wir nie auf.\n', `            Sitzungen zeichnen wir nie auf.\n\n${long}`));
    const box = page.locator('#problems');
    await box.waitFor({ state: 'visible', timeout: 20_000 });
    await expect.poll(() => box.textContent(), { timeout: 20_000 }).toContain('runs to 3 pages');
    expect(await box.textContent()).toContain('content/regions/muenchen.yaml:23:5');
    // This PDF is not the last good one but the one that runs over, there to be looked at.
    expect(await box.textContent()).toContain('the PDF below shows it');
    await page.waitForFunction(() => document.querySelectorAll('#viewer .textLayer').length === 3, null, { timeout: 20_000 });
    expect(await page.locator('#status').textContent()).toMatch(/^Up to date, with the error in the box/);
    await shot('5-runs-over');
    // The box lies over page 1; folded, it is one line, and the list is out of the way.
    await page.click('#fold');
    await expect.poll(() => page.locator('#problems ul').isVisible()).toBe(false);
    expect(await box.textContent()).toContain('runs to 3 pages');
    expect((await box.boundingBox())!.height).toBeLessThan(60);
    await shot('5b-folded');
    writeFileSync(file, good);
    await box.waitFor({ state: 'hidden', timeout: 20_000 });
  });

  it('says when the errors are in other files, and that the PDF on screen is up to date', async () => {
    // The press office starts a new sheet while an office looks at its region's PDF.
    expect(runCli(['new', 'sheet', 'neu'], { cwd: dir }).status).toBe(0);
    const box = page.locator('#problems');
    await box.waitFor({ state: 'visible', timeout: 20_000 });
    await expect.poll(() => box.textContent(), { timeout: 20_000 }).toContain('content/sheets/neu/de.yaml');
    expect(await box.textContent()).toContain('in other content files: the PDF below is up to date');
    expect(await page.locator('#status').textContent()).toMatch(/^Up to date/);
    await shot('6-errors-elsewhere');
    rmSync(path.join(dir, 'content/sheets/neu'), { recursive: true });
    await box.waitFor({ state: 'hidden', timeout: 20_000 });
    expect(errors).toEqual([]);
    expect(preview.child.exitCode).toBeNull();
  });

  it('follows the preview when it is restarted: the page left open shows the new run’s PDF of its variant', async () => {
    const port = new URL(preview.url).port;
    await preview.stop();
    // Saved while the preview is down: only a render by the new run can show it.
    const file = path.join(dir, regionFile);
    writeFileSync(file, readFileSync(file, 'utf8').replace('Teststraße 99', 'Neustraße 5'));
    preview = await startPreview(dir, ['--port', port]);
    // It used to wait for "the first PDF" for ever: the new run was never told what the page shows.
    await page.waitForFunction(() => [...document.querySelectorAll('#viewer .textLayer')].some((t) => t.textContent?.includes('Neustraße 5')), null, { timeout: 30_000, polling: 50 });
    expect(await page.locator('#status').textContent()).toMatch(/^Up to date/);
    expect(errors).toEqual([]);
  });
});
