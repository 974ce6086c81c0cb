/**
 * The file-flow analysis: what each layer adds, removes and leaves behind, and the facts derived
 * from it. One analysis, two views: rules report the facts as findings, the build planner as
 * opportunities.
 *
 * @packageDocumentation
 */
import type { SemanticModel } from "../analyze.js";
import { deriveFacts } from "./facts.js";
import { stageFlows } from "./layers.js";
import type { FileFlow } from "./types.js";

export type * from "./types.js";
export { absolutePath, baseName, hasGlobChars, pathRelation } from "./paths.js";
export { secretFileName } from "./secret-files.js";
export { cacheSize, isArchiveName } from "./size.js";

/**
 * The file flow of a model: every stage's layers and the derived facts. Computed on first use
 * and cached per model; never throws.
 *
 * @example
 * ```ts
 * const flow = fileFlow(analyze("FROM centos\nCOPY software /software\nRUN make -C /software && rm -rf /software\n"));
 * flow.deleteInLaterLayer[0].lines;        // [2, 3]
 * flow.deleteInLaterLayer[0].added.path;   // "/software"
 * flow.deleteInLaterLayer[0].size.class;   // "L"
 * ```
 */
export function fileFlow(model: SemanticModel): FileFlow {
  return model.derived(fileFlow, computeFileFlow);
}

function computeFileFlow(model: SemanticModel): FileFlow {
  const stages = stageFlows(model);
  const target = model.target.target === undefined ? undefined : stages[model.target.target];
  return { stages, target, ...deriveFacts(model, stages) };
}
