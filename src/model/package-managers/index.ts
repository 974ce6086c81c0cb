/**
 * Package-manager operations in a RUN: which manager runs, what it does, with which packages and
 * options, and which caches it leaves. Each manager family is a table row (see `ManagerSpec`);
 * this module matches commands to rows and builds {@link PackageOperation}s.
 *
 * @packageDocumentation
 */
import type { ShellWord, SimpleCommand } from "../shell-types.js";
import { apk } from "./apk.js";
import { apt } from "./apt.js";
import { cachesWritten, NOTHING_WRITTEN } from "./caches.js";
import { cargo } from "./cargo.js";
import {
  assignmentIn,
  commandCalls,
  parseArguments,
  resolveWord,
  type CommandCall,
  type Invocation,
  type ParsedOption,
  unquotedText,
  type VariableLookup,
} from "./command-line.js";
import { composer } from "./composer.js";
import { gem } from "./gem.js";
import { go } from "./go.js";
import { npm, pnpm, yarn } from "./node.js";
import { extended, isPinningVersion } from "./package-words.js";
import { pip } from "./pip.js";
import { dnf, microdnf, yum } from "./rpm.js";
import type {
  CacheUse,
  ManagerSpec,
  OperationDraft,
  PackageManagerEnv,
  PackageOperation,
  PackageOperationKind,
  PackageParts,
  PackageSpec,
  SubcommandSpec,
} from "./types.js";
import { zypper } from "./zypper.js";

export type * from "./types.js";
export { PACKAGE_CACHES, cacheLeftBehind, type CacheLeftBehind, type PackageCache, type RunMount } from "./caches.js";

/** Every manager dockerlint understands, one table row each. */
export const MANAGERS: readonly ManagerSpec[] = [
  apt, apk, yum, dnf, microdnf, zypper, pip, npm, yarn, pnpm, gem, composer, go, cargo,
];

/**
 * Any program some row runs, or runs as a module: one test that turns away the commands that are
 * no package manager at all (`echo`, `cd`, `mkdir`, …) before any of their arguments is read.
 */
const ANY_MANAGER_PROGRAM = new RegExp(
  // The leading `^` outside the alternatives makes the regex try the start of the name only.
  `^(?:${MANAGERS.flatMap((spec) => [spec.programs, ...(spec.moduleRunner === undefined ? [] : [spec.moduleRunner.runner])])
    .map((program) => `(?:${program.source})`)
    .join("|")})`,
);

/** The manager row a call runs and the arguments it reads (after `-m pip` for module runners). */
function matchManager(call: Invocation): { spec: ManagerSpec; args: readonly ShellWord[] } | undefined {
  for (const spec of MANAGERS) {
    if (spec.programs.test(call.program)) return { spec, args: call.args };
    if (spec.moduleRunner?.runner.test(call.program) !== true) continue;
    for (let i = 0; i < call.args.length; i++) {
      const arg = call.args[i].value;
      if (arg === undefined || !arg.startsWith("-")) break;
      const module = arg === "-m" ? call.args[i + 1]?.value : arg.startsWith("-m") ? arg.slice(2) : undefined;
      if (module !== undefined && spec.moduleRunner.modules.includes(module)) {
        return { spec, args: call.args.slice(i + (arg === "-m" ? 2 : 1)) };
      }
      if (module !== undefined) break;
    }
  }
  return undefined;
}

/** Each row's subcommands by their first word, in table order. */
const SUBCOMMANDS_BY_FIRST_WORD: ReadonlyMap<ManagerSpec, ReadonlyMap<string, readonly SubcommandSpec[]>> = new Map(
  MANAGERS.map((spec) => {
    const byFirst = new Map<string, SubcommandSpec[]>();
    for (const sub of spec.subcommands) {
      const list = byFirst.get(sub.words[0]);
      if (list === undefined) byFirst.set(sub.words[0], [sub]);
      else list.push(sub);
    }
    return [spec, byFirst];
  }),
);

/** Whether the positionals start with the literal words `words`. */
function startsWith(positionals: readonly ShellWord[], words: readonly string[]): boolean {
  for (let i = 0; i < words.length; i++) if (positionals[i]?.value !== words[i]) return false;
  return true;
}

