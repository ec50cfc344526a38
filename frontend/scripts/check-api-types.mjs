// Fails when src/api/schema.d.ts is not what openapi-typescript makes of ../openapi.yaml, so the
// frontend's types can never drift from the committed contract. Fix: npm run api:generate.
import { readFile } from 'node:fs/promises';
import openapiTS, { astToString } from 'openapi-typescript';

const contract = new URL('../../openapi.yaml', import.meta.url);
const committed = new URL('../src/api/schema.d.ts', import.meta.url);

const generated = astToString(await openapiTS(contract));
const current = await readFile(committed, 'utf8');
// The CLI writes a header comment and a trailing newline around the same declarations.
const strip = (text) => text.replace(/^\/\*\*[\s\S]*?\*\/\s*/, '').trim();
if (strip(generated) !== strip(current)) {
  console.error('src/api/schema.d.ts is stale: run `npm run api:generate` in frontend/ and commit the result');
  process.exit(1);
}
console.log('src/api/schema.d.ts matches openapi.yaml');
