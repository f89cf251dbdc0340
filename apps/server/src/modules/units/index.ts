export { unitSubtree } from './unit-tree.ts';
export { unitPolicy } from './units.policy.ts';
export { units } from './units.table.ts';