/** The subcommand the leading positionals select (longest match), and the positionals after it. */
function matchSubcommand(
  spec: ManagerSpec,
  positionals: readonly ShellWord[],
): { kind: PackageOperationKind; subcommand: readonly string[]; rest: readonly ShellWord[] } {
  const first = positionals[0];
  if (first === undefined) return { kind: spec.bareKind ?? "other", subcommand: [], rest: positionals };
  const candidates = first.value === undefined ? undefined : SUBCOMMANDS_BY_FIRST_WORD.get(spec)?.get(first.value);
  let best: SubcommandSpec | undefined;
  if (candidates !== undefined) {
    for (const sub of candidates) {
      if ((best === undefined || sub.words.length > best.words.length) && startsWith(positionals, sub.words)) best = sub;
    }
  }
  if (best !== undefined) return { kind: best.kind, subcommand: best.words, rest: positionals.slice(best.words.length) };
  return { kind: "other", subcommand: [first.value ?? first.text], rest: positionals.slice(1) };
}

/**
 * Adds the packages a word names to `out`. Words with unknown expansions still give their name
 * when only the version is variable; a word that is an unquoted variable with a known value
 * (`$PACKAGES` from an ARG) is split into fields as the shell would. `option` is set for packages
 * named by an option's value (pip `-e`, cargo `--path`).
 */
