/**
 * The stage dependency graph (§12): edges from `FROM <stage>`, `COPY --from`, `RUN --mount from=`
 * and the ONBUILD triggers a stage inherits, with BuildKit's lookup rules and errors, and cycle
 * detection.
 *
 * @packageDocumentation
 */
import type { CopyInstruction, Dockerfile, Flag, Instruction, RunInstruction, Word } from "../ast/nodes.js";
import { emptyEnv, needsLexing, processWord, type LexOptions } from "../expand/index.js";
import { diagnosticAt, type ModelDiagnostic } from "./diagnostics.js";
import type { Mount } from "./mounts.js";
import type { Stage } from "./stages.js";

/**
 * What creates a dependency: `FROM <stage>`, `COPY --from`, or `RUN --mount from=`.
 *
 * @example
 * ```ts
 * model.graph.edges.filter((e) => e.kind === "copy");
 * ```
 */
export type EdgeKind = "from" | "copy" | "mount";

/**
 * A dependency of a stage on another stage or on an image.
 *
 * @example
 * ```ts
 * analyze("FROM a AS x\nFROM b\nCOPY --from=X / /\n").graph.edges[0];
 * // { kind: "copy", stage: 1, target: 0, image: undefined, reference, instruction, onbuild: false, forward: false }
 * ```
 */
export interface StageEdge {
  /** What creates the dependency. */
  readonly kind: EdgeKind;
  /** The index of the stage that depends. */
  readonly stage: number;
  /** The index of the stage depended on; undefined when the reference is an image. */
  readonly target: number | undefined;
  /** For an image reference: the name as written. */
  readonly image: string | undefined;
  /** The word that names the dependency (the FROM image, the `--from` or `--mount` value). */
  readonly reference: Word;
  /** The FROM, COPY or RUN that creates it. */
  readonly instruction: Instruction;
  /** True when the instruction is an ONBUILD trigger inherited from the parent stage. */
  readonly onbuild: boolean;
  /** True when the target stage is not built yet at that point (BuildKit rejects the build). */
  readonly forward: boolean;
}

/**
 * The dependency graph of all stages.
 *
 * @example
 * ```ts
 * analyze("FROM a AS x\nFROM x\n").graph.dependencies; // [[], [0]]
 * ```
 */
export interface StageGraph {
  /** Every dependency, in stage order and source order within a stage (triggers first). */
  readonly edges: readonly StageEdge[];
  /** For each stage, the other stages it depends on directly (sorted, without duplicates). */
  readonly dependencies: readonly (readonly number[])[];
  /** Each cycle once, as the stage indices along it. */
  readonly cycles: readonly (readonly number[])[];
}

/**
 * The mounts of a RUN as it runs in a given stage.
 *
 * @example
 * ```ts
 * const mountsOf: MountsOf = (run, stage) => parseRunFlags(run, scopes[stage], "\\").mounts;
 * ```
 */
export type MountsOf = (run: RunInstruction, stage: number) => readonly Mount[];

/** Where edges go while the graph is built, with what they need to find stages. */
class EdgeSink {
  readonly edges: StageEdge[] = [];
  #byName: Map<string, Stage> | undefined;

  constructor(
    readonly stages: readonly Stage[],
    readonly diagnostics: ModelDiagnostic[],
    readonly escape: Dockerfile["escapeChar"],
  ) {}

  /** The last stage of a (lowercased) name: `COPY --from` and mounts look names up case-insensitively, last duplicate wins. */
  stageNamed(name: string): Stage | undefined {
    if (this.#byName === undefined) {
      // Made on the first lookup: most files have no `COPY --from` nor mount from a stage.
      this.#byName = new Map();
      for (const stage of this.stages) if (stage.name !== undefined) this.#byName.set(stage.name, stage);
    }
    return this.#byName.get(name);
  }
}

function copyEdge(sink: EdgeSink, stage: Stage, copy: CopyInstruction, flag: Flag, onbuild: boolean): void {
  const word = flag.value;
  if (word === undefined) return;
  const from = word.value;
  const options = sink.escape === "`" ? BACKTICK : BACKSLASH;
  const lexed = needsLexing(from, options) ? processWord(from, emptyEnv, options) : undefined;
  if (lexed !== undefined && (!lexed.ok || lexed.value !== from)) {
    sink.diagnostics.push(diagnosticAt(word, "from-expansion-not-supported",
      "variable expansion is not supported for --from, define a new stage with FROM using ARG from global scope as a workaround"));
  }
  let target: Stage | undefined;
  if (/^[+-]?\d+$/.test(from)) {
    const index = Number(from);
    target = sink.stages[index];
    if (target === undefined) {
      sink.diagnostics.push(diagnosticAt(word, "invalid-stage-index", `invalid stage index ${from}`));
      return;
    }
  } else target = sink.stageNamed(from.toLowerCase());
  const forward = target !== undefined && target.index >= stage.index;
  if (forward) {
    sink.diagnostics.push(diagnosticAt(word, "copy-from-forward-reference",
      `cannot copy from stage "${from}", it needs to be defined before current stage "${stage.id}"`));
  }
  sink.edges.push({ kind: "copy", stage: stage.index, reference: word, instruction: copy, onbuild, target: target?.index, image: target === undefined ? from : undefined, forward });
}

