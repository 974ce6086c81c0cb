/**
 * The working directory through each stage chain: whether a WORKDIR was set before an instruction
 * (in its stage or a stage it is built FROM), and the absolute path when the Dockerfile alone
 * decides it.
 */
import type { Instruction, SingleValueInstruction } from "../../src/ast/nodes.js";
import { absolutePath } from "../../src/model/flow/index.js";
import type { SemanticModel } from "../../src/model/index.js";
import { knownValue } from "./variables.js";

/**
 * The working directory before an instruction.
 *
 * @example
 * ```ts
 * const state: WorkdirState = { set: true, path: "/app", literal: true };
 * ```
 */
export interface WorkdirState {
  /** A WORKDIR came earlier in the stage chain. */
  readonly set: boolean;
  /** The absolute path, when known: from WORKDIRs whose values are known, or `/` on `scratch`. */
  readonly path: string | undefined;
  /** The path comes from WORKDIR words written without variables, quotes or escapes. */
  readonly literal: boolean;
}

/**
 * True for `/x`, `\x` and `C:\x`/`C:/x`.
 *
 * @example
 * ```ts
 * isAbsolutePath("C:\\app"); // true
 * ```
 */
export function isAbsolutePath(path: string): boolean {
  return /^[/\\]/.test(path) || /^[A-Za-z]:[/\\]/.test(path);
}

function step(model: SemanticModel, state: WorkdirState, workdir: SingleValueInstruction, windows: boolean): WorkdirState {
  const word = workdir.value;
  if (word === undefined) return state;
  const value = knownValue(model.resolve(word, workdir));
  if (value === undefined || windows) return { set: true, path: undefined, literal: false };
  const literal = word.map === undefined && value === word.value;
  const absolute = value.startsWith("/");
  return { set: true, path: absolutePath(value, state.path), literal: absolute ? literal : state.literal && literal };
}

/**
 * The working-directory state before every instruction of every stage (inherited ONBUILD triggers
 * included), following `FROM <stage>` chains.
 *
 * @example
 * ```ts
 * const before = workdirStates(analyze("FROM scratch\nWORKDIR /app\nCOPY a b\n"));
 * before.get(copy); // { set: true, path: "/app", literal: true }
 * ```
 */
export function workdirStates(model: SemanticModel): ReadonlyMap<Instruction, WorkdirState> {
  return model.derived(workdirStates, collectStates);
}

/** Before any WORKDIR, on an image or on `scratch` (where the working directory is `/`). */
const ON_IMAGE: WorkdirState = { set: false, path: undefined, literal: true };
const ON_SCRATCH: WorkdirState = { set: false, path: "/", literal: true };
const UNKNOWN: WorkdirState = { set: false, path: undefined, literal: false };

function collectStates(model: SemanticModel): Map<Instruction, WorkdirState> {
  const before = new Map<Instruction, WorkdirState>();
  const final: WorkdirState[] = [];
  for (const stage of model.stages) {
    let state = stage.base.kind === "stage" ? (final[stage.base.index] ?? UNKNOWN) : stage.base.kind === "scratch" ? ON_SCRATCH : ON_IMAGE;
    for (const instruction of stage.triggers) state = record(model, before, instruction, state, stage.windows);
    for (const instruction of stage.instructions) state = record(model, before, instruction, state, stage.windows);
    final[stage.index] = state;
  }
  return before;
}

/** Records the state before `instruction` (an inherited trigger keeps the first stage's) and returns the state after it. */
function record(model: SemanticModel, before: Map<Instruction, WorkdirState>, instruction: Instruction, state: WorkdirState, windows: boolean): WorkdirState {
  if (!before.has(instruction)) before.set(instruction, state);
  return instruction.type === "WORKDIR" ? step(model, state, instruction, windows) : state;
}
