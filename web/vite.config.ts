// The web app's build (Vite + React). `npm start` builds it when it is missing or stale (scripts/web-build.ts);
// `npx vite --config web/vite.config.ts` serves it for development with the API proxied to `nianbao serve`.
import react from '@vitejs/plugin-react';
import { fileURLToPath } from 'node:url';
import { defineConfig } from 'vite';

export default defineConfig({
  root: fileURLToPath(new URL('.', import.meta.url)),
  base: '/',
  plugins: [react()],
  build: {
    outDir: 'dist',
    emptyOutDir: true,
    // ECharts is one large chunk; it is loaded only by the pages with charts.
    chunkSizeWarningLimit: 1500,
  },
  server: { proxy: { '/api': 'http://127.0.0.1:8080' } },
});
