/**
 * The working directory through each stage chain: whether a WORKDIR was set before an instruction
 * (in its stage or a stage it is built FROM), and the absolute path when the Dockerfile alone
 * decides it.
 */
import type { Instruction, SingleValueInstruction } from "../../src/ast/nodes.js";
import { absolutePath } from "../../src/model/flow/index.js";
import type { SemanticModel } from "../../src/model/index.js";

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
  const expansion = model.resolve(word, workdir);
  if (expansion.error !== undefined || expansion.unresolved.length > 0 || windows) return { set: true, path: undefined, literal: false };
  const literal = word.map === undefined && expansion.value === word.value;
  const absolute = expansion.value.startsWith("/");
  return { set: true, path: absolutePath(expansion.value, state.path), literal: absolute ? literal : state.literal && literal };
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
  return model.derived(workdirStates, () => collectStates(model));
}

function collectStates(model: SemanticModel): Map<Instruction, WorkdirState> {
  const before = new Map<Instruction, WorkdirState>();
  const final: WorkdirState[] = [];
  for (const stage of model.stages) {
    let state: WorkdirState = stage.base.kind === "stage"
      ? (final[stage.base.index] ?? { set: false, path: undefined, literal: false })
      : { set: false, path: stage.base.kind === "scratch" ? "/" : undefined, literal: true };
    for (const instruction of [...stage.triggers, ...stage.instructions]) {
      if (!before.has(instruction)) before.set(instruction, state);
      if (instruction.type === "WORKDIR") state = step(model, state, instruction, stage.windows);
    }
    final[stage.index] = state;
  }
  return before;
}
