// The HTTP contract of the inventory module.
export {};
