export { findForecast } from './find-forecast.ts';
export { findPlans } from './find-plans.ts';
export { salesPlans } from './planning.table.ts';
