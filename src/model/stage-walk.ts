/**
 * A stage's build environment, instruction by instruction: ARG and ENV write to the same env (the
 * later wins), global ARGs stay invisible until redeclared, SHELL changes the shell, and
 * `FROM <stage>` starts from the parent's final state.
 *
 * @packageDocumentation
 */
import type { Dockerfile, Instruction } from "../ast/nodes.js";
import type { ModelDiagnostic } from "./diagnostics.js";
import { expandText } from "./expansion.js";
import { buildArg, defaultValue, knownValue, VariableLog, type Scope, type ScopeOptions } from "./scope.js";
import { shellOf, type StageShell } from "./stage-shell.js";

/**
 * The state a stage starts from: its parent stage's final state, or nothing for an image base.
 *
 * @example
 * ```ts
 * const start: StageState = { scope: scopeOf(new Map(), true), env: new Map(), shell: POSIX_SHELL };
 * ```
 */
export interface StageState {
  /** Every ARG and ENV variable (the build environment). */
  readonly scope: Scope;
  /** ENV variables only, in definition order (the image config's `Env`). */
  readonly env: ReadonlyMap<string, string | undefined>;
  readonly shell: StageShell;
}

/**
 * What {@link walkStage} returns: the state before each instruction, in the order of the walk's
 * instructions (a stage's steps).
 *
 * @example
 * ```ts
 * const { before, shells, final }: StageWalk = walkStage(input);
 * before[0]; // the scope the first instruction sees
 * ```
 */
export interface StageWalk {
  /** The scope each instruction of the stage sees (the state before it runs), by step. */
  readonly before: readonly Scope[];
  /** The shell each instruction of the stage runs with, by step. */
  readonly shells: readonly StageShell[];
  /** The state after the last instruction. */
  readonly final: StageState;
}

/**
 * The inputs of {@link walkStage}.
 *
 * @example
 * ```ts
 * const input: StageWalkInput = { index: 0, instructions, start, globals, options: {}, escape: "\\", diagnostics: [] };
 * ```
 */
export interface StageWalkInput {
  /** The stage's index. */
  readonly index: number;
  /** The instructions in the order they run: inherited ONBUILD triggers first, then the stage's own. */
  readonly instructions: readonly Instruction[];
  /** The state before the first instruction. */
  readonly start: StageState;
  /** The global scope, which `ARG NAME` imports from. */
  readonly globals: Scope;
  /** Build args. */
  readonly options: ScopeOptions;
  /** The Dockerfile's escape character. */
  readonly escape: Dockerfile["escapeChar"];
  /** Where expansion errors go. */
  readonly diagnostics: ModelDiagnostic[];
}

/**
 * Runs a stage's ARG, ENV and SHELL instructions, recording the scope and shell every instruction
 * sees. `ARG NAME` takes a build arg, else the global value when it is known, else keeps the value
 * NAME already has (from an ENV or a parent stage), else NAME is declared but unknown. Every pair of one ENV or ARG instruction expands against the env before that instruction,
 * as BuildKit does (`ENV A=1 B=$A` sets B from the previous A).
 *
 * @example
 * ```ts
 * const walk = walkStage({ index: 0, instructions: stage.instructions, start, globals, options: {}, escape: "\\", diagnostics: [] });
 * walk.final.scope.get("VERSION");
 * ```
 */
export function walkStage(input: StageWalkInput): StageWalk {
  const { index, globals, options, escape, diagnostics } = input;
  const instructions = input.instructions;
  const before = new Array<Scope>(instructions.length);
  const shells = new Array<StageShell>(instructions.length);
  const vars = new VariableLog(input.start.scope);
  let scope = input.start.scope;
  // The parent's env until the stage's first ENV, then a copy of it.
  let env: Map<string, string | undefined> | undefined;
  let shell = input.start.shell;
  for (let step = 0; step < instructions.length; step++) {
    const instruction = instructions[step];
    before[step] = scope;
    shells[step] = shell;
    if (instruction.type === "ENV") {
      env ??= new Map(input.start.env);
      for (const pair of instruction.pairs) {
        const key = expandText(pair.key.value, scope, escape, "word").value;
        const value = knownValue(expandText(pair.value.value, scope, escape, "word"), pair.value, diagnostics);
        vars.define({ name: key, value, kind: "env", definition: pair, stage: index });
        env.delete(key);
        env.set(key, value);
      }
      scope = vars.scope();
    } else if (instruction.type === "ARG") {
      for (const declaration of instruction.declarations) {
        const name = declaration.name.value;
        const value = buildArg(options, name) ?? (declaration.defaultValue === undefined
          ? (globals.get(name) ?? vars.current(name)?.value)
          : defaultValue(declaration, scope, escape, diagnostics));
        vars.define({ name, value, kind: "arg", definition: declaration, stage: index });
      }
      scope = vars.scope();
    } else if (instruction.type === "SHELL") {
      shell = shellOf(instruction) ?? shell;
    }
  }
  return { before, shells, final: { scope, env: env ?? input.start.env, shell } };
}
