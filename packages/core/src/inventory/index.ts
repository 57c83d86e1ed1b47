// The inventory part of the pure core; see the module's files.
export {};
