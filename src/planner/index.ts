/**
 * The build planner: layer and history counts per stage and for the target image (BuildKit or the
 * classic builder), the stage graph, squash opportunities and what-if counts, from the Dockerfile
 * alone.
 *
 * @packageDocumentation
 */
import type { Dockerfile, ParseResult } from "../ast/nodes.js";
import { analyze, type SemanticModel } from "../model/index.js";
import { stageLayers, stageChain, type StageLayers } from "./stage-plans.js";
import { findOpportunities } from "./opportunities/index.js";
import type { ImagePlan, Plan, PlanOptions, PlannedBase, StagePlan } from "./types.js";
import { whatIf } from "./what-if.js";

export { spanText, spanValue, totalText, totalValue, type LayerTotal, type Span } from "./count.js";
export { formatDot, formatMermaid, formatPlan, formatText, planToJson, type CountJson, type PlanFormat, type PlanJson } from "./format.js";
export type { Builder, Step } from "./layers.js";
export { normalizedReference, type ChainRoot } from "./stage-plans.js";
export type { ImagePlan, Opportunity, OpportunityKind, OpportunitySize, Plan, PlanOptions, PlannedBase, StagePlan, WhatIf } from "./types.js";

const TARGET_CODES = new Set(["unknown-target", "no-stages"]);

function isModel(input: string | Dockerfile | ParseResult | SemanticModel): input is SemanticModel {
  return typeof input === "object" && "stages" in input && "plan" in input;
}

function toModel(input: string | Dockerfile | ParseResult | SemanticModel, options: PlanOptions): SemanticModel {
  if (isModel(input)) return input;
  return analyze(input, { buildArgs: options.buildArgs, platform: options.platform, target: options.target });
}

function stagePlan(model: SemanticModel, layers: StageLayers, needed: ReadonlySet<number>): StagePlan {
  const stage = model.stages[layers.index];
  const base: PlannedBase = stage.base.kind === "image" ? { kind: "image", name: stage.base.name } : stage.base;
  return {
    index: stage.index,
    name: stage.name,
    id: stage.id,
    line: stage.from.loc.start.line,
    base,
    steps: layers.steps,
    layers: layers.layers,
    history: layers.history,
    inherited: layers.inherited,
    total: layers.total,
    reachable: needed.has(stage.index),
    dependsOn: model.graph.dependencies[stage.index] ?? [],
  };
}

function imagePlan(model: SemanticModel, stages: readonly StageLayers[], target: number): ImagePlan {
  const chain = stageChain(model, target);
  const last = stages[target];
  const root = last.root;
  const baseLayers = root.kind === "image" ? root.layers : 0;
  const added = baseLayers === undefined ? last.total.added : { min: last.total.added.min - baseLayers, max: last.total.added.max - baseLayers };
  return { base: root, chain, layers: added, history: last.historyTotal, total: last.total };
}

/**
 * Plans the build of a Dockerfile's target image: what each stage adds (layers and history
 * entries, under BuildKit or the classic builder), what it inherits, the image's count on top of
 * its external base (`B(debian:12) + 3`, or exact with `options.baseImageLayers`), the stage graph
 * and schedule, opportunities to make the image smaller or flatter, and what-if counts. Never
 * throws: an unknown target gives a plan without `image` and with a diagnostic.
 *
 * @example
 * ```ts
 * const p = plan("FROM debian:12 AS build\nRUN make\nFROM debian:12\nRUN a\nRUN b\n", {
 *   baseImageLayers: { "debian:12": 1 },
 * });
 * p.target;                                    // { name: undefined, id: "stage-1", index: 1 }
 * p.image?.layers;                             // { min: 2, max: 2 }
 * p.image?.total;                              // { base: undefined, added: { min: 3, max: 3 } }
 * p.opportunities.map((o) => o.kind);          // ["dead-stage", "merge-runs"]
 * p.whatIf?.merged.layers;                     // { min: 1, max: 1 }
 * ```
 */
export function plan(input: string | Dockerfile | ParseResult | SemanticModel, options: PlanOptions = {}): Plan {
  const model = toModel(input, options);
  const builder = options.builder ?? "buildkit";
  const schedule = model.plan(options.target);
  const layers = stageLayers(model, builder, options.baseImageLayers ?? {});
  const needed = new Set(schedule.needed);
  const stages = layers.map((l) => stagePlan(model, l, needed));
  const index = schedule.target;
  const chain = index === undefined ? [] : stageChain(model, index);
  const opportunities = findOpportunities({ model, builder, stages: layers, schedule, chain });
  const image = index === undefined ? undefined : imagePlan(model, layers, index);
  const diagnostics = [...model.diagnostics.filter((d) => !TARGET_CODES.has(d.code)), ...schedule.diagnostics];
  return {
    target: index === undefined ? undefined : { name: model.stages[index].name, id: model.stages[index].id, index },
    builder,
    stages,
    image,
    edges: model.graph.edges,
    schedule,
    opportunities,
    whatIf: image === undefined ? undefined : whatIf(image, opportunities),
    diagnostics: diagnostics.sort((a, b) => a.range[0] - b.range[0]),
    model,
  };
}
