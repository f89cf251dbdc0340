/** The report builder's definitions and saved reports (`/api/v1/reports/builder`, `/api/v1/saved-reports`). */
export {};
