/**
 * What every opportunity finder reads: the model, the builder, the stages' layer plans and the
 * target's schedule and stage chain.
 *
 * @packageDocumentation
 */
import type { Instruction, Range } from "../../ast/nodes.js";
import type { SemanticModel, TargetPlan } from "../../model/index.js";
import type { Builder } from "../layers.js";
import type { StageLayers } from "../stage-plans.js";
import type { Opportunity } from "../types.js";

/**
 * The inputs of an opportunity finder.
 *
 * @example
 * ```ts
 * const context: PlanContext = { model, builder: "buildkit", stages, schedule: model.plan(), chain: [0, 2] };
 * ```
 */
export interface PlanContext {
  readonly model: SemanticModel;
  readonly builder: Builder;
  readonly stages: readonly StageLayers[];
  /** The target's needed and dead stages, order and levels. */
  readonly schedule: TargetPlan;
  /** The target's stage chain (`FROM <stage>` links), root first; empty when the target is unknown. */
  readonly chain: readonly number[];
}

/**
 * Finds one kind of opportunity.
 *
 * @example
 * ```ts
 * const none: OpportunityFinder = () => [];
 * ```
 */
export type OpportunityFinder = (context: PlanContext) => Opportunity[];

/**
 * The 1-based line of a node.
 *
 * @example
 * ```ts
 * lineOf(model.stages[0].from); // 1
 * ```
 */
export const lineOf = (node: { readonly loc: { readonly start: { readonly line: number } } }): number => node.loc.start.line;

/**
 * The source text of an instruction (continuation lines and their comments kept), or of a part of
 * it given by its range.
 *
 * @example
 * ```ts
 * sourceOf(run);              // "RUN apt-get update \\\n && apt-get install -y curl"
 * sourceOf(run, run.command); // "apt-get update \\\n && apt-get install -y curl"
 * ```
 */
export function sourceOf(instruction: Instruction, part: { readonly range: Range } = instruction): string {
  const raw = instruction.raw;
  const lineStart = instruction.range[0] - (raw.length - raw.trimStart().length);
  return raw.slice(part.range[0] - lineStart, part.range[1] - lineStart);
}
