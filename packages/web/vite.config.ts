import react from '@vitejs/plugin-react';
import { defineConfig } from 'vite';

/** The API server listens on :3000 in development; the SPA proxies to it so cookies stay same-origin. */
const API_ORIGIN = 'http://localhost:3000';

export default defineConfig({
  plugins: [react()],
  build: { outDir: 'dist', emptyOutDir: true },
  server: {
    proxy: {
      '/api': { target: API_ORIGIN, changeOrigin: false },
      '/healthz': { target: API_ORIGIN, changeOrigin: false },
    },
  },
});
