import { createHash } from 'node:crypto';
import { readFileSync } from 'node:fs';
import react from '@vitejs/plugin-react';
import { defineConfig, type Plugin } from 'vite';

// Files in public/ that are copied as they are, so the bundle does not list them.
const PUBLIC_SHELL_FILES = ['manifest.webmanifest', 'icon.svg'];

/**
 * Emits dist/sw.js from sw/service-worker.js with this build's file list filled in, so the service
 * worker precaches exactly the hashed assets Vite wrote (and a new build gets a new cache name).
 */
function serviceWorkerPrecache(): Plugin {
  const source = new URL('./sw/service-worker.js', import.meta.url);
  return {
    name: 'handla-pos-service-worker',
    apply: 'build',
    generateBundle(_options, bundle) {
      const files = [
        ...Object.keys(bundle).filter((name) => !name.endsWith('.map')),
        ...PUBLIC_SHELL_FILES,
      ].sort();
      const version = createHash('sha256').update(files.join('\n')).digest('hex').slice(0, 12);
      const code = readFileSync(source, 'utf8').replace(
        /\/\* PRECACHE_PLACEHOLDER \*\/ \{[^}]*\}/,
        `/* generated */ ${JSON.stringify({ version, files })}`,
      );
      this.emitFile({ type: 'asset', fileName: 'sw.js', source: code });
    },
  };
}

// The store register, served by the Handla server at /pos/.
export default defineConfig({
  base: '/pos/',
  plugins: [react(), serviceWorkerPrecache()],
  build: {
    outDir: 'dist',
    emptyOutDir: true,
  },
  server: { proxy: { '/api': 'http://localhost:3000' } },
});
