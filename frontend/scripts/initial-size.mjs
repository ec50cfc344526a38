// Prints the gzipped size of the JavaScript a first visit loads: the entry script of
// dist/index.html and the modules it preloads (what the browser fetches before any page chunk).
// Usage: npm run size (after npm run build). With --json, prints {files, raw, gzip} instead.
import { readFile } from 'node:fs/promises';
import { gzipSync } from 'node:zlib';

const dist = new URL('../dist/', import.meta.url);
const html = await readFile(new URL('index.html', dist), 'utf8');
const files = [...html.matchAll(/<(?:script[^>]+src|link[^>]+rel="modulepreload"[^>]+href)="\/([^"]+\.js)"/g)].map((m) => m[1]);
if (files.length === 0) {
  console.error('no entry script found in dist/index.html: run npm run build first');
  process.exit(1);
}
let raw = 0;
let gzip = 0;
for (const file of files) {
  const bytes = await readFile(new URL(file, dist));
  raw += bytes.length;
  gzip += gzipSync(bytes, { level: 9 }).length;
}
const kb = (n) => (n / 1024).toFixed(1);
if (process.argv.includes('--json')) {
  console.log(JSON.stringify({ files, raw, gzip }));
} else {
  console.log(`initial JavaScript: ${files.length} file(s), ${kb(raw)} kB, ${kb(gzip)} kB gzipped`);
  for (const file of files) console.log(`  ${file}`);
}
