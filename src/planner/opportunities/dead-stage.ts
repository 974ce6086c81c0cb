/**
 * `dead-stage`: a stage the target needs neither as a base nor through `COPY --from` or
 * `RUN --mount from=`. BuildKit skips it; the classic builder builds every stage anyway.
 *
 * @packageDocumentation
 */
import { spanText } from "../count.js";
import type { Opportunity } from "../types.js";
import { lineOf, type OpportunityFinder } from "./context.js";

/**
 * One opportunity per stage the target does not need.
 *
 * @example
 * ```ts
 * deadStages(context).map((o) => o.lines); // [[5]] for an unused stage whose FROM is on line 5
 * ```
 */
export const deadStages: OpportunityFinder = ({ model, builder, stages, schedule }) => {
  const target = schedule.target === undefined ? undefined : model.stages[schedule.target];
  if (target === undefined) return [];
  return schedule.dead.map((index): Opportunity => {
    const stage = model.stages[index];
    const last = stage.instructions[stage.instructions.length - 1] ?? stage.from;
    const span = `lines ${lineOf(stage.from)}–${last.loc.end.line}`;
    const classic = builder === "classic";
    return {
      kind: "dead-stage",
      stage: index,
      lines: [lineOf(stage.from)],
      layerDelta: 0,
      size: classic ? "S" : "XS",
      sizeReason: classic
        ? `the classic builder still builds its ${spanText(stages[index].layers)} layer(s) on every build`
        : "BuildKit already skips it: only the Dockerfile gets shorter",
      confidence: "exact",
      message: `Stage "${stage.id}" is not needed to build the target "${target.id}".`,
      suggestion: `Delete ${span} (the stage "${stage.id}"), or build it on its own with \`docker build --target ${stage.id} .\`.`,
    };
  });
};
