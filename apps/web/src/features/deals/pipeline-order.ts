import type { TPipeline } from '@clientela/contract';

/** The default pipeline first, then the others in their order; inactive ones last. */
export function orderedPipelines(pipelines: TPipeline[]): TPipeline[] {
  const rank = (pipeline: TPipeline) => (pipeline.isDefault ? 0 : pipeline.active ? 1 : 2);
  return [...pipelines].sort((a, b) => rank(a) - rank(b) || a.position - b.position);
}
