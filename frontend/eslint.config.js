// ESLint for the web app (flat config). Besides the recommended JavaScript and TypeScript rules it
// guards the layout of src/: no import cycles, and a feature (src/features/<name>/) reaches another
// feature only through that feature's public entry, features/<name>/index.ts; shared code
// (src/api, src/auth, src/components, src/i18n, src/lib, src/test) does the same.
import { readdirSync } from 'node:fs';
import { join } from 'node:path';
import { defineConfig, globalIgnores } from 'eslint/config';
import js from '@eslint/js';
import tseslint from 'typescript-eslint';
import { importX } from 'eslint-plugin-import-x';
import { createTypeScriptImportResolver } from 'eslint-import-resolver-typescript';

const features = readdirSync(join(import.meta.dirname, 'src/features'), { withFileTypes: true })
  .filter((entry) => entry.isDirectory())
  .map((entry) => entry.name);
const publicEntries = features.map((name) => `./${name}/index.ts`);

export default defineConfig(
  globalIgnores(['dist/', 'e2e/', 'scripts/', 'src/api/schema.d.ts']),
  js.configs.recommended,
  tseslint.configs.recommended,
  {
    files: ['**/*.{ts,tsx}'],
    plugins: { 'import-x': importX },
    settings: {
      // Parse TypeScript modules when following imports (for no-cycle); resolve `@/…` as tsconfig.json says.
      'import-x/extensions': importX.flatConfigs.typescript.settings['import-x/extensions'],
      'import-x/parsers': importX.flatConfigs.typescript.settings['import-x/parsers'],
      'import-x/resolver-next': [createTypeScriptImportResolver({ project: './tsconfig.json' })],
    },
    rules: {
      'import-x/no-cycle': 'error',
      'import-x/no-restricted-paths': [
        'error',
        {
          zones: [
            ...features.map((name) => ({
              target: `./src/features/${name}`,
              from: './src/features',
              except: [`./${name}`, ...publicEntries],
              message: `Import another feature only through its public entry (features/<name>/index.ts), or move what is shared to src/components or src/lib.`,
            })),
            {
              target: ['./src/api', './src/auth', './src/components', './src/i18n', './src/lib', './src/test'],
              from: './src/features',
              except: publicEntries,
              message: 'Shared code imports a feature only through its public entry (features/<name>/index.ts).',
            },
          ],
        },
      ],
    },
  },
);
