/**
 * What each RUN does, as the semantic model sees it: its flags and mounts, the shell and script it
 * runs, and (computed on first use) the parsed shell commands, package operations, file
 * operations and package caches left in the layer.
 *
 * @packageDocumentation
 */
import type { Dockerfile, RunInstruction } from "../ast/nodes.js";
import { fileOperations, type FileOperation } from "./file-operations.js";
import { cacheLeftBehind, packageOperations, type CacheLeftBehind, type PackageOperation } from "./package-managers/index.js";
import { parseRunFlags, type RunFlags } from "./run-flags.js";
import { runScript, type RunScript } from "./run-script.js";
import type { Scope } from "./scope.js";
import { commandCalls, type CommandCall } from "./package-managers/command-line.js";
import { parseShell, type ShellOptions, type ShellScript } from "./shell.js";
import type { StageShell } from "./stage-shell.js";

/**
 * One RUN of a stage, with lazily computed shell analysis.
 *
 * @example
 * ```ts
 * const [run] = analyze("FROM debian\nRUN apt-get update\n").runs;
 * run.shellScript?.commands[0].name?.text; // "apt-get"
 * run.calls[0].program;                     // "apt-get"
 * run.packages[0].kind;                     // "update"
 * ```
 */
export interface RunAnalysis {
  /** The RUN (for an inherited trigger, the trigger inside the parent's ONBUILD). */
  readonly instruction: RunInstruction;
  /** The index of the stage it runs in. */
  readonly stage: number;
  /** True when it is an ONBUILD trigger inherited from the parent stage. */
  readonly onbuild: boolean;
  /** The variables it sees (ENV and ARG). */
  readonly scope: Scope;
  /** The shell a shell-form command runs with. */
  readonly shell: StageShell;
  /** Mounts, network and security mode. */
  readonly flags: RunFlags;
  /** The script and how it runs. */
  readonly script: RunScript;
  /** The parsed POSIX shell script; undefined for exec form, PowerShell/cmd and non-shell `#!` interpreters. */
  readonly shellScript: ShellScript | undefined;
  /** The commands of {@link shellScript} whose program is a literal word, unwrapped from `sudo`, `env`, `command` and `exec`. */
  readonly calls: readonly RunCall[];
  /** Package-manager operations in {@link shellScript}, with the ENV/ARG values visible here. */
  readonly packages: readonly PackageOperation[];
  /** File operations (rm, curl/wget, tar, chmod, …) in {@link shellScript}. */
  readonly files: readonly FileOperation[];
  /** Package caches this RUN writes and leaves in the layer (not cleaned, not under a mount). */
  readonly cachesLeftBehind: readonly CacheLeftBehind[];
}

/** A command of a RUN as {@link RunAnalysis.calls} lists it: a {@link CommandCall}. */
export type RunCall = CommandCall;

/**
 * Inputs of {@link analyzeRun}.
 *
 * @example
 * ```ts
 * const context: RunContext = { stage: 0, onbuild: false, scope, shell: POSIX_SHELL, escape: "\\" };
 * ```
 */
export interface RunContext {
  /** The index of the stage the RUN runs in. */
  readonly stage: number;
  /** True for an ONBUILD trigger inherited from the parent stage. */
  readonly onbuild: boolean;
  /** The variables the RUN sees. */
  readonly scope: Scope;
  /** The shell in effect. */
  readonly shell: StageShell;
  /** The Dockerfile's escape character (for `--mount` values). */
  readonly escape: Dockerfile["escapeChar"];
}

/**
 * Analyses one RUN. Flags and the script are read at once; the shell parse and what depends on it
 * only when first read, and then once.
 *
 * @example
 * ```ts
 * const run = analyzeRun(instruction, { stage: 0, onbuild: false, scope, shell: POSIX_SHELL, escape: "\\" });
 * run.flags.mounts;                   // from --mount
 * run.packages.map((p) => p.manager); // ["apt", "apt"] for apt-get update && apt-get install …
 * ```
 */
export function analyzeRun(instruction: RunInstruction, context: RunContext): RunAnalysis {
  return new AnalyzedRun(instruction, context);
}

/** The options {@link parseShell} reads a script with, one object per dialect. */
const DIALECTS: Readonly<Record<"sh" | "bash", ShellOptions>> = { sh: { dialect: "sh" }, bash: { dialect: "bash" } };

/** The commands of a RUN no POSIX shell reads. */
const NO_COMMANDS: ShellScript["commands"] = Object.freeze([]);

/**
 * A RUN's analysis: flags and script read at once, the rest on first read. A class rather than an
 * object literal with getters and closures, which is much slower to make.
 */
class AnalyzedRun implements RunAnalysis {
  readonly stage: number;
  readonly onbuild: boolean;
  readonly scope: Scope;
  readonly shell: StageShell;
  readonly flags: RunFlags;
  readonly script: RunScript;
  #shellScript: ShellScript | undefined | null = null;
  #calls: readonly RunCall[] | undefined;
  #packages: readonly PackageOperation[] | undefined;
  #files: readonly FileOperation[] | undefined;
  #cachesLeftBehind: readonly CacheLeftBehind[] | undefined;

  constructor(
    readonly instruction: RunInstruction,
    context: RunContext,
  ) {
    this.stage = context.stage;
    this.onbuild = context.onbuild;
    this.scope = context.scope;
    this.shell = context.shell;
    this.flags = parseRunFlags(instruction, context.scope, context.escape);
    this.script = runScript(instruction, context.shell);
  }

  get shellScript(): ShellScript | undefined {
    if (this.#shellScript === null) {
      const { text, toSource, dialect } = this.script;
      this.#shellScript = text === undefined || dialect === undefined ? undefined : parseShell({ text, toSource }, DIALECTS[dialect]);
    }
    return this.#shellScript;
  }

  get calls(): readonly RunCall[] {
    return (this.#calls ??= commandCalls(this.#commands()));
  }

  get packages(): readonly PackageOperation[] {
    return (this.#packages ??= packageOperations(this.#commands(), this.scope, this.calls));
  }

  get files(): readonly FileOperation[] {
    return (this.#files ??= fileOperations(this.#commands(), this.scope, this.calls));
  }

  get cachesLeftBehind(): readonly CacheLeftBehind[] {
    return (this.#cachesLeftBehind ??= cacheLeftBehind(this.packages, this.files, this.flags.mounts));
  }

  #commands(): ShellScript["commands"] {
    return this.shellScript?.commands ?? NO_COMMANDS;
  }
}
