/**
 * The layers of every stage: each RUN, COPY, ADD and WORKDIR (other than `/`) in build order, with
 * the working directory it runs in and its file effects; the chain of stages an image is built
 * FROM; and which stages end up in an image.
 *
 * @packageDocumentation
 */
import type { AddInstruction, CopyInstruction, Instruction, OnbuildInstruction, RunInstruction } from "../../ast/nodes.js";
import type { SemanticModel } from "../analyze.js";
import type { RunAnalysis } from "../runs.js";
import type { Stage } from "../stages.js";
import { copyAdds } from "./copy-effects.js";
import { absolutePath } from "./paths.js";
import { NO_EFFECTS, runEffects, type RunEffects } from "./run-effects.js";
import { RUN_SIZES } from "./size.js";
import type { AddedPath, Layer, StageFlow } from "./types.js";

/** The working directory after some instructions. */
interface Workdir {
  /** Absolute; undefined when unknown. */
  readonly path: string | undefined;
  /** False while it may be a base image's own WORKDIR. */
  readonly certain: boolean;
}

const NOT_TRIGGERED = new Set(["ONBUILD", "FROM", "MAINTAINER"]);

/** No layers (shared: most stages have no ONBUILD triggers). */
const NO_LAYERS: readonly Layer[] = [];
const NO_ONBUILDS: readonly OnbuildInstruction[] = [];

/**
 * The stages whose layers end up in an image: the FROM chains of the target and of every stage
 * nothing depends on and the target does not need (a final stage built with `--target`). A stage
 * only copied from (`COPY --from`, `RUN --mount from=`) keeps its layers out of the image.
 */
function shippedStages(model: SemanticModel): boolean[] {
  const { stages, graph, target } = model;
  const shipped = stages.map(() => false);
  const ship = (image: number): void => {
    for (let at: number | undefined = image; at !== undefined && !shipped[at]; ) {
      shipped[at] = true;
      const base: Stage["base"] = stages[at].base;
      at = base.kind === "stage" ? base.index : undefined;
    }
  };
  if (target.target !== undefined) ship(target.target);
  if (target.dead.length > 0) {
    const used = new Set<number>();
    for (const dependencies of graph.dependencies) for (const stage of dependencies) used.add(stage);
    for (const stage of target.dead) if (!used.has(stage)) ship(stage);
  }
  return shipped;
}

/**
 * The layers of one stage as its instructions run, in order, with the working directory each
 * runs in.
 */
class LayerList {
  readonly layers: Layer[] = [];

  constructor(
    private readonly model: SemanticModel,
    private readonly stage: Stage,
    /** The working directory after the instructions so far. */
    public workdir: Workdir,
  ) {}

  /** Adds the layer `instruction` makes, if any (`run`: its analysis when it is a RUN). */
  push(instruction: Instruction, onbuild: boolean, run: RunAnalysis | undefined): void {
    if (instruction.type === "WORKDIR") {
      if (instruction.value === undefined) return;
      const expansion = this.model.resolve(instruction.value, instruction);
      const path = absolutePath(expansion.value, this.workdir.path);
      const certain = expansion.unresolved.length === 0 && (expansion.value.startsWith("/") || this.workdir.certain);
      this.workdir = { path, certain };
      if (path === undefined || path === "/") return;
      const add = { kind: "workdir", path, sources: [], directory: true, size: RUN_SIZES.workdir, confidence: certain ? "exact" : "heuristic", range: instruction.value.range } as const;
      this.layers.push(this.#layer(instruction, onbuild, this.stage.windows ? [] : [add]));
    } else if (instruction.type === "COPY" || instruction.type === "ADD") {
      this.layers.push(new CopyLayer(this.model, this.stage, instruction, onbuild, this.workdir));
    } else if (instruction.type === "RUN") {
      if (run === undefined) this.layers.push(this.#layer(instruction, onbuild, NO_EFFECTS.adds));
      else this.layers.push(new RunLayer(this.stage, instruction, onbuild, this.workdir, run));
    }
  }

  #layer(instruction: Layer["instruction"], onbuild: boolean, adds: readonly AddedPath[]): Layer {
    const { removes, modes, extracts, cleans } = NO_EFFECTS;
    const stage = this.stage.index;
    const line = instruction.loc.start.line;
    const workdir = this.workdir.path;
    return { stage, onbuild, line, workdir, instruction, adds, removes, modes, extracts, cleans };
  }
}

/**
 * The layer of a RUN. What it adds is worked out on first read (see {@link runEffects}): the facts
 * ask only for the layers built before a removal, and for those that leave a cache.
 */
class RunLayer implements Layer {
  readonly stage: number;
  readonly line: number;
  readonly workdir: string | undefined;
  readonly removes: RunEffects["removes"];
  readonly modes: RunEffects["modes"];
  readonly extracts: RunEffects["extracts"];
  readonly cleans: RunEffects["cleans"];
  readonly #effects: RunEffects;

