import react from '@vitejs/plugin-react';
import { defineConfig } from 'vite';

// The store register, served by the Handla server at /pos/.
export default defineConfig({
  base: '/pos/',
  plugins: [react()],
  build: {
    outDir: 'dist',
    emptyOutDir: true,
  },
  server: { proxy: { '/api': 'http://localhost:3000' } },
});
