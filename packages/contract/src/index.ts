export * from './api-tokens.ts';
export * from './auth.ts';
export * from './common.ts';
export * from './customers.ts';
export * from './errors.ts';
export * from './search.ts';
export * from './units.ts';
export * from './users.ts';
