/** The forecast against the plan, with its backtest. */
export function ForecastReport() {
  return null;
}
