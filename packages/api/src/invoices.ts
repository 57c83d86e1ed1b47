// Placeholder: owned by the invoices helper; fill with the HTTP contract.
export {};
