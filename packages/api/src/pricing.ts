// The HTTP contract of the pricing module.
export {};
