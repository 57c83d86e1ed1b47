import react from '@vitejs/plugin-react';
import { defineConfig } from 'vite';

// The web shop, served by the Handla server at /.
export default defineConfig({
  base: '/',
  plugins: [react()],
  build: {
    outDir: 'dist',
    emptyOutDir: true,
  },
  server: { proxy: { '/api': 'http://localhost:3000' } },
});
