// The orders part of the pure core: the order life cycle, totals and pickup codes.
export * from './pickup-code';
export * from './status';
export * from './store-work';
export * from './totals';
