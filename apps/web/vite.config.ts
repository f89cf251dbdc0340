import react from '@vitejs/plugin-react';
import { defineConfig } from 'vite';

export default defineConfig({
  plugins: [react()],
  server: {
    port: 5173,
    proxy: { '/api': 'http://127.0.0.1:3000' },
  },
  build: {
    outDir: 'dist',
    emptyOutDir: true,
    // Every browser we support knows modulepreload; the polyfill would only add bytes.
    modulePreload: { polyfill: false },
    // The largest chunk is the BPMN designer (bpmn-js's modeler with its properties panel, ~1.3 MB
    // before compression), loaded only on the designer page; every other chunk stays far below.
    chunkSizeWarningLimit: 1536,
    rolldownOptions: {
      output: {
        codeSplitting: {
          // The start-up code (everything main.tsx imports statically: React, the router, i18n, antd's
          // provider…) is loaded by every page anyway. Left to automatic splitting, it was cut into a
          // dozen chunks whose borders moved whenever a lazy page started sharing one of its modules,
          // and each cut costs the login page compressed bytes. One chunk keeps it whole and stable.
          // The login page gets the same treatment: it and everything it imports beyond the start-up code
          // (antd's form and inputs…) form one chunk, instead of the fifteen that automatic splitting cut
          // them into. Signed-in pages that use a form share that chunk.
          groups: [
            { name: 'startup', tags: ['$initial'] },
            { name: 'login', test: /src[\\/]features[\\/]auth[\\/]login-page\.tsx$/ },
          ],
        },
      },
    },
  },
});
