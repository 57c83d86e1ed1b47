import react from '@vitejs/plugin-react';
import { defineConfig } from 'vite';

// The web shop, served by the Handla server at /.
export default defineConfig({
  base: '/',
  plugins: [react()],
  build: {
    outDir: 'dist',
    emptyOutDir: true,
    rolldownOptions: {
      // The contract's zod schemas register themselves for the OpenAPI document. The browser needs only
      // the client and types, so unused schemas (and zod with them) may drop out of the bundle.
      treeshake: { moduleSideEffects: [{ test: /packages[\\/]api[\\/]src[\\/]/, sideEffects: false }] },
    },
  },
  server: { proxy: { '/api': 'http://localhost:3000' } },
});
