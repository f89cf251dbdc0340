/** Sales plans and the forecast against them (`/api/v1/plans`, `/api/v1/forecasts`). */
export {};
