// The API contract of the analysis module.
export {};
