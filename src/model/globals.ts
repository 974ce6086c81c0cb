/**
 * The global scope (§11): the automatic platform ARGs and the meta ARGs before the first FROM,
 * which FROM lines expand against and `ARG NAME` in a stage imports from.
 *
 * @packageDocumentation
 */
import type { ArgInstruction, Dockerfile, Instruction } from "../ast/nodes.js";
import type { ModelDiagnostic } from "./diagnostics.js";
import { buildArg, defaultValue, scopeOf, VariableLog, type Scope, type ScopeOptions, type Variable } from "./scope.js";

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
  const platform = usesDefaults(options) ? DEFAULT_PLATFORM : platformVariables(options);
  if (metaArgs.length === 0) return { scope: platform === DEFAULT_PLATFORM ? DEFAULT_SCOPE : scopeOf(platform, true), before: NO_META_ARGS };
  const before = new Map<Instruction, Scope>();
  return { scope: declareMetaArgs(platform, metaArgs, options, escape, diagnostics, before), before };
}

/**
 * The global scope on top of platform ARGs computed once ({@link platformVariables}), for a
 * caller that asks with the same options on every file and needs neither the scope each meta ARG
 * saw nor the diagnostics.
 *
 * @example
 * ```ts
 * const platform = platformVariables({ platform: "linux/amd64" });
 * metaArgScope(metaArgs, platform, { platform: "linux/amd64" }, "\\").get("TARGETARCH"); // "amd64"
 * ```
 */
export function metaArgScope(
  metaArgs: readonly ArgInstruction[],
  platform: ReadonlyMap<string, Variable>,
  options: ScopeOptions,
  escape: Dockerfile["escapeChar"],
): Scope {
  return metaArgs.length === 0 ? scopeOf(platform, true) : declareMetaArgs(platform, metaArgs, options, escape, [], undefined);
}

/** The platform ARGs, then the meta ARGs in order; `before` gets the scope each meta ARG instruction saw. */
function declareMetaArgs(
  platform: ReadonlyMap<string, Variable>,
  metaArgs: readonly ArgInstruction[],
  options: ScopeOptions,
  escape: Dockerfile["escapeChar"],
  diagnostics: ModelDiagnostic[],
  before: Map<Instruction, Scope> | undefined,
): Scope {
  const log = new VariableLog(platform === DEFAULT_PLATFORM ? DEFAULT_SCOPE : scopeOf(platform, true), "kept");
  for (const instruction of metaArgs) {
    before?.set(instruction, log.scope());
    for (const declaration of instruction.declarations) {
      // Each default sees the globals declared so far.
      const value = buildArg(options, declaration.name.value) ?? defaultValue(declaration, log.scope(), escape, diagnostics);
      log.define({ name: declaration.name.value, value, kind: "global", definition: declaration, stage: undefined });
    }
  }
  return log.scope();
}

/**
 * The automatic platform ARGs with their values from the options (a `--build-arg` replaces one).
 *
 * @example
 * ```ts
 * platformVariables({ platform: "linux/arm64" }).get("TARGETARCH")?.value; // "arm64"
 * ```
 */
export function platformVariables(options: ScopeOptions): Map<string, Variable> {
  const vars = new Map<string, Variable>();
  for (const [name, value] of platformValues(options)) {
    vars.set(name, { name, value: buildArg(options, name) ?? value, kind: "platform", definition: undefined, stage: undefined });
  }
  return vars;
}

/** True when the options set nothing that changes the platform ARGs. */
function usesDefaults(options: ScopeOptions): boolean {
  return options.buildArgs === undefined && options.platform === undefined && options.buildPlatform === undefined && options.target === undefined;
}

/** The platform ARGs without options, shared by every analysis that has none (nothing writes to them). */
const DEFAULT_PLATFORM: ReadonlyMap<string, Variable> = platformVariables({});
const DEFAULT_SCOPE = scopeOf(DEFAULT_PLATFORM, true);
const NO_META_ARGS: ReadonlyMap<Instruction, Scope> = new Map();
