// The HTTP contract of the catalog module.
export {};
