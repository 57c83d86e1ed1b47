// The catalog part of the pure core: GTIN check digits, variants from option templates, the
// category tree, statuses and bundle rules.
export * from './bundles';
export * from './category-tree';
export * from './gtin';
export * from './slug';
export * from './status';
export * from './variants';
