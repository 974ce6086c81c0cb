/**
 * What one RUN leaves in its layer, as paths: downloads, directories, extracted archives, cloned
 * repositories and package caches it adds; what it removes; chmod/chown targets; archives it
 * extracts. Relative paths follow `cd` through the script; paths the same RUN removes again are
 * not added.
 *
 * @packageDocumentation
 */
import type { Range } from "../../ast/nodes.js";
import { parseArguments, resolveWord, type OptionSpec, type VariableLookup } from "../package-managers/command-line.js";
import type { PackageOperation } from "../package-managers/types.js";
import type { RunAnalysis, RunCall } from "../runs.js";
import type { ShellContext, SimpleCommand } from "../shell-types.js";
import { absolutePath, baseName, pathRelation } from "./paths.js";
import { cacheSize, isArchiveName, RUN_SIZES } from "./size.js";
import type { AddedPath, Confidence, Extraction, ModeChange, RemovedPath } from "./types.js";

/**
 * The file effects of a RUN.
 *
 * @example
 * ```ts
 * const { adds, removes, modes, extracts, cleans }: RunEffects = runEffects(run, "/", false);
 * ```
 */
export interface RunEffects {
  readonly adds: readonly AddedPath[];
  readonly removes: readonly RemovedPath[];
  readonly modes: readonly ModeChange[];
  readonly extracts: readonly Extraction[];
  readonly cleans: readonly PackageOperation[];
}

/** The working directory at a command, and whether it is certain. */
interface Cwd {
  readonly path: string | undefined;
  readonly certain: boolean;
}

/** The effects of a layer that adds, removes and changes nothing. */
export const NO_EFFECTS: RunEffects = { adds: [], removes: [], modes: [], extracts: [], cleans: [] };

/** Contexts in which a `cd` does not outlive the command list it is in. */
const SCOPED: ReadonlySet<ShellContext> = new Set(["subshell", "command-substitution", "pipeline", "background"]);

/**
 * The working directory at each command: the layer's WORKDIR, then each `cd` with a literal (or
 * known-variable) argument. After any `cd` paths are only heuristic; an unknown `cd` makes the
 * directory unknown.
 */
function cwdTracker(calls: readonly RunCall[], start: Cwd, vars: VariableLookup): (at: SimpleCommand) => Cwd {
  const changes: { offset: number; cwd: Cwd }[] = [];
  let cwd = start;
  for (const call of calls) {
    if (call.program !== "cd" || call.command.context.some((c) => SCOPED.has(c))) continue;
    const target = call.args.find((a) => a.value !== "-P" && a.value !== "-L");
    const value = target === undefined ? vars.get("HOME") ?? "/root" : resolveWord(target, vars);
    const path = value === undefined || value === "-" ? undefined : absolutePath(value.startsWith("~") ? `${vars.get("HOME") ?? "/root"}${value.slice(1)}` : value, cwd.path);
    cwd = { path, certain: false };
    changes.push({ offset: call.command.range[0], cwd });
  }
  if (changes.length === 0) return () => start;
  return (at) => changes.findLast((c) => c.offset < at.range[0])?.cwd ?? start;
}

const GIT_CLONE_OPTIONS: readonly OptionSpec[] = [
  "-b", "--branch", "-o", "--origin", "-c", "--config", "--depth", "--reference", "--reference-if-able", "--separate-git-dir",
  "-j", "--jobs", "--filter", "--template", "-u", "--upload-pack", "--shallow-since", "--shallow-exclude", "--server-option",
].map((name) => ({ names: [name], canonical: name.replace(/^-+/, ""), value: "required" as const }));

/** `git clone URL [dir]`: the directory it creates. */
function cloneTarget(call: RunCall, vars: VariableLookup): { url: string; dir: string } | undefined {
  if (call.program !== "git") return undefined;
  const clone = call.args.findIndex((a) => a.value === "clone");
  if (clone === -1 || call.args.slice(0, clone).some((a) => !(a.value ?? "").startsWith("-"))) return undefined;
  const { positionals } = parseArguments(call.args.slice(clone + 1), GIT_CLONE_OPTIONS);
  const url = positionals[0] === undefined ? undefined : resolveWord(positionals[0], vars);
  if (url === undefined) return undefined;
  const dir = positionals[1] === undefined ? baseName(url).replace(/\.git$/, "") : resolveWord(positionals[1], vars);
  return dir === undefined || dir === "" ? undefined : { url, dir };
}

/**
 * Whether a later removal in the same RUN takes an added path away again: the path itself, or for
 * an extraction (whose entries are unknown) anything inside it.
 */
function removedAgain(added: AddedPath, after: number, removes: readonly RemovedPath[]): boolean {
  return removes.some((r) => {
    if (r.operation.command.range[0] <= after) return false;
    const relation = pathRelation(r.path, added.path);
    return relation !== undefined && (relation !== "inside" || added.kind === "extract");
  });
}

