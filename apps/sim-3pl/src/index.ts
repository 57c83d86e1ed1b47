// Placeholder: the simulated 3PL; owned by its helper.
export {};
