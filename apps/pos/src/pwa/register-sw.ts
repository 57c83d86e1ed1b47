// Registers the service worker that keeps the app shell for offline starts (see sw/service-worker.js).
// Only in a production build: the dev server's modules are not hashed and must not be cached.
export function registerServiceWorker() {
  if (!import.meta.env.PROD || !('serviceWorker' in navigator)) return;
  window.addEventListener('load', () => {
    navigator.serviceWorker
      .register(`${import.meta.env.BASE_URL}sw.js`, { scope: import.meta.env.BASE_URL })
      .catch((error) => {
        // The register still works online without it; say why offline starts will not.
        console.warn('Service worker not registered', error);
      });
  });
}
