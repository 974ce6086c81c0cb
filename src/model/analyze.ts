/**
 * `analyze()`: the semantic model of a Dockerfile — stages and their graph, the target's build
 * plan, variables as BuildKit sees them at every instruction, and what every RUN does.
 *
 * @packageDocumentation
 */
import type { ArgInstruction, Dockerfile, Instruction, OnbuildInstruction, ParseDiagnostic, ParseResult, RunInstruction, Word } from "../ast/nodes.js";
import { parse } from "../parse.js";
import type { ModelDiagnostic } from "./diagnostics.js";
import type { Mount } from "./mounts.js";
import { expandText, expansionSite, literal, type Expansion } from "./expansion.js";
import { stageGraph, type StageGraph } from "./graph.js";
import { analyzeRun, type RunAnalysis } from "./runs.js";
import { emptyScope, type Scope, type ScopeOptions } from "./scope.js";
import type { StageShell } from "./stage-shell.js";
import { buildStages, type Stage, type StageSet } from "./stages.js";
import { planTarget, targetDiagnostics, type TargetPlan } from "./target.js";

/**
 * Options of {@link analyze}: build args, platforms and the target stage.
 *
 * @example
 * ```ts
 * const options: AnalyzeOptions = { buildArgs: { VERSION: "1.2" }, platform: "linux/amd64", target: "app" };
 * ```
 */
export interface AnalyzeOptions extends ScopeOptions {}

/**
 * An instruction, or its index in `ast.instructions`.
 *
 * @example
 * ```ts
 * model.scopeAt(3);                        // by index
 * model.scopeAt(model.ast.instructions[3]); // the same, by node
 * ```
 */
export type InstructionRef = Instruction | number;

/**
 * What {@link analyze} returns.
 *
 * @example
 * ```ts
 * const model: SemanticModel = analyze("FROM alpine AS a\nFROM a\n");
 * model.stageOf(1)?.id; // "stage-1"
 * ```
 */
export interface SemanticModel {
  /** The syntax tree the model was built from. */
  readonly ast: Dockerfile;
  /** The parser's diagnostics (empty when a bare AST was given). */
  readonly parseDiagnostics: readonly ParseDiagnostic[];
  /** The ARG instructions before the first FROM. */
  readonly metaArgs: readonly ArgInstruction[];
  /** The global scope FROM lines expand against: platform ARGs and meta ARGs. */
  readonly globals: Scope;
  /** One stage per FROM, in file order. */
  readonly stages: readonly Stage[];
  /** Dependencies between stages (and on images) with their cycles. */
  readonly graph: StageGraph;
  /** The build plan of the target (the options' target, or the last stage). */
  readonly target: TargetPlan;
  /** Every RUN of every stage, in stage order; inherited ONBUILD RUN triggers come first in their stage. */
  readonly runs: readonly RunAnalysis[];
  /** Problems BuildKit would report when building, sorted by position. */
  readonly diagnostics: readonly ModelDiagnostic[];
  /** The stage an instruction belongs to. */
  stageOf(at: InstructionRef): Stage | undefined;
  /** The variables visible to an instruction (before it runs). FROM lines see the global scope. */
  scopeAt(at: InstructionRef): Scope;
  /** The shell an instruction of a stage would run shell-form commands with. */
  shellAt(at: InstructionRef): StageShell | undefined;
  /** A word of `at` expanded as BuildKit expands it there, or as written where BuildKit does not expand. */
  resolve(word: Word, at: InstructionRef): Expansion;
  /** The build plan of another target (a stage name or index). */
  plan(target?: string | number): TargetPlan;
  /** The analysis of a RUN instruction (for a trigger inherited by several stages, the first). */
  runOf(run: RunInstruction): RunAnalysis | undefined;
  /**
   * The RUN trigger of an ONBUILD instruction analysed where it is declared (the scope and shell
   * at the ONBUILD line), as a downstream build would run it; undefined for other triggers.
   */
  triggerRunOf(onbuild: OnbuildInstruction): RunAnalysis | undefined;
  /**
   * A value derived from this model, computed on first request and kept with the model: analyses
   * built on the model (the file flow, rule helpers) share their results through it. `key`
   * identifies the analysis (its function, say); `compute` receives this model, so a module-level
   * function serves without a closure per call. The value lives and dies with the model; module
   * caches keyed by per-file objects would not (a weak map keeps its values through every minor
   * garbage collection, so each file's analyses would be promoted to the old generation).
   *
   * @example
   * ```ts
   * const flow = model.derived(fileFlow, computeFlow); // computeFlow(model) once; the same object on every call
   * ```
   */
  derived<T>(key: object, compute: (model: SemanticModel) => T): T;
}

function toParseResult(input: string | Dockerfile | ParseResult): ParseResult {
  if (typeof input === "string") return parse(input);
  return "ast" in input ? input : { ast: input, diagnostics: [] };
}

