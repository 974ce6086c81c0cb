/**
 * Every opportunity finder, run in one pass and sorted by the first line involved.
 *
 * @packageDocumentation
 */
import type { Opportunity } from "../types.js";
import { buildToolsInFinal } from "./build-tools.js";
import { cacheBustingCopies } from "./cache-busting-copy.js";
import type { OpportunityFinder, PlanContext } from "./context.js";
import { deadStages } from "./dead-stage.js";
import { fileFlowOpportunities } from "./file-flow.js";
import { flatMap } from "../../util/arrays.js";
import { compareCodeUnits } from "../../util/text.js";

const FINDERS: readonly OpportunityFinder[] = [deadStages, cacheBustingCopies, buildToolsInFinal, fileFlowOpportunities];

/**
 * The opportunities of a plan, by first line, then kind.
 *
 * @example
 * ```ts
 * findOpportunities(context).map((o) => `${o.lines[0]} ${o.kind}`); // ["3 cache-busting-copy", "9 dead-stage"]
 * ```
 */
export function findOpportunities(context: PlanContext): Opportunity[] {
  if (context.schedule.target === undefined) return [];
  return flatMap(FINDERS, (find) => find(context)).sort((a, b) => a.lines[0] - b.lines[0] || compareCodeUnits(a.kind, b.kind));
}
