/**
 * The layers of every stage: each RUN, COPY, ADD and WORKDIR (other than `/`) in build order, with
 * the working directory it runs in and its file effects; the chain of stages an image is built
 * FROM; and which stages end up in an image.
 *
 * @packageDocumentation
 */
import type { Instruction, OnbuildInstruction } from "../../ast/nodes.js";
import type { SemanticModel } from "../analyze.js";
import type { RunAnalysis } from "../runs.js";
import type { Stage } from "../stages.js";
import { copyAdds } from "./copy-effects.js";
import { absolutePath } from "./paths.js";
import { NO_EFFECTS, runEffects, type RunEffects } from "./run-effects.js";
import { RUN_SIZES } from "./size.js";
import type { Layer, StageFlow } from "./types.js";

/** The working directory after some instructions. */
interface Workdir {
  /** Absolute; undefined when unknown. */
  readonly path: string | undefined;
  /** False while it may be a base image's own WORKDIR. */
  readonly certain: boolean;
}

const NOT_TRIGGERED = new Set(["ONBUILD", "FROM", "MAINTAINER"]);

/**
 * The stages whose layers end up in an image: the FROM chains of the target and of every stage
 * nothing depends on and the target does not need (a final stage built with `--target`). A stage
 * only copied from (`COPY --from`, `RUN --mount from=`) keeps its layers out of the image.
 */
function shippedStages(model: SemanticModel): Set<number> {
  const { stages, graph, target } = model;
  const used = new Set(graph.dependencies.flat());
  const images = [...(target.target === undefined ? [] : [target.target]), ...target.dead.filter((i) => !used.has(i))];
  const shipped = new Set<number>();
  for (const image of images) {
    for (let at: number | undefined = image; at !== undefined && !shipped.has(at); ) {
      shipped.add(at);
      const base: Stage["base"] = stages[at].base;
      at = base.kind === "stage" ? base.index : undefined;
    }
  }
  return shipped;
}

/** Builds the layers of a list of instructions run in one stage. */
function layersOf(
  model: SemanticModel,
  stage: Stage,
  instructions: readonly { instruction: Instruction; onbuild: boolean }[],
  start: Workdir,
  runFor: (instruction: Instruction) => RunAnalysis | undefined,
): { layers: Layer[]; end: Workdir } {
  const layers: Layer[] = [];
  let workdir = start;
  const layer = (instruction: Layer["instruction"], onbuild: boolean, adds: RunEffects["adds"], effects: RunEffects, run?: RunAnalysis): Layer => {
    const { removes, modes, extracts, cleans } = effects;
    const line = instruction.loc.start.line;
    return run === undefined
      ? { stage: stage.index, onbuild, line, workdir: workdir.path, instruction, adds, removes, modes, extracts, cleans }
      : { stage: stage.index, onbuild, line, workdir: workdir.path, instruction, run, adds, removes, modes, extracts, cleans };
  };
  for (const { instruction, onbuild } of instructions) {
    if (instruction.type === "WORKDIR") {
      if (instruction.value === undefined) continue;
      const expansion = model.resolve(instruction.value, instruction);
      const path = absolutePath(expansion.value, workdir.path);
      const certain = expansion.unresolved.length === 0 && (expansion.value.startsWith("/") || workdir.certain);
      workdir = { path, certain };
      if (path === undefined || path === "/") continue;
      const add = { kind: "workdir", path, sources: [], directory: true, size: RUN_SIZES.workdir, confidence: certain ? "exact" : "heuristic", range: instruction.value.range } as const;
      layers.push(layer(instruction, onbuild, stage.windows ? [] : [add], NO_EFFECTS));
    } else if (instruction.type === "COPY" || instruction.type === "ADD") {
      const adds = stage.windows ? [] : copyAdds(model, instruction, workdir.path, workdir.certain);
      layers.push(layer(instruction, onbuild, adds, NO_EFFECTS));
    } else if (instruction.type === "RUN") {
      const run = runFor(instruction);
      const effects = run === undefined || stage.windows ? NO_EFFECTS : runEffects(run, workdir.path, workdir.certain);
      layers.push(layer(instruction, onbuild, effects.adds, effects, run));
    }
  }
  return { layers, end: workdir };
}