/** Drops repeated diagnostics (the same trigger checked in several stages) and sorts by position. */
function tidy(diagnostics: ModelDiagnostic[]): ModelDiagnostic[] {
  if (diagnostics.length < 2) return diagnostics;
  const seen = new Set<string>();
  return diagnostics
    .filter((d) => {
      const key = `${d.code}\0${d.range[0]}\0${d.range[1]}\0${d.message}`;
      if (seen.has(key)) return false;
      seen.add(key);
      return true;
    })
    .sort((a, b) => a.range[0] - b.range[0] || a.range[1] - b.range[1]);
}

const NO_SCOPE = emptyScope(false);

/**
 * The RUN analyses of a file, each made on first use: the graph and the diagnostics need only the
 * RUNs that have flags, and the full list (every RUN of every stage, inherited ONBUILD triggers
 * first) is made when someone reads it.
 */
class RunTable {
  /** The analyses made so far, per stage by step (a trigger inherited by several stages has one per stage). */
  private readonly byStage: (RunAnalysis | undefined)[][] = [];
  private list: RunAnalysis[] | undefined;

  constructor(
    private readonly set: StageSet,
    private readonly escape: Dockerfile["escapeChar"],
  ) {}

  /** Every RUN as it runs in each stage, in model order. */
  all(): RunAnalysis[] {
    if (this.list === undefined) {
      const list: RunAnalysis[] = [];
      this.forEachRun((run, stage, step) => list.push(this.at(stage, run, step)));
      this.list = list;
    }
    return this.list;
  }

  /** The analysis of a RUN in the first stage that runs it. */
  first(run: RunInstruction): RunAnalysis | undefined {
    const stage = this.set.stageIndexOf(run);
    return stage === undefined ? undefined : this.at(stage, run, this.set.stepOf(run, stage));
  }

  /** The analysis of `run` in stage `stage`, which runs it at `step` (as its own instruction or an inherited trigger). */
  at(stage: number, run: RunInstruction, step: number): RunAnalysis {
    const walk = this.set.walks[stage];
    const made = (this.byStage[stage] ??= new Array<RunAnalysis | undefined>(walk.before.length));
    let analysis = made[step];
    if (analysis === undefined) {
      const onbuild = step < this.set.stages[stage].triggers.length;
      analysis = analyzeRun(run, { stage, onbuild, scope: walk.before[step], shell: walk.shells[step], escape: this.escape });
      made[step] = analysis;
    }
    return analysis;
  }

  /** Calls `visit` for every RUN of every stage in model order (each stage's triggers, then its instructions), with its step. */
  forEachRun(visit: (run: RunInstruction, stage: number, step: number) => void): void {
    for (const stage of this.set.stages) {
      const { triggers, instructions } = stage;
      for (let i = 0; i < triggers.length; i++) {
        const trigger = triggers[i];
        if (trigger.type === "RUN") visit(trigger, stage.index, i);
      }
      for (let i = 0; i < instructions.length; i++) {
        const instruction = instructions[i];
        if (instruction.type === "RUN") visit(instruction, stage.index, triggers.length + i);
      }
    }
  }
}

const NO_MOUNTS: readonly Mount[] = [];

/**
 * Builds the semantic model of a Dockerfile given as text, a parsed AST or a parse result.
 * Never throws: problems come back as {@link SemanticModel.diagnostics}. RUNs without flags are
 * analysed on first use of `runs` or `runOf`, and shell parsing of RUN commands happens on first
 * use of a run's `shellScript`, `packages`, `files` or `cachesLeftBehind`.
 *
 * @example
 * ```ts
 * const model = analyze("ARG TAG=3.20\nFROM alpine:${TAG} AS base\nRUN apk add curl\nFROM base\n", {
 *   platform: "linux/amd64",
 * });
 * model.stages[0].base;                                  // { kind: "image", name: "alpine:3.20", … }
 * model.stages[1].base;                                  // { kind: "stage", index: 0 }
 * model.target.order;                                    // [0, 1]
 * model.runs[0].packages[0].manager;                     // "apk"
 * model.scopeAt(model.ast.instructions[1]).get("TAG");   // "3.20" (FROM sees the globals)
 * ```
 */
export function analyze(input: string | Dockerfile | ParseResult, options: AnalyzeOptions = {}): SemanticModel {
  return new Model(toParseResult(input), options);
}

/**
 * The semantic model of one file. A class, so that `runs` can be a getter that makes the RUN
 * analyses on first read without making every model a slow object (object literals with getters
 * are); the methods are own arrow functions, so they can be passed around unbound.
 */
class Model implements SemanticModel {
  readonly ast: Dockerfile;
  readonly parseDiagnostics: readonly ParseDiagnostic[];
  readonly metaArgs: readonly ArgInstruction[];
  readonly globals: Scope;
  readonly stages: readonly Stage[];
  readonly graph: StageGraph;
  readonly diagnostics: readonly ModelDiagnostic[];
  readonly #set: StageSet;
  readonly #runs: RunTable;
  readonly #targetName: string | number | undefined;
  #target: TargetPlan | undefined;
  #triggerRuns: Map<OnbuildInstruction, RunAnalysis> | undefined;
  #derived: Map<object, unknown> | undefined;

