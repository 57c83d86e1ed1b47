// STUB (skeleton): the owning helper writes this contract file.
export {};
