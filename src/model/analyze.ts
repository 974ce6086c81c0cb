/**
 * `analyze()`: the semantic model of a Dockerfile — stages and their graph, the target's build
 * plan, variables as BuildKit sees them at every instruction, and what every RUN does.
 *
 * @packageDocumentation
 */
import type { ArgInstruction, Dockerfile, Instruction, OnbuildInstruction, ParseDiagnostic, ParseResult, RunInstruction, Word } from "../ast/nodes.js";
import { parse } from "../parse.js";
import type { ModelDiagnostic } from "./diagnostics.js";
import { expandText, expansionSite, literal, type Expansion } from "./expansion.js";
import { stageGraph, type StageGraph } from "./graph.js";
import { analyzeRun, type RunAnalysis } from "./runs.js";
import { emptyScope, type Scope, type ScopeOptions } from "./scope.js";
import type { StageShell } from "./stage-shell.js";
import { buildStages, type Stage, type StageSet } from "./stages.js";
import { planTarget, type TargetPlan } from "./target.js";

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
}

function toParseResult(input: string | Dockerfile | ParseResult): ParseResult {
  if (typeof input === "string") return parse(input);
  return "ast" in input ? input : { ast: input, diagnostics: [] };
}

/** Drops repeated diagnostics (the same trigger checked in several stages) and sorts by position. */
function tidy(diagnostics: readonly ModelDiagnostic[]): ModelDiagnostic[] {
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

/** The RUN analyses of every stage, in model order, and by stage for lookups. */
interface StageRuns {
  readonly all: RunAnalysis[];
  /** The runs of each stage by instruction (a trigger inherited by several stages has one per stage). */
  readonly byStage: ReadonlyMap<RunInstruction, RunAnalysis>[];
  /** The first analysis of each RUN. */
  readonly first: ReadonlyMap<RunInstruction, RunAnalysis>;
}

const NO_RUNS: ReadonlyMap<RunInstruction, RunAnalysis> = new Map();

/** Analyses every RUN of every stage, its inherited ONBUILD triggers first. */
function analyzeRuns({ stages, walks }: StageSet, escape: Dockerfile["escapeChar"]): StageRuns {
  const all: RunAnalysis[] = [];
  const byStage: ReadonlyMap<RunInstruction, RunAnalysis>[] = [];
  const first = new Map<RunInstruction, RunAnalysis>();
  for (const stage of stages) {
    const walk = walks[stage.index];
    let own: Map<RunInstruction, RunAnalysis> | undefined;
    const add = (instruction: Instruction, onbuild: boolean): void => {
      if (instruction.type !== "RUN") return;
      const scope = walk.before.get(instruction)!;
      const run = analyzeRun(instruction, { stage: stage.index, onbuild, scope, shell: walk.shells.get(instruction)!, escape });
      all.push(run);
      (own ??= new Map()).set(instruction, run);
      if (!first.has(instruction)) first.set(instruction, run);
    };
    for (const trigger of stage.triggers) add(trigger, true);
    for (const instruction of stage.instructions) add(instruction, false);
    byStage.push(own ?? NO_RUNS);
  }
  return { all, byStage, first };
}

/**
 * Builds the semantic model of a Dockerfile given as text, a parsed AST or a parse result.
 * Never throws: problems come back as {@link SemanticModel.diagnostics}. Shell parsing of RUN
 * commands happens on first use of a run's `shellScript`, `packages`, `files` or `cachesLeftBehind`.
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
  const { ast, diagnostics: parseDiagnostics } = toParseResult(input);
  const escape = ast.escapeChar;
  const diagnostics: ModelDiagnostic[] = [];
  const set = buildStages(ast, options, diagnostics);
  const { stages, walks, globals } = set;
  const runs = analyzeRuns(set, escape);
  for (const run of runs.all) diagnostics.push(...run.flags.diagnostics);
  const graph = stageGraph(stages, (run, stage) => runs.byStage[stage].get(run)?.flags.mounts ?? [], escape, diagnostics);
  const plan = (target?: string | number): TargetPlan => planTarget(ast, stages, graph, target);
  const target = plan(options.target);

  const triggerRuns = new Map<OnbuildInstruction, RunAnalysis>();
  const instructionOf = (at: InstructionRef): Instruction | undefined => (typeof at === "number" ? ast.instructions[at] : at);
  const stageIndex = (instruction: Instruction | undefined): number | undefined =>
    instruction === undefined ? undefined : set.stageOf.get(instruction);
  const scopeOfInstruction = (instruction: Instruction | undefined): Scope => {
    if (instruction === undefined) return NO_SCOPE;
    if (instruction.type === "FROM") return globals.scope;
    const index = set.stageOf.get(instruction);
    if (index !== undefined) return walks[index].before.get(instruction) ?? NO_SCOPE;
    return globals.before.get(instruction) ?? NO_SCOPE;
  };

  return {
    ast,
    parseDiagnostics,
    metaArgs: set.metaArgs,
    globals: globals.scope,
    stages,
    graph,
    target,
    runs: runs.all,
    diagnostics: tidy([...diagnostics, ...target.diagnostics]),
    stageOf: (at) => {
      const index = stageIndex(instructionOf(at));
      return index === undefined ? undefined : stages[index];
    },
    scopeAt: (at) => scopeOfInstruction(instructionOf(at)),
    shellAt: (at) => {
      const instruction = instructionOf(at);
      const index = stageIndex(instruction);
      return instruction === undefined || index === undefined ? undefined : (walks[index].shells.get(instruction) ?? stages[index].shell);
    },
    resolve: (word, at) => {
      const instruction = instructionOf(at);
      const site = instruction === undefined ? undefined : expansionSite(instruction, word);
      if (site === undefined) return literal(word.value);
      if (site.scope === "stage" && stageIndex(instruction) === undefined && !globals.before.has(instruction!)) return literal(word.value);
      return expandText(site.text ?? word.value, scopeOfInstruction(instruction), escape, site.mode);
    },
    plan,
    runOf: (run) => runs.first.get(run),
    triggerRunOf: (onbuild) => {
      const trigger = onbuild.trigger;
      if (trigger?.type !== "RUN") return undefined;
      let run = triggerRuns.get(onbuild);
      if (run === undefined) {
        const index = stageIndex(onbuild);
        if (index === undefined) return undefined;
        const shell = walks[index].shells.get(onbuild) ?? stages[index].shell;
        run = analyzeRun(trigger, { stage: index, onbuild: true, scope: scopeOfInstruction(onbuild), shell, escape });
        triggerRuns.set(onbuild, run);
      }
      return run;
    },
  };
}
