// Placeholder: owned by the shops helper; fill with the HTTP contract.
export {};
