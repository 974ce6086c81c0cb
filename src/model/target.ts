/**
 * What building one target stage takes: the stages it needs, the dead ones, a build order, the
 * levels of stages that can build in parallel, and the critical path.
 *
 * @packageDocumentation
 */
import { editDistance } from "../util/edit-distance.js";
import type { Dockerfile } from "../ast/nodes.js";
import type { ModelDiagnostic } from "./diagnostics.js";
import type { StageGraph } from "./graph.js";
import type { Stage } from "./stages.js";

/**
 * The build of one target.
 *
 * @example
 * ```ts
 * analyze("FROM a AS x\nFROM b AS unused\nFROM x\n").target;
 * // { target: 2, needed: [0, 2], dead: [1], order: [0, 2], levels: [[0], [2]], criticalPath: [0, 2], diagnostics: [] }
 * ```
 */
export interface TargetPlan {
  /** The target stage's index; undefined when the target is unknown or there are no stages. */
  readonly target: number | undefined;
  /** The stages the target needs, itself included, by index. */
  readonly needed: readonly number[];
  /** The stages the target does not need. */
  readonly dead: readonly number[];
  /** A build order: every stage after the stages it depends on (stages caught in a cycle are left out). */
  readonly order: readonly number[];
  /** Groups of stages whose dependencies are all built by the previous groups: each group can build in parallel. */
  readonly levels: readonly (readonly number[])[];
  /** The longest chain of dependencies, by number of stages, from the first to build to the target. */
  readonly criticalPath: readonly number[];
  /** The unknown-target or no-stages diagnostic, when there is one. */
  readonly diagnostics: readonly ModelDiagnostic[];
}

/** The stage a `--target` names: an index, a name (case-insensitive, first match) or `stage-<n>`. */
function findTarget(stages: readonly Stage[], target: string | number | undefined): Stage | undefined {
  if (target === undefined) return stages[stages.length - 1];
  if (typeof target === "number") return stages[target];
  const lower = target.toLowerCase();
  return stages.find((s) => s.name === lower) ?? stages.find((s) => s.id === lower);
}

function unknownTarget(ast: Dockerfile, stages: readonly Stage[], target: string | number | undefined): ModelDiagnostic {
  const start = { range: [0, 0] as const, loc: { start: ast.loc.start, end: ast.loc.start } };
  if (stages.length === 0) return { code: "no-stages", severity: "error", message: "dockerfile contains no stages to build", ...start };
  const name = String(target);
  const near = stages.filter((s) => s.name !== undefined && editDistance(s.name, name.toLowerCase(), 3) < 3).map((s) => s.name)[0];
  const hint = near === undefined ? "" : ` (did you mean ${near}?)`;
  return { code: "unknown-target", severity: "error", message: `target stage "${name}" could not be found${hint}`, ...start };
}

/**
 * Kahn's algorithm over the needed stages: a stage's level is one more than its deepest
 * dependency's. Stages caught in (or waiting on) a cycle get no level. Linear in stages + edges.
 */
function levelsOf(graph: StageGraph, needed: readonly number[], neededSet: ReadonlySet<number>): Map<number, number> {
  const waiting = new Map<number, number>();
  const dependents = new Map<number, number[]>();
  for (const i of needed) {
    const deps = [...new Set(graph.dependencies[i])].filter((d) => neededSet.has(d));
    waiting.set(i, deps.length);
    for (const d of deps) (dependents.get(d) ?? dependents.set(d, []).get(d)!).push(i);
  }
  const level = new Map<number, number>();
  const queue = needed.filter((i) => waiting.get(i) === 0);
  for (const i of queue) level.set(i, 0);
  for (let q = 0; q < queue.length; q++) {
    const at = queue[q];
    for (const next of dependents.get(at) ?? []) {
      level.set(next, Math.max(level.get(next) ?? 0, level.get(at)! + 1));
      const left = waiting.get(next)! - 1;
      waiting.set(next, left);
      if (left === 0) queue.push(next);
    }
  }
  return level;
}

/** The stages reachable from `target` through the dependencies. */
function reachable(graph: StageGraph, target: number): Set<number> {
  const seen = new Set<number>([target]);
  const stack = [target];
  while (stack.length > 0) {
    for (const dep of graph.dependencies[stack.pop()!]) {
      if (!seen.has(dep)) {
        seen.add(dep);
        stack.push(dep);
      }
    }
  }
  return seen;
}

/**
 * Plans the build of a target (default: the last stage; or a name, case-insensitive, or an index).
 * An unknown target gives a plan with no stages and a diagnostic, never an exception.
 *
 * @example
 * ```ts
 * const plan = planTarget(ast, stages, graph);
 * plan.levels;       // [[0, 1], [2]]: stages 0 and 1 can build together, then 2
 * plan.criticalPath; // [0, 2]
 * ```
 */
export function planTarget(ast: Dockerfile, stages: readonly Stage[], graph: StageGraph, target?: string | number): TargetPlan {
  const stage = findTarget(stages, target);
  if (stage === undefined) {
    return { target: undefined, needed: [], dead: stages.map((s) => s.index), order: [], levels: [], criticalPath: [], diagnostics: [unknownTarget(ast, stages, target)] };
  }
  const neededSet = reachable(graph, stage.index);
  const needed = [...neededSet].sort((a, b) => a - b);
  const dead = stages.map((s) => s.index).filter((i) => !neededSet.has(i));
  const level = levelsOf(graph, needed, neededSet);
  const levels: number[][] = [];
  for (const i of needed) {
    const l = level.get(i);
    if (l !== undefined) (levels[l] ??= []).push(i);
  }
  const criticalPath: number[] = [];
  if (level.has(stage.index)) {
    for (let at: number | undefined = stage.index; at !== undefined; ) {
      criticalPath.unshift(at);
      const deps: readonly number[] = graph.dependencies[at];
      at = deps.reduce<number | undefined>((best, d) => (best === undefined || level.get(d)! > level.get(best)! ? d : best), undefined);
    }
  }
  return { target: stage.index, needed, dead, order: levels.flat(), levels, criticalPath, diagnostics: [] };
}
