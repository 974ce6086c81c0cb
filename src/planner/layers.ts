/**
 * The layer model: what each instruction adds to an image — filesystem layers and history
 * entries — under BuildKit and under the classic (legacy) builder. The facts and their sources are
 * in `docs/planner.md`.
 *
 * @packageDocumentation
 */
import type { Instruction, RunInstruction, SingleValueInstruction } from "../ast/nodes.js";
import type { Expansion, SemanticModel } from "../model/index.js";
import type { RunAnalysis } from "../model/runs.js";
import type { Stage } from "../model/stages.js";
import { invocation } from "../model/package-managers/command-line.js";
import { exact, type Span } from "./count.js";
import { posix } from "node:path";
import { fileFlow, type Layer } from "../model/flow/index.js";
import { hasGlobChars } from "../model/flow/paths.js";
import { KnownFolders, normalizeWorkdir, type Workdir } from "./paths.js";

/**
 * The builder whose image is modelled: BuildKit (`docker build` since Docker 23, `buildx`) or the
 * classic builder (`DOCKER_BUILDKIT=0`).
 *
 * @example
 * ```ts
 * const builder: Builder = "classic";
 * ```
 */
export type Builder = "buildkit" | "classic";

/**
 * What one instruction adds to the image of its stage.
 *
 * @example
 * ```ts
 * // RUN apt-get update → { line: 2, layers: { min: 1, max: 1 }, history: 1, onbuild: false }
 * ```
 */
export interface Step {
  /** The instruction (for an inherited ONBUILD trigger, the trigger inside the parent's ONBUILD). */
  readonly instruction: Instruction;
  /** The 1-based line where the instruction starts. */
  readonly line: number;
  /** True for an ONBUILD trigger inherited from the parent stage. */
  readonly onbuild: boolean;
  /** Filesystem layers it adds. */
  readonly layers: Span;
  /** `config.history` entries it adds. */
  readonly history: number;
  /** Why the layer count is a range, when it is one. */
  readonly note?: string;
}

/**
 * The state a stage's filesystem walk carries into its child stages.
 *
 * @example
 * ```ts
 * const start: FolderState = { workdir: "/", folders: new KnownFolders(true) }; // FROM scratch
 * ```
 */
export interface FolderState {
  /** The working directory; undefined when it comes from an unknown base image. */
  readonly workdir: string | undefined;
  /** Folders known to exist. */
  readonly folders: KnownFolders;
}

/** Instructions that only change the image config: one empty history entry each. */
const METADATA = new Set([
  "ENV", "LABEL", "ARG", "CMD", "ENTRYPOINT", "EXPOSE", "VOLUME", "USER", "HEALTHCHECK", "SHELL", "STOPSIGNAL", "MAINTAINER",
]);

/** Programs that write nothing to the filesystem (unless their output is redirected to a file). */
const READ_ONLY = new Set([
  "echo", "printf", "true", "false", ":", "test", "[", "ls", "cat", "grep", "which", "id", "whoami", "env",
  "printenv", "uname", "pwd", "exit", "type", "command", "head", "tail", "wc", "stat", "sleep", "date", "nproc",
]);

/** Redirection operators that write to their target. */
const WRITES = new Set([">", ">>", "&>", "&>>", ">|", "<>"]);

/**
 * True when a RUN certainly writes nothing: every command is a read-only program and no output goes
 * to a file. The classic builder commits no layer for such a RUN (its diff is empty).
 */
