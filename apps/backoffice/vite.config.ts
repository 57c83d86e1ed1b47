import react from '@vitejs/plugin-react';
import { defineConfig } from 'vite';

// The back office, served by the Handla server at /admin/.
export default defineConfig({
  base: '/admin/',
  plugins: [react()],
  build: {
    outDir: 'dist',
    emptyOutDir: true,
  },
  server: { proxy: { '/api': 'http://localhost:3000' } },
});
