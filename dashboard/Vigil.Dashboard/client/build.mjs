// Builds the browser app into ../wwwroot: app.js, app.css and index.html (no inline script or style, for the CSP).
// index.html references the bundles with a content hash in the query string, so they can be cached for a year
// while index.html itself is served no-cache. Run by Vigil.Dashboard.csproj; `node build.mjs --no-typecheck` skips tsc.
import { execFileSync } from 'node:child_process';
import { createHash } from 'node:crypto';
import { mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import * as esbuild from 'esbuild';

const here = dirname(fileURLToPath(import.meta.url));
const out = join(here, '..', 'wwwroot');
const args = new Set(process.argv.slice(2));

function run(what, script, ...rest) {
  try {
    execFileSync(process.execPath, [script, ...rest], { stdio: 'inherit' });
  } catch {
    console.error(`build.mjs: ${what} failed (see above)`);
    process.exit(1);
  }
}

run('i18n check', join(here, 'check-i18n.mjs'));
if (!args.has('--no-typecheck')) {
  run('typecheck (tsc --noEmit)', join(here, 'node_modules', 'typescript', 'bin', 'tsc'), '--noEmit', '-p', here);
}

mkdirSync(out, { recursive: true });
const result = await esbuild.build({
  entryPoints: { app: join(here, 'src', 'main.tsx') },
  bundle: true,
  minify: true,
  sourcemap: 'linked',
  format: 'esm',
  target: ['es2022'],
  outdir: out,
  jsx: 'automatic',
  jsxImportSource: 'preact',
  legalComments: 'none',
  metafile: true,
  logLevel: 'warning',
});

const hash = file => createHash('sha256').update(readFileSync(join(out, file))).digest('hex').slice(0, 12);
const html = readFileSync(join(here, 'src', 'index.html'), 'utf8')
  .replace('%APP_CSS%', `/app.css?v=${hash('app.css')}`)
  .replace('%APP_JS%', `/app.js?v=${hash('app.js')}`);
writeFileSync(join(out, 'index.html'), html);

const sizes = Object.entries(result.metafile.outputs).filter(([f]) => !f.endsWith('.map'))
  .map(([f, o]) => `${f.split('/').pop()} ${(o.bytes / 1024).toFixed(1)} kB`);
console.log(`built ${out}: ${sizes.join(', ')}, index.html`);