function looksReadOnly(run: RunAnalysis | undefined): boolean {
  if (run === undefined) return false;
  const command = run.instruction.command;
  if (command?.type === "ExecForm") {
    const program = command.elements[0]?.value.replace(/^.*\//, "");
    return program !== undefined && READ_ONLY.has(program);
  }
  const script = run.shellScript;
  if (script === undefined || script.commands.length === 0 || script.diagnostics.length > 0) return false;
  return script.commands.every((c) => {
    if (c.redirects.some((r) => WRITES.has(r.op) && r.target?.value !== "/dev/null")) return false;
    if (c.name === undefined) return c.assignments.length > 0 && c.redirects.length === 0;
    const call = invocation(c);
    return call !== undefined && call.wrappers.length === 0 && READ_ONLY.has(call.program);
  });
}

const ONE = exact(1);
const NONE = exact(0);
const MAYBE: Span = { min: 0, max: 1 };

/** What an instruction adds: the fields of a {@link Step} that depend on the instruction's kind. */
type Added = Pick<Step, "layers" | "history" | "note">;
const ONE_LAYER: Added = { layers: ONE, history: 1 };
const ONE_ENTRY: Added = { layers: NONE, history: 1 };
const NOTHING: Added = { layers: NONE, history: 0 };

/** Where a WORKDIR leads; with unknown variables only whether it is the root can be known. */
function workdirTarget(expansion: Expansion | undefined, cwd: string | undefined, windows: boolean): Workdir {
  if (expansion === undefined) return { path: undefined, root: undefined };
  const target = normalizeWorkdir(cwd, expansion.value === "" ? "." : expansion.value, windows);
  if (expansion.unresolved.length === 0 && expansion.error === undefined) return target;
  return { path: undefined, root: target.root === false ? false : undefined };
}

/** Walks one stage's instructions (inherited triggers first) and says what each adds. */
class StageWalker {
  private workdir: string | undefined;
  private readonly folders: KnownFolders;
  private readonly flowLayers: ReadonlyMap<Instruction, Layer>;

  constructor(
    private readonly model: SemanticModel,
    private readonly stage: Stage,
    private readonly builder: Builder,
    start: FolderState,
  ) {
    this.workdir = start.workdir;
    this.folders = start.folders;
    this.flowLayers = new Map((fileFlow(model).stages[stage.index]?.layers ?? []).map((l) => [l.instruction, l]));
  }

  step(instruction: Instruction, onbuild: boolean): Step {
    const type = instruction.type;
    if (type === "RUN" || type === "COPY" || type === "ADD") this.recordFolders(instruction);
    const added: Added =
      type === "RUN" ? this.run(instruction)
      : type === "COPY" || type === "ADD" ? ONE_LAYER
      : type === "WORKDIR" ? this.workdirStep(instruction)
      : type === "ONBUILD" ? (this.builder === "classic" ? ONE_ENTRY : NOTHING)
      : METADATA.has(type) ? ONE_ENTRY : NOTHING;
    const line = instruction.loc.start.line;
    const { layers, history, note } = added;
    return note === undefined ? { instruction, line, onbuild, layers, history } : { instruction, line, onbuild, layers, history, note };
  }

  get end(): FolderState {
    return { workdir: this.workdir, folders: this.folders };
  }

  /**
   * The folders the file-flow analysis sees the instruction's layer create. A COPY whose source may
   * be a file or a folder is only `heuristic` there, but its destination folder exists either way
   * once the working directory is known.
   */
  private recordFolders(instruction: Instruction): void {
    for (const added of this.flowLayers.get(instruction)?.adds ?? []) {
      const certain = added.confidence === "exact" || (added.kind === "copy" && this.workdir !== undefined);
      if (!certain || hasGlobChars(added.path)) continue;
      this.folders.add(added.directory ? added.path : posix.dirname(added.path));
    }
  }

  private run(instruction: RunInstruction): Added {
    const run = this.model.runOf(instruction);
    if (this.builder === "classic" && looksReadOnly(run)) {
      return { layers: MAYBE, history: 1, note: "the classic builder commits no layer when a RUN changes no file" };
    }
    return ONE_LAYER;
  }

  private workdirStep(instruction: SingleValueInstruction): Added {
    const word = instruction.value;
    const expansion = word === undefined ? undefined : this.model.resolve(word, instruction);
    const target = workdirTarget(expansion, this.workdir, this.stage.windows);
    const existed = target.path !== undefined && this.folders.has(target.path);
    this.workdir = target.path;
    if (target.path !== undefined) this.folders.add(target.path);
    if (this.builder === "buildkit") {
      if (target.root === undefined) return { layers: MAYBE, history: 1, note: "the folder depends on the base image's WORKDIR or an unknown variable" };
      return { layers: target.root ? NONE : ONE, history: 1 };
    }
    if (target.root === true || existed) return { layers: NONE, history: 1 };
    if (target.path !== undefined && this.folders.complete) return { layers: ONE, history: 1 };
    return { layers: MAYBE, history: 1, note: "the classic builder adds a layer only when WORKDIR creates the folder" };
  }
}

/**
 * The steps of one stage — its inherited ONBUILD triggers, then its own instructions — and the
 * folder state it leaves for child stages. The walk adds to `start.folders`: pass a clone to keep
 * the original.
 *
 * @example
 * ```ts
 * const model = analyze("FROM scratch\nCOPY a /a\nWORKDIR /\nENV A=1\n");
 * const { steps } = stageSteps(model, model.stages[0], "buildkit", { workdir: "/", folders: new KnownFolders(true) });
 * steps.map((s) => [s.line, s.layers.min, s.history]); // [[2, 1, 1], [3, 0, 1], [4, 0, 1]]
 * ```
 */
export function stageSteps(model: SemanticModel, stage: Stage, builder: Builder, start: FolderState): { steps: Step[]; end: FolderState } {
  const walker = new StageWalker(model, stage, builder, start);
  const steps: Step[] = [];
  for (const trigger of stage.triggers) steps.push(walker.step(trigger, true));
  for (const instruction of stage.instructions) steps.push(walker.step(instruction, false));
  return { steps, end: walker.end };
}
