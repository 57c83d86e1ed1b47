export * from './api-keys';
export * from './auth';
export * from './client';
export * from './common';
export * from './events';
export * from './health';
export * from './products';
export * from './stores';
