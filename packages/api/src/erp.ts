// Placeholder: owned by the erp helper; fill with the HTTP contract.
export {};
