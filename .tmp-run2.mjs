import { chromium } from 'playwright-core';
import { readFileSync, writeFileSync } from 'node:fs';
import { spawn } from 'node:child_process';
const child = spawn(process.execPath, ['/work/wt6/bin/infoblatt.js', 'preview', '--port', '0', '--region', 'muenchen'], { cwd: '/tmp/pv2', stdio: ['ignore', 'ignore', 'pipe'] });
const url = await new Promise((r) => { let e = ''; child.stderr.on('data', (d) => { e += d; const m = /preview: (\S+)/.exec(e); if (m) r(m[1]); }); });
const browser = await chromium.launch({ executablePath: '/usr/bin/chromium', args: ['--headless', '--no-sandbox', '--disable-gpu', '--disable-background-networking', '--disable-component-update', '--disable-sync', '--no-first-run'] });
const page = await browser.newPage({ viewport: { width: 1100, height: 900 } }); page.on('console', (m) => console.log(Math.round(performance.now()), m.text()));
const t0 = performance.now();
await page.goto(url);
await page.waitForSelector('#viewer[data-version]', { timeout: 20000 });
console.log('first PDF on screen after page open', Math.round(performance.now() - t0), 'ms');
const file = '/tmp/pv2/content/regions/muenchen.yaml';
const times = [];
for (let i = 1; i <= 3; i++) {
  const s = `Schwanthalerstraße ${500 + i}`;
  const next = readFileSync(file, 'utf8').replace(/Schwanthalerstraße \d+/, s);
  const t = performance.now(); console.log(Math.round(t), 'save');
  writeFileSync(file, next);
  await page.waitForFunction((s) => document.querySelector('#viewer .textLayer')?.textContent.includes(s), s, { polling: 10, timeout: 20000 });
  times.push(Math.round(performance.now() - t));
  await new Promise((r) => setTimeout(r, 300));
}
console.log('save → new PDF on screen (ms):', times.join(', '));
await page.screenshot({ path: '/tmp/pv2/after.png' });
await browser.close();
child.kill('SIGTERM');
