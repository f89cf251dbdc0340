// Placeholder: being built.
export {};