const BACKSLASH: LexOptions = { escapeToken: "\\" };
const BACKTICK: LexOptions = { escapeToken: "`" };

function mountEdges(sink: EdgeSink, stage: Stage, run: RunInstruction, mounts: readonly Mount[], onbuild: boolean): void {
  for (const mount of mounts) {
    if (mount.from === undefined || mount.flag.value === undefined) continue;
    const reference = mount.flag.value;
    const target = sink.stageNamed(mount.from.toLowerCase());
    const forward = target !== undefined && target.index >= stage.index;
    if (forward) {
      sink.diagnostics.push(diagnosticAt(reference, "mount-from-forward-reference",
        `cannot mount from stage "${mount.from}" to "${mount.target ?? ""}", stage needs to be defined before current command`));
    }
    sink.edges.push({ kind: "mount", stage: stage.index, reference, instruction: run, onbuild, target: target?.index, image: target === undefined ? mount.from : undefined, forward });
  }
}

function instructionEdges(sink: EdgeSink, stage: Stage, instruction: Instruction, mountsOf: MountsOf, onbuild: boolean): void {
  if (instruction.type === "COPY") {
    for (const flag of instruction.flags) if (flag.name.value === "from") copyEdge(sink, stage, instruction, flag, onbuild);
  } else if (instruction.type === "RUN") {
    mountEdges(sink, stage, instruction, mountsOf(instruction, stage.index), onbuild);
  }
}

/** For each stage, the stages its edges target, sorted and without duplicates. */
function dependenciesOf(stageCount: number, edges: readonly StageEdge[]): number[][] {
  const dependencies: number[][] = [];
  for (let i = 0; i < stageCount; i++) dependencies.push([]);
  // A stage naming itself is reported as a forward reference, not as a dependency (nor a cycle).
  for (const edge of edges) if (edge.target !== undefined && edge.target !== edge.stage) dependencies[edge.stage].push(edge.target);
  for (const deps of dependencies) {
    if (deps.length < 2) continue;
    deps.sort((a, b) => a - b);
    let kept = 1;
    for (let i = 1; i < deps.length; i++) if (deps[i] !== deps[kept - 1]) deps[kept++] = deps[i];
    deps.length = kept;
  }
  return dependencies;
}

/**
 * True when a stage depends on a later one. Without such a dependency there is no cycle: along a
 * cycle's edges the stage index cannot only decrease.
 */
function hasForwardDependency(dependencies: readonly (readonly number[])[]): boolean {
  // Each stage's dependencies are sorted: the last is the latest.
  for (let i = 0; i < dependencies.length; i++) if (dependencies[i].length > 0 && dependencies[i][dependencies[i].length - 1] > i) return true;
  return false;
}

/** Every cycle among the stages, found by depth-first search (each reported once). */
function findCycles(dependencies: readonly (readonly number[])[]): number[][] {
  const state = new Array<0 | 1 | 2>(dependencies.length).fill(0);
  const cycles: number[][] = [];
  const path: number[] = [];
  const visit = (node: number): void => {
    state[node] = 1;
    path.push(node);
    for (const dep of dependencies[node]) {
      if (state[dep] === 1) cycles.push(path.slice(path.indexOf(dep)));
      else if (state[dep] === 0) visit(dep);
    }
    path.pop();
    state[node] = 2;
  };
  for (let i = 0; i < dependencies.length; i++) if (state[i] === 0) visit(i);
  return cycles;
}

/**
 * Builds the dependency graph: `FROM <stage>` edges from each stage's base, `COPY --from` (never
 * expanded; an integer is an index, otherwise a case-insensitive match over all stage names, the last
 * duplicate winning; no match is an image), `RUN --mount from=` (case-insensitive names only), and
 * the same for the parent's ONBUILD triggers. Forward references and cycles become diagnostics.
 *
 * @example
 * ```ts
 * const graph = stageGraph(stages, (run, stage) => mounts(run, stage), "\\", diagnostics);
 * graph.dependencies[2]; // [0, 1]
 * ```
 */
export function stageGraph(
  stages: readonly Stage[],
  mountsOf: MountsOf,
  escape: Dockerfile["escapeChar"],
  diagnostics: ModelDiagnostic[],
): StageGraph {
  const sink = new EdgeSink(stages, diagnostics, escape);
  for (const stage of stages) {
    if (stage.base.kind === "stage" && stage.from.image !== undefined) {
      const reference = stage.from.args[0] ?? stage.from.image.path;
      sink.edges.push({ kind: "from", stage: stage.index, target: stage.base.index, image: undefined, reference, instruction: stage.from, onbuild: false, forward: false });
    }
    for (const trigger of stage.triggers) instructionEdges(sink, stage, trigger, mountsOf, true);
    for (const instruction of stage.instructions) instructionEdges(sink, stage, instruction, mountsOf, false);
  }
  const dependencies = dependenciesOf(stages.length, sink.edges);
  const cycles = hasForwardDependency(dependencies) ? findCycles(dependencies) : [];
  for (const cycle of cycles) {
    const stage = stages[cycle[0]];
    diagnostics.push(diagnosticAt(stage.nameWord ?? stage.from.keyword, "circular-dependency", `circular dependency detected on stage: ${stage.id}`));
  }
  return { edges: sink.edges, dependencies, cycles };
}
