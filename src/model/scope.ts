/**
 * Variables and scopes as BuildKit has them (§11): what a variable is, where it comes from, and
 * the set of variables visible at one point, with the helpers that compute ARG values.
 *
 * @packageDocumentation
 */
import type { ArgDeclaration, Dockerfile, KeyValue } from "../ast/nodes.js";
import { diagnosticAt, type ModelDiagnostic } from "./diagnostics.js";
import { expandText, type Expansion } from "./expansion.js";

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
  return new MapScope(vars, closed);
}

/** What every scope shares: `get` and `isUnset` read `variable`. Plain objects, so cheap to make. */
abstract class ScopeBase implements Scope {
  constructor(readonly closed: boolean) {}

  abstract variable(name: string): Variable | undefined;

  abstract get variables(): readonly Variable[];

  get(name: string): string | undefined {
    return this.variable(name)?.value;
  }

  isUnset(name: string): boolean {
    return this.closed && this.variable(name) === undefined;
  }
}

/** A scope over a map of variables. */
class MapScope extends ScopeBase {
  readonly #vars: ReadonlyMap<string, Variable>;

  constructor(vars: ReadonlyMap<string, Variable>, closed: boolean) {
    super(closed);
    this.#vars = vars;
  }

  variable(name: string): Variable | undefined {
    return this.#vars.get(name);
  }

  get variables(): readonly Variable[] {
    return [...this.#vars.values()];
  }
}

/** The scope after the first `count` definitions of a {@link VariableLog}. */
class LogScope extends ScopeBase {
  readonly #log: VariableLog;
  readonly #count: number;

  constructor(log: VariableLog, count: number, closed: boolean) {
    super(closed);
    this.#log = log;
    this.#count = count;
  }

  variable(name: string): Variable | undefined {
    return this.#log.variableAt(name, this.#count);
  }

  get variables(): readonly Variable[] {
    return this.#log.variablesAt(this.#count);
  }
}

const EMPTY_CLOSED = scopeOf(new Map(), true);
const EMPTY_OPEN = scopeOf(new Map(), false);

/**
 * A scope with no variables: closed (nothing else can be set, as in a `scratch` stage) or open
 * (a base image may set any variable).
 *
 * @example
 * ```ts
 * emptyScope(true).isUnset("HOME");  // true
 * emptyScope(false).isUnset("HOME"); // false
 * ```
 */
export function emptyScope(closed: boolean): Scope {
  return closed ? EMPTY_CLOSED : EMPTY_OPEN;
}

/**
 * Where a redefined variable goes in {@link Scope.variables}: `last`, as BuildKit's env moves it,
 * or `kept` in the place of its first definition, as the global scope (a map) keeps it.
 *
 * @example
 * ```ts
 * const order: RedefinitionOrder = "kept";
 * ```
 */
export type RedefinitionOrder = "last" | "kept";

/**
 * The variables of a stage as its ARG and ENV instructions define them, one after another, on top
 * of the scope the stage starts from. A definition replaces an earlier one of the same name and
 * moves it last, as BuildKit's env does (or, with `kept` order, takes its place). {@link VariableLog.scope}
 * is the scope after the definitions so far: it shares the log instead of copying the variables,
 * so a stage with many ARG and ENV instructions costs time linear in its definitions.
 *
 * @example
 * ```ts
 * const log = new VariableLog(scopeOf(new Map(), true));
 * log.define({ name: "A", value: "1", kind: "env", definition: undefined, stage: 0 });
 * const before = log.scope();
 * log.define({ name: "A", value: "2", kind: "env", definition: undefined, stage: 0 });
 * [before.get("A"), log.scope().get("A"), log.current("A")?.value]; // ["1", "2", "2"]
 * ```
 */
export class VariableLog {
  private readonly defined: Variable[] = [];
  /** For each definition, the index of the previous definition of the same name, or -1. */
  private readonly previous: number[] = [];
  /** The index of the latest definition of each name (made on the first definition: most stages have none). */
  private latest: Map<string, number> | undefined;
  private snapshot: Scope;
  private snapshotCount = 0;

