// The API contract of the analytics module.
export {};
