import { spawnSync } from 'node:child_process';
import { appendFileSync, cpSync, readFileSync, readdirSync, rmSync, statSync, symlinkSync, utimesSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { pathToFileURL } from 'node:url';
import { beforeAll, describe, expect, it } from 'vitest';
import { contentDir, root, tempDir } from './helpers/cli.js';

/**
 * A copy of the tool as a developer has it (sources, dist/ as compiled, node_modules linked): a
 * source edited after the compile is named by the commands that render, and `npm start`'s
 * `build.mjs --if-changed` does nothing while nothing changed. (A walk replaced a font and edited
 * a template, and `build` said "nothing to render".)
 */

let tool: string;
beforeAll(() => {
  tool = tempDir();
  for (const item of ['package.json', 'package-lock.json', 'tsconfig.json', 'tsconfig.types.json', 'bin', 'dist', 'src', 'templates', 'fonts', 'scripts/build.mjs', 'scripts/node-bundle.mjs', 'scripts/fingerprint.mjs']) {
    cpSync(path.join(root, item), path.join(tool, item), { recursive: true });
  }
  symlinkSync(path.join(root, 'node_modules'), path.join(tool, 'node_modules'));
});

const list = () => spawnSync(process.execPath, [path.join(tool, 'bin/infoblatt.js'), 'list', '--content', contentDir], { encoding: 'utf8' });

describe('sources changed since the compile', () => {
  it('are named by the commands that render, until compiled; a file saved unchanged is none', () => {
    // Every copied file is newer than the compile: each is read again, and found the same.
    let r = list();
    expect(r.status, r.stderr).toBe(0);
    expect(r.stderr).not.toContain('changed after infoblatt was compiled');

    const messages = path.join(tool, 'templates/messages.ts');
    const before = readFileSync(messages);
    appendFileSync(messages, '// an edit\n');
    writeFileSync(path.join(tool, 'src/extra.ts'), 'export {};\n');
    rmSync(path.join(tool, 'fonts/source-sans-3/LICENSE.md'));
    r = list();
    expect(r.status).toBe(0);
    expect(r.stderr).toContain('infoblatt: fonts/source-sans-3/LICENSE.md, src/extra.ts, templates/messages.ts changed after infoblatt was compiled');
    expect(r.stderr).toContain('Run npm run build first');
    // The list itself is still printed: the warning is no error.
    expect(r.stdout).toContain('zoom-datenschutz-hamburg-de-infoblatt.pdf');

    writeFileSync(messages, before);
    // A font replaced by one unpacked with an old date (tar, unzip, cp -p): its size tells.
    const bold = path.join(tool, 'fonts/source-sans-3/SourceSans3-Bold.ttf');
    const boldBytes = readFileSync(bold);
    cpSync(path.join(tool, 'fonts/source-sans-3/SourceSans3-Regular.ttf'), bold);
    utimesSync(bold, new Date('2020-01-01'), new Date('2020-01-01'));
    expect(list().stderr).toContain('fonts/source-sans-3/SourceSans3-Bold.ttf');
    writeFileSync(bold, boldBytes);
    rmSync(path.join(tool, 'src/extra.ts'));
    cpSync(path.join(root, 'fonts/source-sans-3/LICENSE.md'), path.join(tool, 'fonts/source-sans-3/LICENSE.md'));
    expect(list().stderr).not.toContain('changed after');
  });

  it('renders every variant again under another fingerprint (an update, a recompiled template), which covers the fonts too', async () => {
    const work = tempDir(path.join(root, 'tests/fixtures/minimal'));
    const build = () => {
      const r = spawnSync(process.execPath, [path.join(tool, 'bin/infoblatt.js'), 'build', '--json'], { cwd: work, encoding: 'utf8' });
      expect(r.status, r.stderr).toBe(0);
      return JSON.parse(r.stdout) as { replayed: boolean; variants: Array<{ status: string }> };
    };
    build();
    expect(build().replayed).toBe(true);
    const infoFile = path.join(tool, 'dist/tool.json');
    const info = readFileSync(infoFile, 'utf8');
    const { fingerprint } = JSON.parse(info) as { fingerprint: string };
    writeFileSync(infoFile, info.replace(fingerprint, `${fingerprint.slice(0, -1)}x`));
    const again = build();
    expect(again.replayed).toBe(false);
    expect(again.variants.map((v) => v.status)).toEqual(['built']);
    writeFileSync(infoFile, info);
    // The fingerprint is what scripts/build.mjs wrote, and a font's bytes are part of it: a font
    // replaced under its name renders anew.
    const { toolFingerprint } = await import(pathToFileURL(path.join(tool, 'scripts/fingerprint.mjs')).href) as { toolFingerprint: (dir: string) => string };
    expect(toolFingerprint(tool)).toBe(fingerprint);
    const regular = path.join(tool, 'fonts/source-sans-3/SourceSans3-Regular.ttf');
    const bytes = readFileSync(regular);
    appendFileSync(regular, Buffer.from([0]));
    const changed = toolFingerprint(tool);
    writeFileSync(regular, bytes);
    expect(changed).not.toBe(fingerprint);
  });

  it('exits 70, a bug of its own, when a template fails or the compiled tool is broken, never 1 as for content', () => {
    const chunks = path.join(tool, 'dist/chunks');
    const poster = path.join(chunks, readdirSync(chunks).find((f) => /^aushang-.*\.js$/.test(f))!);
    const code = readFileSync(poster, 'utf8');
    writeFileSync(poster, `${code}\nthrow new Error('a bug planted by the test');\n`);
    const render = spawnSync(process.execPath, [path.join(tool, 'bin/infoblatt.js'), 'build', '--content', contentDir, '--out', path.join(tempDir(), 'out'), '--region', 'kiel', '--locale', 'de', '--template', 'aushang,infoblatt'], { encoding: 'utf8' });
    writeFileSync(poster, code);
    expect(render.stderr).toContain('a bug planted by the test');
    expect(render.status, render.stderr).toBe(70);
    const infoFile = path.join(tool, 'dist/tool.json');
    const info = readFileSync(infoFile, 'utf8');
    writeFileSync(infoFile, '{"fingerprint": ');
    const broken = list();
    writeFileSync(infoFile, info);
    expect(broken.stderr).toContain('internal error, a bug in infoblatt itself');
    expect(broken.status).toBe(70);
  });

  it('npm start compiles only when a source changed', () => {
    const stamp = statSync(path.join(tool, 'dist/tool.json')).mtimeMs;
    const r = spawnSync(process.execPath, ['scripts/build.mjs', '--if-changed'], { cwd: tool, encoding: 'utf8' });
    expect(r.status, r.stderr).toBe(0);
    expect(statSync(path.join(tool, 'dist/tool.json')).mtimeMs).toBe(stamp);
    expect(JSON.parse(readFileSync(path.join(root, 'package.json'), 'utf8')).scripts.start).toBe('node scripts/build.mjs --if-changed && node bin/infoblatt.js build');
  });
});