  /**
   * @param base - The scope before the first definition.
   * @param order - Where a redefined variable goes in the list of variables.
   */
  constructor(
    private readonly base: Scope,
    private readonly order: RedefinitionOrder = "last",
  ) {
    this.snapshot = base;
  }

  /** Defines a variable (replacing an earlier one of the same name). */
  define(variable: Variable): void {
    const latest = (this.latest ??= new Map());
    this.previous.push(latest.get(variable.name) ?? -1);
    latest.set(variable.name, this.defined.length);
    this.defined.push(variable);
  }

  /** The variable `name` as it is now, defined here or in the base scope. */
  current(name: string): Variable | undefined {
    return this.variableAt(name, this.defined.length);
  }

  /** The scope after the definitions so far (the same object until the next definition). */
  scope(): Scope {
    const count = this.defined.length;
    if (count !== this.snapshotCount) {
      this.snapshot = new LogScope(this, count, this.base.closed);
      this.snapshotCount = count;
    }
    return this.snapshot;
  }

  /** The index of the latest of the first `count` definitions of `name`, or -1. */
  private indexAt(name: string, count: number): number {
    let i = this.latest?.get(name) ?? -1;
    while (i >= count) i = this.previous[i];
    return i;
  }

  /** The variable `name` after the first `count` definitions, defined here or in the base scope. */
  variableAt(name: string, count: number): Variable | undefined {
    const i = this.indexAt(name, count);
    return i >= 0 ? this.defined[i] : this.base.variable(name);
  }

  /**
   * The variables after the first `count` definitions, in definition order: the base's variables
   * not redefined, then the latest definition of each name (in `kept` order: the base's variables,
   * each as last defined, then the names the log adds, in the order of their first definition).
   */
  variablesAt(count: number): Variable[] {
    if (this.order === "kept") {
      const variables = this.base.variables.map((v) => this.variableAt(v.name, count)!);
      for (let i = 0; i < count; i++) {
        const name = this.defined[i].name;
        if (this.previous[i] < 0 && this.base.variable(name) === undefined) variables.push(this.defined[this.indexAt(name, count)]);
      }
      return variables;
    }
    const variables = this.base.variables.filter((v) => this.indexAt(v.name, count) < 0);
    for (let i = 0; i < count; i++) if (this.indexAt(this.defined[i].name, count) === i) variables.push(this.defined[i]);
    return variables;
  }
}

/**
 * The `--build-arg` value of `name` in the options, if one is given.
 *
 * @example
 * ```ts
 * buildArg({ buildArgs: { V: "1" } }, "V"); // "1"
 * buildArg({}, "V");                        // undefined
 * ```
 */
export function buildArg(options: ScopeOptions, name: string): string | undefined {
  const args = options.buildArgs;
  return args !== undefined && Object.hasOwn(args, name) ? args[name] : undefined;
}

/**
 * A known value from an expansion, or undefined when it failed (reported on `node`) or depends on
 * unknown variables.
 *
 * @example
 * ```ts
 * knownValue(expandText("$A-1", new Map([["A", "x"]]), "\\", "word"), pair.value, diagnostics); // "x-1"
 * ```
 */
export function knownValue(expansion: Expansion, node: KeyValue["value"], diagnostics: ModelDiagnostic[]): string | undefined {
  if (expansion.error !== undefined) {
    diagnostics.push(diagnosticAt(node, "expansion-error", expansion.error));
    return undefined;
  }
  return expansion.unresolved.length === 0 ? expansion.value : undefined;
}

/**
 * The known value of an ARG declaration's default expanded against `scope`; undefined without a
 * default or when it depends on unknown variables.
 *
 * @example
 * ```ts
 * defaultValue(arg.declarations[0], scope, "\\", diagnostics); // "3.20" for ARG TAG=3.20
 * ```
 */
export function defaultValue(declaration: ArgDeclaration, scope: Scope, escape: Dockerfile["escapeChar"], diagnostics: ModelDiagnostic[]): string | undefined {
  const word = declaration.defaultValue;
  return word === undefined ? undefined : knownValue(expandText(word.value, scope, escape, "word"), word, diagnostics);
}
