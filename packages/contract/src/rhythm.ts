// The API contract of the rhythm module.
export {};
