/**
 * What-if counts: the target image's layers after the suggested RUN merges, and under the classic
 * builder's `--squash` (every layer the build adds squashed into one on top of the base).
 *
 * @packageDocumentation
 */
import type { Span } from "./count.js";
import type { ImagePlan, Opportunity, WhatIf } from "./types.js";

/**
 * The what-if counts of a target image.
 *
 * @example
 * ```ts
 * whatIf(image, opportunities); // { merged: { layers: { min: 3, max: 3 }, delta: -2 }, squashed: { layers: { min: 1, max: 1 } } }
 * ```
 */
export function whatIf(image: ImagePlan, opportunities: readonly Opportunity[]): WhatIf {
  const chain = new Set(image.chain);
  const delta = opportunities
    .filter((o) => o.kind === "merge-runs" && chain.has(o.stage))
    .reduce((sum, o) => sum + o.layerDelta, 0);
  const merged: Span = { min: Math.max(0, image.layers.min + delta), max: Math.max(0, image.layers.max + delta) };
  const squashed: Span = { min: Math.min(1, image.layers.min), max: Math.min(1, image.layers.max) };
  return { merged: { layers: merged, delta }, squashed: { layers: squashed } };
}