/**
 * A stage's flow. `chain` and `chainLayers` are built on first use: a long chain of stages would
 * otherwise copy its parent's lists once per stage (quadratic in the chain's length).
 */
class Flow implements StageFlow {
  #chain: readonly number[] | undefined;
  #chainLayers: readonly Layer[] | undefined;

  constructor(
    readonly stage: number,
    readonly parent: StageFlow | undefined,
    readonly layers: readonly Layer[],
    readonly onbuildLayers: readonly Layer[],
    readonly ships: boolean,
  ) {}

  get chain(): readonly number[] {
    return (this.#chain ??= [...(this.parent?.chain ?? []), this.stage]);
  }

  get chainLayers(): readonly Layer[] {
    return (this.#chainLayers ??= [...layersOfChain(this.parent), ...this.layers]);
  }
}

/**
 * The layers of `flow`'s chain in build order, walking parents without copying their lists.
 *
 * @example
 * ```ts
 * [...layersOfChain(flows[1])].map((l) => l.line); // [2, 4]
 * ```
 */
export function* layersOfChain(flow: StageFlow | undefined, ownLimit = Number.POSITIVE_INFINITY): Generator<Layer> {
  const path: StageFlow[] = [];
  for (let f = flow; f !== undefined; f = f.parent) path.push(f);
  for (let k = path.length - 1; k >= 0; k--) {
    const layers = path[k].layers;
    const limit = k === 0 ? Math.min(ownLimit, layers.length) : layers.length;
    for (let i = 0; i < limit; i++) yield layers[i];
  }
}

/**
 * The flow of every stage, by index: its layers, its chain's layers, its ONBUILD triggers as a
 * downstream build runs them, and whether it ships.
 *
 * @example
 * ```ts
 * const flows = stageFlows(analyze("FROM alpine AS base\nWORKDIR /app\nFROM base\nCOPY . .\n"));
 * flows[1].chain;                         // [0, 1]
 * flows[1].chainLayers.map((l) => l.line); // [2, 4]
 * flows[1].layers[0].adds[0].path;        // "/app"
 * ```
 */
export function stageFlows(model: SemanticModel): StageFlow[] {
  /** Each stage's RUN analyses by instruction (an inherited trigger is analysed once per stage that runs it). */
  const runsOfStage = model.stages.map(() => new Map<Instruction, RunAnalysis>());
  for (const run of model.runs) runsOfStage[run.stage].set(run.instruction, run);
  const shipped = shippedStages(model);
  const flows: StageFlow[] = [];
  const ends: Workdir[] = [];
  for (const stage of model.stages) {
    const parent = stage.base.kind === "stage" ? stage.base.index : undefined;
    const start: Workdir = parent !== undefined ? ends[parent] : { path: "/", certain: stage.base.kind === "scratch" };
    const instructions: { instruction: Instruction; onbuild: boolean }[] = [];
    for (const instruction of stage.triggers) instructions.push({ instruction, onbuild: true });
    for (const instruction of stage.instructions) instructions.push({ instruction, onbuild: false });
    const runs = runsOfStage[stage.index];
    const own = layersOf(model, stage, instructions, start, (run) => runs.get(run));
    const downstream: { instruction: Instruction; onbuild: boolean }[] = [];
    const parentOf = new Map<Instruction, OnbuildInstruction>();
    for (const onbuild of stage.instructions) {
      if (onbuild.type !== "ONBUILD" || onbuild.trigger === undefined || NOT_TRIGGERED.has(onbuild.trigger.type)) continue;
      downstream.push({ instruction: onbuild.trigger, onbuild: true });
      parentOf.set(onbuild.trigger, onbuild);
    }
    const pseudo = layersOf(model, stage, downstream, own.end, (run) => {
      const parent = parentOf.get(run);
      return parent === undefined ? undefined : model.triggerRunOf(parent);
    });
    const parentFlow = parent === undefined ? undefined : flows[parent];
    flows.push(new Flow(stage.index, parentFlow, own.layers, pseudo.layers, shipped.has(stage.index)));
    ends.push(own.end);
  }
  return flows;
}
