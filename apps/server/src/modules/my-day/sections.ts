import { type SQL, sql } from 'drizzle-orm';

type Tag<N extends string> = { section: N; position: number; total: number };

/**
 * The columns that make one capped, ordered select an arm of a union of sections: its section's
 * name, the row's place in the section's order and how many rows match the section in all.
 */
export function sectionColumns<N extends string>(name: N, order: SQL[]) {
  return {
    section: sql<N>`${name}::text`,
    position: sql<number>`(row_number() OVER (ORDER BY ${sql.join(order, sql`, `)}))::int`,
    total: sql<number>`(count(*) OVER ())::int`,
  };
}

/** Deals a union's rows out to their sections, each in its own order: a union keeps no order of its own. */
export function intoSections<N extends string, R extends Tag<N>, T>(
  names: readonly N[],
  rows: R[],
  item: (row: R) => T,
): Record<N, { rows: T[]; total: number }> {
  const sections = Object.fromEntries(names.map((name) => [name, { rows: [] as T[], total: 0 }])) as Record<
    N,
    { rows: T[]; total: number }
  >;
  for (const row of [...rows].sort((a, b) => a.position - b.position)) {
    sections[row.section].rows.push(item(row));
    sections[row.section].total = row.total;
  }
  return sections;
}