  constructor({ ast, diagnostics: parseDiagnostics }: ParseResult, options: AnalyzeOptions) {
    const escape = ast.escapeChar;
    const diagnostics: ModelDiagnostic[] = [];
    const set = buildStages(ast, options, diagnostics);
    const runs = new RunTable(set, escape);
    // Only flags make diagnostics and mounts: RUNs without flags are analysed when the runs are read.
    runs.forEachRun((run, stage, step) => {
      if (run.flags.length > 0) diagnostics.push(...runs.at(stage, run, step).flags.diagnostics);
    });
    const graph = stageGraph(set.stages, (run, stage) => (run.flags.length > 0 ? runs.at(stage, run, set.stepOf(run, stage)).flags.mounts : NO_MOUNTS), escape, diagnostics);
    this.ast = ast;
    this.parseDiagnostics = parseDiagnostics;
    this.metaArgs = set.metaArgs;
    this.globals = set.globals.scope;
    this.stages = set.stages;
    this.graph = graph;
    this.#targetName = options.target;
    for (const d of targetDiagnostics(ast, set.stages, options.target)) diagnostics.push(d);
    this.diagnostics = tidy(diagnostics);
    this.#set = set;
    this.#runs = runs;
  }

  /** Planned on first read: most analyses never look past {@link TargetPlan.target}, which {@link diagnostics} do not need. */
  get target(): TargetPlan {
    return (this.#target ??= planTarget(this.ast, this.stages, this.graph, this.#targetName));
  }

  get runs(): readonly RunAnalysis[] {
    return this.#runs.all();
  }

  readonly stageOf = (at: InstructionRef): Stage | undefined => {
    const index = this.#stageIndex(this.#instructionOf(at));
    return index === undefined ? undefined : this.stages[index];
  };

  readonly scopeAt = (at: InstructionRef): Scope => this.#scopeOf(this.#instructionOf(at));

  readonly shellAt = (at: InstructionRef): StageShell | undefined => {
    const instruction = this.#instructionOf(at);
    const index = this.#stageIndex(instruction);
    return instruction === undefined || index === undefined ? undefined : this.#shellOf(instruction, index);
  };

  readonly resolve = (word: Word, at: InstructionRef): Expansion => {
    const instruction = this.#instructionOf(at);
    const site = instruction === undefined ? undefined : expansionSite(instruction, word);
    if (site === undefined) return literal(word.value);
    const scope = this.#placedScope(instruction!);
    if (scope === undefined && site.scope === "stage") return literal(word.value);
    return expandText(site.text ?? word.value, scope ?? NO_SCOPE, this.ast.escapeChar, site.mode);
  };

  readonly plan = (target?: string | number): TargetPlan => planTarget(this.ast, this.stages, this.graph, target);

  readonly runOf = (run: RunInstruction): RunAnalysis | undefined => this.#runs.first(run);

  readonly derived = <T>(key: object, compute: (model: SemanticModel) => T): T => {
    const derived = (this.#derived ??= new Map());
    const known = derived.get(key);
    if (known !== undefined || derived.has(key)) return known as T;
    const value = compute(this);
    derived.set(key, value);
    return value;
  };

  readonly triggerRunOf = (onbuild: OnbuildInstruction): RunAnalysis | undefined => {
    const trigger = onbuild.trigger;
    if (trigger?.type !== "RUN") return undefined;
    const triggerRuns = (this.#triggerRuns ??= new Map());
    let run = triggerRuns.get(onbuild);
    if (run === undefined) {
      const index = this.#stageIndex(onbuild);
      if (index === undefined) return undefined;
      const context = { stage: index, onbuild: true, scope: this.#scopeOf(onbuild), shell: this.#shellOf(onbuild, index), escape: this.ast.escapeChar };
      run = analyzeRun(trigger, context);
      triggerRuns.set(onbuild, run);
    }
    return run;
  };

  #instructionOf(at: InstructionRef): Instruction | undefined {
    return typeof at === "number" ? this.ast.instructions[at] : at;
  }

  #stageIndex(instruction: Instruction | undefined): number | undefined {
    return instruction === undefined ? undefined : this.#set.stageIndexOf(instruction);
  }

  /** The scope an instruction sees: FROM lines the globals, meta ARGs the globals so far. */
  #scopeOf(instruction: Instruction | undefined): Scope {
    return (instruction === undefined ? undefined : this.#placedScope(instruction)) ?? NO_SCOPE;
  }

  /** The scope of a FROM, an instruction of a stage or a meta ARG; undefined for any other instruction. */
  #placedScope(instruction: Instruction): Scope | undefined {
    if (instruction.type === "FROM") return this.#set.globals.scope;
    const index = this.#set.stageIndexOf(instruction);
    if (index !== undefined) {
      const step = this.#set.stepOf(instruction, index);
      return step < 0 ? NO_SCOPE : this.#set.walks[index].before[step];
    }
    return this.#set.globals.before.get(instruction);
  }

  /** The shell of an instruction of stage `index` (for its FROM, the stage's final shell). */
  #shellOf(instruction: Instruction, index: number): StageShell {
    const step = this.#set.stepOf(instruction, index);
    return step < 0 ? this.stages[index].shell : this.#set.walks[index].shells[step];
  }
}