function addPackages(
  out: PackageSpec[],
  spec: ManagerSpec,
  word: ShellWord,
  subcommand: readonly string[],
  vars: VariableLookup,
  option?: ParsedOption,
): void {
  const forceFile = option !== undefined;
  const attached = option !== undefined && option.valueWord === option.word ? option.value : undefined;
  const resolved = attached ?? resolveWord(word, vars);
  if (resolved === undefined) {
    const parts = spec.parsePackage(unquotedText(word), subcommand);
    if (/[$`]/.test(parts.name)) out.push({ name: word.text, word, pinned: false, isFile: forceFile, isVariable: true });
    else out.push(packageFrom(parts, word, forceFile));
    return;
  }
  // Parts do not say whether a parameter was quoted; a word with no quotes at all certainly was not.
  const splits = word.value === undefined && word.parts.some((p) => p.kind === "parameter") && !/["']/.test(word.text);
  if (!splits) out.push(namedPackage(spec, resolved, word, subcommand, forceFile));
  else for (const field of resolved.split(/\s+/)) if (field !== "") out.push(namedPackage(spec, field, word, subcommand, forceFile));
}

/** The package a literal field of `word` names. */
function namedPackage(spec: ManagerSpec, text: string, word: ShellWord, subcommand: readonly string[], forceFile: boolean): PackageSpec {
  return packageFrom(spec.parsePackage(text, subcommand), word, forceFile);
}

/** The package whose name and version `parts` give, read from `word`. */
function packageFrom(parts: PackageParts, word: ShellWord, forceFile: boolean): PackageSpec {
  const isFile = forceFile || parts.isFile;
  // Most words are a bare name (`{ name, isFile }`): built directly, keys as `extended` would order them.
  if (parts.version === undefined && parts.operator === undefined && parts.release === undefined) {
    return { name: parts.name, isFile, word, pinned: false, isVariable: false };
  }
  return extended(parts, { word, pinned: isPinningVersion(parts.version), isFile, isVariable: false });
}

/**
 * Variables exported earlier in the RUN (`export A=b`, `A=b; export A`); the maps are made when
 * first set. Bare assignments are read only when an `export` may need them.
 */
class ShellVariables {
  private shell: Map<string, string | undefined> | undefined;
  private exported: Map<string, string | undefined> | undefined;
  /** The commands before this index have been read for bare assignments. */
  private read = 0;

  constructor(private readonly commands: readonly SimpleCommand[]) {}

  /** Records an `export` (after the bare assignments before it). */
  export(call: CommandCall): void {
    for (; this.read < call.index; this.read++) {
      const command = this.commands[this.read];
      if (command.name !== undefined) continue;
      this.shell ??= new Map();
      for (const a of command.assignments) this.shell.set(a.name, a.value === undefined ? "" : a.value.value);
    }
    for (const arg of call.args) {
      const set = assignmentIn(arg);
      if (set !== undefined) (this.exported ??= new Map()).set(set.name, set.value);
      else if (arg.value !== undefined && this.shell?.has(arg.value) === true) {
        (this.exported ??= new Map()).set(arg.value, this.shell.get(arg.value));
      }
    }
  }

  /** The variables a call sees: its own assignments, then exports, then the image environment. */
  lookup(call: Invocation, env: PackageManagerEnv | undefined): VariableLookup {
    return new CallVariables(call.assignments, this.exported, env);
  }
}

/** What {@link ShellVariables.lookup} gives: a class, cheaper to make than an object with a closure. */
class CallVariables implements VariableLookup {
  constructor(
    private readonly assignments: ReadonlyMap<string, string | undefined>,
    private readonly exported: ReadonlyMap<string, string | undefined> | undefined,
    private readonly env: PackageManagerEnv | undefined,
  ) {}

  get(name: string): string | undefined {
    if (this.assignments.has(name)) return this.assignments.get(name);
    return this.exported?.has(name) === true ? this.exported.get(name) : this.env?.get(name);
  }
}

/** The operands of operations whose positionals are all packages. */
const NO_OPERANDS: readonly ShellWord[] = Object.freeze([]);

/** Builds the operation of one call to a manager. */
function operation(call: Invocation, spec: ManagerSpec, args: readonly ShellWord[], vars: VariableLookup): PackageOperation {
  const { options, positionals } = parseArguments(args, spec.options, spec.style);
  const { kind, subcommand, rest } = matchSubcommand(spec, positionals);
  const takesPackages = kind === "install" || kind === "upgrade" || kind === "remove";
  const packages: PackageSpec[] = [];
  if (takesPackages) for (const word of rest) addPackages(packages, spec, word, subcommand, vars);
  if (spec.packageOptions !== undefined) {
    for (const o of options) {
      if (o.valueWord !== undefined && spec.packageOptions.includes(o.name)) addPackages(packages, spec, o.valueWord, subcommand, vars, o);
    }
  }
  const operands = takesPackages ? NO_OPERANDS : rest;
  const draft: OperationDraft = { kind, subcommand, options, packages, operands, env: vars };
  const refined: OperationDraft = spec.refinePackages === undefined ? draft : { ...draft, packages: spec.refinePackages(draft) };
  const settings = spec.settings(refined);
  const op: { -readonly [K in keyof PackageOperation]: PackageOperation[K] } = {
    manager: spec.manager,
    kind,
    program: call.program,
    subcommand,
    packages: refined.packages,
    operands,
    options,
    command: call.command,
    wrappers: call.wrappers,
    assumeYes: settings.assumeYes,
    noInstallRecommends: settings.noInstallRecommends,
    noCache: settings.noCache,
    noDocs: settings.noDocs,
    caches: NOTHING_WRITTEN,
  };
  // The operation is the query its caches are found with: its `caches` key is in place, in order.
  op.caches = cachesWritten(op, refined);
  return settings.targetRelease === undefined ? op : withTargetRelease(op, settings.targetRelease);
}

/** `op` with `targetRelease` (rare: apt `-t`), before `caches` as `PackageOperation` orders its keys. */
function withTargetRelease(op: PackageOperation, targetRelease: string): PackageOperation {
  const { caches, ...rest } = op;
  return { ...rest, targetRelease, caches };
}

/**
 * The package-manager operations in a RUN's commands, in order. Commands are unwrapped from
 * `sudo`, `env`, `command` and `exec`; `python -m pip` counts as pip. Variables come from `env`
 * (ENV/ARG visible to the RUN), from `export`s earlier in the RUN and from assignments on the
 * command itself (`PIP_NO_CACHE_DIR=1 pip install …`). Never throws.
 *
 * @param calls The {@link commandCalls} of `commands`, when the caller has them already.
 * @example
 * ```ts
 * const [update, install] = packageOperations(shell.commands);
 * // RUN apt-get update && apt-get install -y --no-install-recommends curl=7.88.* ./local.deb
 * install.kind;                  // "install"
 * install.assumeYes;             // true
 * install.noInstallRecommends;   // true
 * install.packages.map((p) => [p.name, p.version, p.isFile]); // [["curl", "7.88.*", false], ["./local.deb", undefined, true]]
 * update.caches[0].path;         // "/var/lib/apt/lists"
 * ```
 */
export function packageOperations(
  commands: readonly SimpleCommand[],
  env?: PackageManagerEnv,
  calls: readonly CommandCall[] = commandCalls(commands),
): PackageOperation[] {
  const variables = new ShellVariables(commands);
  const result: PackageOperation[] = [];
  for (const call of calls) {
    if (call.program === "export") variables.export(call);
    // Most commands (echo, cd, mkdir, …) run no manager: nothing to build for them.
    else if (ANY_MANAGER_PROGRAM.test(call.program)) {
      const match = matchManager(call);
      if (match !== undefined) result.push(operation(call, match.spec, match.args, variables.lookup(call, env)));
    }
  }
  return result;
}
