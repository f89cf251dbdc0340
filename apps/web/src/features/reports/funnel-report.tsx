/** Funnel conversion by stage and the time deals spend in each stage. */
export function FunnelReport() {
  return null;
}
