/**
 * Variables as BuildKit has them (§11): the automatic platform ARGs, the global (meta) ARGs
 * before the first FROM, and each stage's build environment, where ARG and ENV write to the same
 * env, global ARGs stay invisible until redeclared, and `FROM <stage>` inherits everything.
 *
 * @packageDocumentation
 */
import type { ArgDeclaration, ArgInstruction, Dockerfile, Instruction, KeyValue } from "../ast/nodes.js";
import { diagnosticAt, type ModelDiagnostic } from "./diagnostics.js";
import { expandText, type Expansion } from "./expansion.js";
import { shellOf, type StageShell } from "./stage-shell.js";

/**
 * Build settings that decide variable values (all optional: without them, values are unknown).
 *
 * @example
 * ```ts
 * const options: ScopeOptions = { buildArgs: { NODE_VERSION: "22" }, platform: "linux/arm64" };
 * ```
 */
export interface ScopeOptions {
  /** `--build-arg` values: they replace ARG defaults (and the automatic platform ARGs) unexpanded. */
  readonly buildArgs?: Readonly<Record<string, string>>;
  /** The target platform, `os/arch[/variant]`: sets `TARGETPLATFORM`, `TARGETOS`, `TARGETARCH`, … */
  readonly platform?: string;
  /** The build platform, `os/arch[/variant]`: sets `BUILDPLATFORM`, `BUILDOS`, `BUILDARCH`, … */
  readonly buildPlatform?: string;
  /** The stage to build, by name or index; `TARGETSTAGE` is its name (`default` when not given). */
  readonly target?: string | number;
}

/**
 * Where a variable comes from: an automatic platform ARG, a global (meta) ARG, a stage ARG or an ENV.
 *
 * @example
 * ```ts
 * model.scopeAt(run).variable("PATH")?.kind; // "env"
 * ```
 */
export type VariableKind = "platform" | "global" | "arg" | "env";

/**
 * One variable of a scope.
 *
 * @example
 * ```ts
 * analyze("FROM a\nARG V\nRUN x\n").scopeAt(2).variable("V");
 * // { name: "V", value: undefined, kind: "arg", definition, stage: 0 }
 * ```
 */
export interface Variable {
  /** The name, as declared (for ENV, after expansion). */
  readonly name: string;
  /** The value; undefined when it is not known (an ARG without default or build-arg, or built from unknowns). */
  readonly value: string | undefined;
  /** Where it comes from. */
  readonly kind: VariableKind;
  /** The ARG declaration or ENV pair that set it; undefined for the automatic platform ARGs. */
  readonly definition: ArgDeclaration | KeyValue | undefined;
  /** The index of the stage that set it; undefined for global ones. */
  readonly stage: number | undefined;
}

/**
 * The variables visible at some point of the Dockerfile.
 *
 * @example
 * ```ts
 * const scope = analyze("FROM a\nENV A=1\nRUN x\n").scopeAt(2);
 * scope.get("A");                   // "1"
 * scope.variables.map((v) => v.name); // ["A"]
 * ```
 */
export interface Scope {
  /** The known value of `name`; undefined when it is unset or its value is unknown. */
  get(name: string): string | undefined;
  /** The variable `name`, known or not; undefined when it is not declared here. */
  variable(name: string): Variable | undefined;
  /**
   * True when `name` is certainly unset: it is not declared and nothing else can set it (the global
   * scope, or a stage that starts from `scratch`; a base image may set any variable).
   */
  isUnset(name: string): boolean;
  /** True when every variable is declared here: no base image adds unknown ones. */
  readonly closed: boolean;
  /** Every variable, in definition order. */
  readonly variables: readonly Variable[];
}

/**
 * The automatic platform ARGs BuildKit puts in the global scope.
 *
 * @example
 * ```ts
 * PLATFORM_ARGS.includes("TARGETARCH"); // true
 * ```
 */
export const PLATFORM_ARGS = [
  "BUILDPLATFORM", "BUILDOS", "BUILDOSVERSION", "BUILDARCH", "BUILDVARIANT",
  "TARGETPLATFORM", "TARGETOS", "TARGETOSVERSION", "TARGETARCH", "TARGETVARIANT", "TARGETSTAGE",
] as const;

/**
 * A scope over a map of variables.
 *
 * @example
 * ```ts
 * const scope = scopeOf(new Map([["A", { name: "A", value: "1", kind: "env", definition: undefined, stage: 0 }]]), true);
 * scope.get("A");     // "1"
 * scope.isUnset("B"); // true
 * ```
 */
export function scopeOf(vars: ReadonlyMap<string, Variable>, closed: boolean): Scope {
  return {
    get: (name) => vars.get(name)?.value,
    variable: (name) => vars.get(name),
    isUnset: (name) => closed && !vars.has(name),
    closed,
    get variables() {
      return [...vars.values()];
    },
  };
}

/** The values the automatic platform ARGs take from the options. */
function platformValues(options: ScopeOptions): Map<string, string | undefined> {
  const values = new Map<string, string | undefined>(PLATFORM_ARGS.map((name) => [name, undefined]));
  const setPlatform = (prefix: "BUILD" | "TARGET", platform: string | undefined): void => {
    if (platform === undefined) return;
    const [os = "", arch = "", variant = ""] = platform.split("/");
    values.set(`${prefix}PLATFORM`, platform).set(`${prefix}OS`, os).set(`${prefix}ARCH`, arch);
    values.set(`${prefix}VARIANT`, variant).set(`${prefix}OSVERSION`, "");
  };
  setPlatform("BUILD", options.buildPlatform);
  setPlatform("TARGET", options.platform);
  values.set("TARGETSTAGE", typeof options.target === "string" ? options.target : options.target === undefined ? "default" : undefined);
  return values;
}

