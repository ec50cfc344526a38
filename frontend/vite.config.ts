/// <reference types="vitest/config" />
import { fileURLToPath } from 'node:url';
import { defineConfig } from 'vite';
import react from '@vitejs/plugin-react';

// The service (scripts/run) listens on 127.0.0.1:8080; the dev server proxies the API to it.
const api = process.env.LEARNING_CITY_API ?? 'http://127.0.0.1:8080';

export default defineConfig({
  plugins: [react()],
  // `@/…` is `src/…` (tsconfig.json's `paths` says the same for the typechecker); Vitest reads this too.
  resolve: {
    alias: { '@': fileURLToPath(new URL('./src', import.meta.url)) },
  },
  server: {
    proxy: { '/api': api, '/healthz': api, '/readyz': api },
  },
  build: {
    target: 'es2022',
    sourcemap: false,
    // The map's TopoJSON is a chunk of its own; warn only above that size.
    chunkSizeWarningLimit: 800,
  },
  test: {
    environment: 'jsdom',
    globals: true,
    setupFiles: ['./src/test/setup.ts'],
    include: ['src/**/*.test.{ts,tsx}'],
    // Lazy chunks (charts, the map) load through the module graph on first use; on a busy 2-core
    // machine that can take longer than the 5 s default.
    testTimeout: 20_000,
  },
});
