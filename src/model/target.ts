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
 * dependency's. Stages caught in (or waiting on) a cycle get no level (-1). Linear in stages + edges.
 */
function levelsOf(graph: StageGraph, needed: readonly number[], stageCount: number): number[] {
  const level = new Array<number>(stageCount).fill(-1);
  const waiting = new Array<number>(stageCount).fill(0);
  const dependents: number[][] = [];
  // The dependencies of a needed stage are needed too (they are reachable from the target).
  for (const i of needed) {
    const deps = graph.dependencies[i];
    waiting[i] = deps.length;
    for (const d of deps) (dependents[d] ??= []).push(i);
  }
  const queue = needed.filter((i) => waiting[i] === 0);
  for (const i of queue) level[i] = 0;
  for (let q = 0; q < queue.length; q++) {
    const at = queue[q];
    for (const next of dependents[at] ?? []) {
      level[next] = Math.max(level[next], level[at] + 1);
      if (--waiting[next] === 0) queue.push(next);
    }
  }
  return level;
}

/**
 * Which stages building `targets` needs (the targets and everything they depend on, through
 * `FROM`, `COPY --from` and mounts), by stage index.
 *
 * @example
 * ```ts
 * const model = analyze("FROM alpine AS a\nFROM a AS b\nFROM alpine AS c\n");
 * stagesNeededBy(model.graph, [1], model.stages.length); // [true, true, false]
 * ```
 */
export function stagesNeededBy(graph: StageGraph, targets: readonly number[], stageCount: number): boolean[] {
  const seen = new Array<boolean>(stageCount).fill(false);
  const stack: number[] = [];
  for (const target of targets) {
    if (seen[target]) continue;
    seen[target] = true;
    stack.push(target);
  }
  while (stack.length > 0) {
    for (const dep of graph.dependencies[stack.pop()!]) {
      if (!seen[dep]) {
        seen[dep] = true;
        stack.push(dep);
      }
    }
  }
  return seen;
}

/** The longest chain of dependencies ending at `target`, first stage first (deepest dependency, first one on ties). */
function criticalPathTo(graph: StageGraph, level: readonly number[], target: number): number[] {
  const path: number[] = [];
  for (let at = target; at >= 0; ) {
    path.push(at);
    let best = -1;
    for (const d of graph.dependencies[at]) if (best < 0 || level[d] > level[best]) best = d;
    at = best;
  }
  return path.reverse();
}

/** The plan of a target that depends on no other stage (most files have one stage): it builds alone. */
function standalonePlan(stages: readonly Stage[], target: number): TargetPlan {
  const dead: number[] = [];
  for (const s of stages) if (s.index !== target) dead.push(s.index);
  return { target, needed: [target], dead, order: [target], levels: [[target]], criticalPath: [target], diagnostics: [] };
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
  if (graph.dependencies[stage.index].length === 0) return standalonePlan(stages, stage.index);
  const isNeeded = stagesNeededBy(graph, [stage.index], stages.length);
  const needed: number[] = [];
  const dead: number[] = [];
  for (const s of stages) (isNeeded[s.index] ? needed : dead).push(s.index);
  const level = levelsOf(graph, needed, stages.length);
  const levels: number[][] = [];
  const order: number[] = [];
  for (const i of needed) if (level[i] >= 0) (levels[level[i]] ??= []).push(i);
  for (const group of levels) order.push(...group);
  const criticalPath = level[stage.index] >= 0 ? criticalPathTo(graph, level, stage.index) : [];
  return { target: stage.index, needed, dead, order, levels, criticalPath, diagnostics: [] };
}

/**
 * The diagnostics of the plan of `target` ({@link TargetPlan.diagnostics}), without planning it.
 *
 * @example
 * ```ts
 * targetDiagnostics(ast, stages, "nope")[0]?.code; // "unknown-target"
 * ```
 */
export function targetDiagnostics(ast: Dockerfile, stages: readonly Stage[], target?: string | number): ModelDiagnostic[] {
  return findTarget(stages, target) === undefined ? [unknownTarget(ast, stages, target)] : [];
}
