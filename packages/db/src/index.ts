export * from './data-dir-lock';
export * from './database';
export * from './migrate';
export * from './open';
export * from './pglite';
export * from './postgres';
export * from './seed';
export * from './test-database';