/**
 * The file effects of one RUN.
 *
 * @param workdir The layer's working directory (undefined when unknown).
 * @param workdirCertain False when the WORKDIR is relative to a base image's unknown one.
 * @example
 * ```ts
 * runEffects(run, "/src", true).removes.map((r) => r.path); // ["/src/build"] for `rm -rf build`
 * ```
 */
export function runEffects(run: RunAnalysis, workdir: string | undefined, workdirCertain: boolean): RunEffects {
  const commands = run.shellScript?.commands ?? [];
  if (commands.length === 0) return NO_EFFECTS;
  const vars: VariableLookup = { get: (name) => run.scope.get(name) ?? (name === "HOME" ? "/root" : undefined) };
  const cwdAt = cwdTracker(run.calls, { path: workdir, certain: workdirCertain }, vars);
  /** A path of an operation, absolute, with how sure it is. */
  const place = (path: string, command: SimpleCommand, exact = true): { path: string; confidence: Confidence } | undefined => {
    const cwd = cwdAt(command);
    const absolute = absolutePath(path, cwd.path);
    if (absolute === undefined) return undefined;
    const certain = exact && (path.startsWith("/") || cwd.certain);
    return { path: absolute, confidence: certain ? "exact" : "heuristic" };
  };

  const removes: RemovedPath[] = [];
  const modes: ModeChange[] = [];
  const extracts: Extraction[] = [];
  const added: { entry: AddedPath; at: number }[] = [];
  const add = (entry: AddedPath, at: number): void => {
    added.push({ entry, at });
  };

  for (const op of run.files) {
    const at = op.command.range[0];
    switch (op.kind) {
      case "remove":
        for (const p of op.paths) {
          const placed = p.isVariable ? undefined : place(p.path, op.command);
          if (placed !== undefined) removes.push({ path: placed.path, confidence: placed.confidence, isGlob: p.isGlob, recursive: op.recursive, operation: op, range: p.word.range });
        }
        break;
      case "chmod":
      case "chown":
        for (const p of op.paths) {
          const placed = p.isVariable ? undefined : place(p.path, op.command);
          if (placed !== undefined) modes.push({ path: placed.path, confidence: placed.confidence, kind: op.kind, recursive: op.recursive, operation: op, range: p.word.range });
        }
        break;
      case "mkdir":
        for (const p of op.paths) {
          const placed = p.isVariable ? undefined : place(p.path, op.command);
          if (placed !== undefined) add({ path: placed.path, confidence: placed.confidence, kind: "mkdir", sources: [], directory: true, size: RUN_SIZES.mkdir, range: p.word.range }, at);
        }
        break;
      case "download": {
        const placed = op.output === "-" || /[$`]/.test(op.output) ? undefined : place(op.output, op.command);
        if (placed === undefined) break;
        const size = isArchiveName(op.output) ? RUN_SIZES.archiveDownload : RUN_SIZES.download;
        add({ path: placed.path, confidence: placed.confidence, kind: "download", sources: op.urls.map((u) => u.path), directory: false, size, range: op.command.range }, at);
        break;
      }
      case "extract": {
        const archive = op.archive === undefined || op.archive.isVariable ? undefined : place(op.archive.path, op.command);
        const destination = op.destination === undefined ? place(".", op.command, false) : place(op.destination, op.command);
        const confidence: Confidence = archive?.confidence === "heuristic" || destination?.confidence !== "exact" ? "heuristic" : "exact";
        const range: Range = op.archive?.word.range ?? op.command.range;
        extracts.push({ archive: archive?.path, destination: destination?.path, operation: op, confidence, range });
        if (destination !== undefined) {
          add({ kind: "extract", path: destination.path, sources: archive === undefined ? [] : [archive.path], directory: true, size: RUN_SIZES.extract, confidence: destination.confidence, range }, at);
        }
        break;
      }
    }
  }
  for (const call of run.calls) {
    const { command } = call;
    const clone = cloneTarget(call, vars);
    const placed = clone === undefined ? undefined : place(clone.dir, command);
    if (clone !== undefined && placed !== undefined) {
      add({ path: placed.path, confidence: placed.confidence, kind: "clone", sources: [clone.url], directory: true, size: RUN_SIZES.clone, range: command.range }, command.range[0]);
    }
  }
  for (const cache of run.cachesLeftBehind) {
    const command = cache.operation.command;
    add({ kind: "cache", path: cache.path, sources: [], directory: true, cache, size: cacheSize(cache.manager), confidence: "exact", range: command.range }, command.range[0]);
  }

  const adds = added
    .filter(({ entry, at }) => entry.kind === "cache" || !removedAgain(entry, at, removes))
    .sort((a, b) => a.at - b.at)
    .map(({ entry }) => entry);
  const cleans = run.packages.filter((p) => p.kind === "clean" || p.kind === "cache-clean" || p.subcommand.some((w) => /^dist-?clean$/.test(w)));
  return { adds, removes, modes, extracts, cleans };
}
