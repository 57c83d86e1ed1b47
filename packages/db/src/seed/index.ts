// Seed builders shared by the demo data and the tests, and the demo shop itself.
export * from './builders';
export * from './demo';
export * from './demo-catalog';
export * from './demo-org';
export * from './demo-shops';
export * from './ean';
export * from './ids';
export * from './org-number';
export * from './swedish-vat';
