export * from './applicability';
export * from './check-rule';
export { percentOf } from './effects';
export * from './price-basket';
export * from './types';
