// The payments part of the pure core: the status machine, the amount rules and the method rules.
export * from './allocation';
export * from './amounts';
export * from './methods';
export * from './status';