/**
 * What {@link globalScope} returns.
 *
 * @example
 * ```ts
 * const { scope, before }: GlobalScope = globalScope(metaArgs, {}, "\\", []);
 * ```
 */
export interface GlobalScope {
  /** Platform ARGs and meta ARGs: the scope FROM lines expand against. */
  readonly scope: Scope;
  /** The scope each meta ARG instruction saw. */
  readonly before: ReadonlyMap<Instruction, Scope>;
}

/**
 * The global scope: the automatic platform ARGs, then the meta ARGs (the ARG instructions before
 * the first FROM) in order, each default expanded against the globals so far, each `--build-arg`
 * taking the place of the default unexpanded.
 *
 * @example
 * ```ts
 * const { ast } = parse("ARG TAG=3.20\nARG IMG=alpine:${TAG}\nFROM $IMG\n");
 * globalScope(ast.instructions.slice(0, 2) as ArgInstruction[], {}, "\\", []).scope.get("IMG"); // "alpine:3.20"
 * ```
 */
export function globalScope(
  metaArgs: readonly ArgInstruction[],
  options: ScopeOptions,
  escape: Dockerfile["escapeChar"],
  diagnostics: ModelDiagnostic[],
): GlobalScope {
  const vars = new Map<string, Variable>();
  for (const [name, value] of platformValues(options)) {
    vars.set(name, { name, value: buildArg(options, name) ?? value, kind: "platform", definition: undefined, stage: undefined });
  }
  const before = new Map<Instruction, Scope>();
  for (const instruction of metaArgs) {
    before.set(instruction, scopeOf(new Map(vars), true));
    for (const declaration of instruction.declarations) {
      const current = scopeOf(vars, true);
      const value = buildArg(options, declaration.name.value) ?? defaultValue(declaration, current, escape, diagnostics);
      vars.set(declaration.name.value, { name: declaration.name.value, value, kind: "global", definition: declaration, stage: undefined });
    }
  }
  return { scope: scopeOf(vars, true), before };
}

function buildArg(options: ScopeOptions, name: string): string | undefined {
  const args = options.buildArgs;
  return args !== undefined && Object.hasOwn(args, name) ? args[name] : undefined;
}

/** A known value from an expansion, or undefined when it failed or depends on unknowns. */
function knownValue(expansion: Expansion, node: KeyValue["value"], diagnostics: ModelDiagnostic[]): string | undefined {
  if (expansion.error !== undefined) {
    diagnostics.push(diagnosticAt(node, "expansion-error", expansion.error));
    return undefined;
  }
  return expansion.unresolved.length === 0 ? expansion.value : undefined;
}

function defaultValue(declaration: ArgDeclaration, scope: Scope, escape: Dockerfile["escapeChar"], diagnostics: ModelDiagnostic[]): string | undefined {
  const word = declaration.defaultValue;
  return word === undefined ? undefined : knownValue(expandText(word.value, scope, escape, "word"), word, diagnostics);
}

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
 * What {@link walkStage} returns.
 *
 * @example
 * ```ts
 * const { before, shells, final }: StageWalk = walkStage(input);
 * ```
 */
export interface StageWalk {
  /** The scope each instruction of the stage sees (the state before it runs). */
  readonly before: ReadonlyMap<Instruction, Scope>;
  /** The shell each instruction of the stage runs with. */
  readonly shells: ReadonlyMap<Instruction, StageShell>;
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
  const before = new Map<Instruction, Scope>();
  const shells = new Map<Instruction, StageShell>();
  let vars = new Map(input.start.scope.variables.map((v) => [v.name, v]));
  let scope = input.start.scope;
  const env = new Map(input.start.env);
  let shell = input.start.shell;
  for (const instruction of input.instructions) {
    before.set(instruction, scope);
    shells.set(instruction, shell);
    if (instruction.type === "ENV") {
      vars = new Map(vars);
      for (const pair of instruction.pairs) {
        const key = expandText(pair.key.value, scope, escape, "word").value;
        const value = knownValue(expandText(pair.value.value, scope, escape, "word"), pair.value, diagnostics);
        vars.delete(key);
        vars.set(key, { name: key, value, kind: "env", definition: pair, stage: index });
        env.delete(key);
        env.set(key, value);
      }
      scope = scopeOf(vars, scope.closed);
    } else if (instruction.type === "ARG") {
      vars = new Map(vars);
      for (const declaration of instruction.declarations) {
        const name = declaration.name.value;
        const value = buildArg(options, name) ?? (declaration.defaultValue === undefined
          ? (globals.get(name) ?? vars.get(name)?.value)
          : defaultValue(declaration, scope, escape, diagnostics));
        vars.delete(name);
        vars.set(name, { name, value, kind: "arg", definition: declaration, stage: index });
      }
      scope = scopeOf(vars, scope.closed);
    } else if (instruction.type === "SHELL") {
      shell = shellOf(instruction) ?? shell;
    }
  }
  return { before, shells, final: { scope, env, shell } };
}