  constructor(stage: Stage, readonly instruction: RunInstruction, readonly onbuild: boolean, workdir: Workdir, readonly run: RunAnalysis) {
    this.stage = stage.index;
    this.line = instruction.loc.start.line;
    this.workdir = workdir.path;
    const effects = stage.windows ? NO_EFFECTS : runEffects(run, workdir.path, workdir.certain);
    this.removes = effects.removes;
    this.modes = effects.modes;
    this.extracts = effects.extracts;
    this.cleans = effects.cleans;
    this.#effects = effects;
  }

  get adds(): readonly AddedPath[] {
    return this.#effects.adds;
  }
}

/**
 * The layer of a COPY or ADD. What it adds is worked out on first read: most COPY layers are never
 * asked (the facts look only at layers built before a removal, a mode change or an extraction).
 */
class CopyLayer implements Layer {
  readonly stage: number;
  readonly line: number;
  readonly workdir: string | undefined;
  readonly removes = NO_EFFECTS.removes;
  readonly modes = NO_EFFECTS.modes;
  readonly extracts = NO_EFFECTS.extracts;
  readonly cleans = NO_EFFECTS.cleans;
  readonly #model: SemanticModel;
  readonly #windows: boolean;
  readonly #workdirCertain: boolean;
  #adds: readonly AddedPath[] | undefined;

  constructor(model: SemanticModel, stage: Stage, readonly instruction: CopyInstruction | AddInstruction, readonly onbuild: boolean, workdir: Workdir) {
    this.stage = stage.index;
    this.line = instruction.loc.start.line;
    this.workdir = workdir.path;
    this.#model = model;
    this.#windows = stage.windows;
    this.#workdirCertain = workdir.certain;
  }

  get adds(): readonly AddedPath[] {
    return (this.#adds ??= this.#windows ? [] : copyAdds(this.#model, this.instruction, this.workdir, this.#workdirCertain));
  }
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
    return (this.#chainLayers ??= layersOfChain(this));
  }
}

/** The layers of `flow`'s chain in build order, base first: every layer of the stages it is built FROM, then its own. */
function layersOfChain(flow: StageFlow): Layer[] {
  const out: Layer[] = [];
  const path: StageFlow[] = [];
  for (let f: StageFlow | undefined = flow; f !== undefined; f = f.parent) path.push(f);
  for (let k = path.length - 1; k >= 0; k--) for (const layer of path[k].layers) out.push(layer);
  return out;
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
  // The RUN analyses come in the order the stages run them (each stage's inherited triggers first).
  const runs = model.runs;
  let nextRun = 0;
  const runOf = (instruction: Instruction): RunAnalysis | undefined => {
    if (instruction.type !== "RUN") return undefined;
    const run = runs[nextRun];
    if (run === undefined || run.instruction !== instruction) return undefined;
    nextRun++;
    return run;
  };
  const shipped = shippedStages(model);
  const flows: StageFlow[] = [];
  const ends: Workdir[] = [];
  for (const stage of model.stages) {
    const parent = stage.base.kind === "stage" ? stage.base.index : undefined;
    const start: Workdir = parent !== undefined ? ends[parent] : { path: "/", certain: stage.base.kind === "scratch" };
    const own = new LayerList(model, stage, start);
    for (const instruction of stage.triggers) own.push(instruction, true, runOf(instruction));
    let onbuilds: OnbuildInstruction[] | undefined;
    for (const instruction of stage.instructions) {
      if (instruction.type === "ONBUILD") (onbuilds ??= []).push(instruction);
      else own.push(instruction, false, runOf(instruction));
    }
    let downstream: LayerList | undefined;
    for (const onbuild of onbuilds ?? NO_ONBUILDS) {
      if (onbuild.trigger === undefined || NOT_TRIGGERED.has(onbuild.trigger.type)) continue;
      downstream ??= new LayerList(model, stage, own.workdir);
      downstream.push(onbuild.trigger, true, onbuild.trigger.type === "RUN" ? model.triggerRunOf(onbuild) : undefined);
    }
    const parentFlow = parent === undefined ? undefined : flows[parent];
    flows.push(new Flow(stage.index, parentFlow, own.layers, downstream?.layers ?? NO_LAYERS, shipped[stage.index]));
    ends.push(own.workdir);
  }
  return flows;
}
