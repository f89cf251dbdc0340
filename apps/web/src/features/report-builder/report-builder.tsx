/** The report builder: pick an entity, groupings, a measure, filters and a chart; save and share. */
export function ReportBuilder() {
  return null;
}
