/**
 * What one RUN leaves in its layer, as paths: downloads, directories, extracted archives, cloned
 * repositories and package caches it adds; what it removes; chmod/chown targets; archives it
 * extracts. Relative paths follow `cd` through the script; paths the same RUN removes again are
 * not added.
 *
 * @packageDocumentation
 */
import { HomeDefaulted, parseArguments, resolveWord, type OptionSpec, type VariableLookup } from "../package-managers/command-line.js";
import type { PackageOperation } from "../package-managers/types.js";
import type { ExtractOperation } from "../file-operations.js";
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

/** No effects of a kind (shared: most RUNs have none of most kinds). */
const NONE: readonly never[] = [];

/** Contexts in which a `cd` does not outlive the command list it is in. */
const SCOPED: ReadonlySet<ShellContext> = new Set(["subshell", "command-substitution", "pipeline", "background"]);

/** A `cd` that outlives its command, and the working directory after it. */
interface CwdChange {
  readonly offset: number;
  readonly cwd: Cwd;
}

/**
 * The working directory at each command: the layer's WORKDIR, then each `cd` with a literal (or
 * known-variable) argument. After any `cd` paths are only heuristic; an unknown `cd` makes the
 * directory unknown.
 */
class CwdTracker {
  /** The `cd`s in order; undefined when there are none (most RUNs). */
  readonly #changes: CwdChange[] | undefined;

  /** `calls`: the RUN's calls when one of them is a `cd` (otherwise none need reading). */
  constructor(
    private readonly start: Cwd,
    calls: readonly RunCall[],
    vars: HomeDefaulted,
  ) {
    let changes: CwdChange[] | undefined;
    let cwd = start;
    for (const call of calls) {
      if (call.program !== "cd" || call.command.context.some((c) => SCOPED.has(c))) continue;
      const target = call.args.find((a) => a.value !== "-P" && a.value !== "-L");
      const value = target === undefined ? vars.home() : resolveWord(target, vars);
      const path = value === undefined || value === "-" ? undefined : absolutePath(value.startsWith("~") ? `${vars.home()}${value.slice(1)}` : value, cwd.path);
      cwd = { path, certain: false };
      (changes ??= []).push({ offset: call.command.range[0], cwd });
    }
    this.#changes = changes;
  }

  /** The working directory `command` runs in. */
  at(command: SimpleCommand): Cwd {
    const changes = this.#changes;
    if (changes === undefined) return this.start;
    const offset = command.range[0];
    for (let k = changes.length - 1; k >= 0; k--) if (changes[k].offset < offset) return changes[k].cwd;
    return this.start;
  }

  /** A path of an operation made absolute; undefined when the working directory is unknown. */
  place(path: string, command: SimpleCommand): string | undefined {
    return absolutePath(path, this.at(command).path);
  }

  /** How sure a path {@link place} made absolute is (`exact`: as sure as the path is literal). */
  confidence(path: string, command: SimpleCommand, exact = true): Confidence {
    return exact && (path.startsWith("/") || this.at(command).certain) ? "exact" : "heuristic";
  }
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
  for (const r of removes) {
    if (r.operation.command.range[0] <= after) continue;
    const relation = pathRelation(r.path, added.path);
    if (relation !== undefined && (relation !== "inside" || added.kind === "extract")) return true;
  }
  return false;
}

/** Whether a package operation empties a cache (`yum clean all`, `apt-get distclean`). */
function cleansCache(op: PackageOperation): boolean {
  if (op.kind === "clean" || op.kind === "cache-clean") return true;
  for (const word of op.subcommand) if (word === "distclean" || word === "dist-clean") return true;
  return false;
}

/** `list` with `item` appended; a new list when there is none yet (most RUNs add, remove and change little). */
function append<T>(list: T[] | undefined, item: T): T[] {
  if (list === undefined) return [item];
  list.push(item);
  return list;
}

/** The paths a RUN adds, with where in the script each is added. */
class Additions {
  #entries: AddedPath[] | undefined;
  #offsets: number[] | undefined;

  add(entry: AddedPath, at: number): void {
    this.#entries = append(this.#entries, entry);
    this.#offsets = append(this.#offsets, at);
  }

  /** The additions in script order, without those a later removal of the same RUN takes away again (caches stay: they are judged elsewhere). */
  kept(removes: readonly RemovedPath[]): readonly AddedPath[] {
    let entries = this.#entries;
    let offsets = this.#offsets;
    if (entries === undefined || offsets === undefined) return NONE;
    if (!ascending(offsets)) ({ entries, offsets } = byOffset(entries, offsets));
    if (removes.length === 0) return entries;
    let kept: AddedPath[] | undefined;
    for (let i = 0; i < entries.length; i++) {
      const gone = entries[i].kind !== "cache" && removedAgain(entries[i], offsets[i], removes);
      if (gone) kept ??= entries.slice(0, i);
      else kept?.push(entries[i]);
    }
    return kept ?? entries;
  }
}

function ascending(numbers: readonly number[]): boolean {
  for (let i = 1; i < numbers.length; i++) if (numbers[i - 1] > numbers[i]) return false;
  return true;
}

/** Additions sorted by where they are added (stable: additions of one command keep their order). */
function byOffset(entries: readonly AddedPath[], offsets: readonly number[]): { entries: AddedPath[]; offsets: number[] } {
  const order = entries.map((_, i) => i).sort((i, k) => offsets[i] - offsets[k]);
  return { entries: order.map((i) => entries[i]), offsets: order.map((i) => offsets[i]) };
}

/**
 * The file effects of one RUN. What it removes, changes and extracts is worked out at once (every
 * fact looks at it); what it adds on first read (only a later removal, a cache left behind or the
 * build planner asks).
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
  const { files, calls, cachesLeftBehind, packages } = run;
  // One look at the programs: `git` may clone, `cd` moves the working directory.
  let clones = false;
  let cds = false;
  for (const call of calls) {
    if (call.program === "git") clones = true;
    else if (call.program === "cd") cds = true;
  }
  const cleans = packages.length > 0 && packages.some(cleansCache) ? packages.filter(cleansCache) : NONE;
  if (files.length === 0 && !clones && cachesLeftBehind.length === 0 && cleans.length === 0) return NO_EFFECTS;
  const vars = new HomeDefaulted(run.scope);
  const cwd = new CwdTracker({ path: workdir, certain: workdirCertain }, cds ? calls : NONE, vars);

  let removes: RemovedPath[] | undefined;
  let modes: ModeChange[] | undefined;
  let extracts: Extraction[] | undefined;
  for (const op of files) {
    switch (op.kind) {
      case "remove":
        for (const p of op.paths) {
          const path = p.isVariable ? undefined : cwd.place(p.path, op.command);
          if (path !== undefined) removes = append(removes, { path, confidence: cwd.confidence(p.path, op.command), isGlob: p.isGlob, recursive: op.recursive, operation: op, range: p.word.range });
        }
        break;
      case "chmod":
      case "chown":
        for (const p of op.paths) {
          const path = p.isVariable ? undefined : cwd.place(p.path, op.command);
          if (path !== undefined) modes = append(modes, { path, confidence: cwd.confidence(p.path, op.command), kind: op.kind, recursive: op.recursive, operation: op, range: p.word.range });
        }
        break;
      case "extract": {
        const archiveWritten = archiveOf(op);
        const archive = archiveWritten === undefined ? undefined : cwd.place(archiveWritten, op.command);
        const destination = cwd.place(op.destination ?? ".", op.command);
        const archiveSure = archiveWritten === undefined || archive === undefined || cwd.confidence(archiveWritten, op.command) === "exact";
        const confidence: Confidence = archiveSure && destination !== undefined && destinationConfidence(op, cwd) === "exact" ? "exact" : "heuristic";
        extracts = append(extracts, { archive, destination, operation: op, confidence, range: op.archive?.word.range ?? op.command.range });
        break;
      }
    }
  }
  return new Effects(run, clones, vars, cwd, removes ?? NONE, modes ?? NONE, extracts ?? NONE, cleans);
}

/** The archive of an extraction as written; undefined when read from standard input or a variable. */
function archiveOf(op: ExtractOperation): string | undefined {
  return op.archive === undefined || op.archive.isVariable ? undefined : op.archive.path;
}

/** How sure an extraction's destination is (`.` when none is given: only heuristic). */
function destinationConfidence(op: ExtractOperation, cwd: CwdTracker): Confidence {
  return cwd.confidence(op.destination ?? ".", op.command, op.destination !== undefined);
}

/**
 * Whether a RUN may add a file or folder a later removal can take back: it downloads, extracts or
 * runs `git` (which may clone). When it does not, all it adds are directories it makes and caches.
 */
export function mayAddRemovable(run: RunAnalysis): boolean {
  for (const op of run.files) if (op.kind === "download" || op.kind === "extract") return true;
  for (const call of run.calls) if (call.program === "git") return true;
  return false;
}

/** The file effects of a RUN that does something: {@link adds} worked out on first read. */
class Effects implements RunEffects {
  #adds: readonly AddedPath[] | undefined;

  constructor(
    private readonly run: RunAnalysis,
    /** A `git` is among its programs. */
    private readonly clones: boolean,
    private readonly vars: HomeDefaulted,
    private readonly cwd: CwdTracker,
    readonly removes: readonly RemovedPath[],
    readonly modes: readonly ModeChange[],
    readonly extracts: readonly Extraction[],
    readonly cleans: readonly PackageOperation[],
  ) {}

  get adds(): readonly AddedPath[] {
    return (this.#adds ??= this.#additions().kept(this.removes));
  }

  /** Directories made, downloads, extraction targets, clones and caches left behind, with where in the script each is added. */
  #additions(): Additions {
    const { run, cwd, vars } = this;
    const added = new Additions();
    let extract = 0;
    for (const op of run.files) {
      const at = op.command.range[0];
      switch (op.kind) {
        case "mkdir":
          for (const p of op.paths) {
            const path = p.isVariable ? undefined : cwd.place(p.path, op.command);
            if (path !== undefined) added.add({ path, confidence: cwd.confidence(p.path, op.command), kind: "mkdir", sources: NONE, directory: true, size: RUN_SIZES.mkdir, range: p.word.range }, at);
          }
          break;
        case "download": {
          const path = op.output === "-" || /[$`]/.test(op.output) ? undefined : cwd.place(op.output, op.command);
          if (path === undefined) break;
          const size = isArchiveName(op.output) ? RUN_SIZES.archiveDownload : RUN_SIZES.download;
          added.add({ path, confidence: cwd.confidence(op.output, op.command), kind: "download", sources: op.urls.map((u) => u.path), directory: false, size, range: op.command.range }, at);
          break;
        }
        case "extract": {
          const { archive, destination, range } = this.extracts[extract++];
          if (destination !== undefined) {
            added.add({ kind: "extract", path: destination, sources: archive === undefined ? [] : [archive], directory: true, size: RUN_SIZES.extract, confidence: destinationConfidence(op, cwd), range }, at);
          }
          break;
        }
      }
    }
    if (this.clones) {
      for (const call of run.calls) {
        const { command } = call;
        const clone = cloneTarget(call, vars);
        const path = clone === undefined ? undefined : cwd.place(clone.dir, command);
        if (clone !== undefined && path !== undefined) {
          added.add({ path, confidence: cwd.confidence(clone.dir, command), kind: "clone", sources: [clone.url], directory: true, size: RUN_SIZES.clone, range: command.range }, command.range[0]);
        }
      }
    }
    for (const cache of run.cachesLeftBehind) {
      const command = cache.operation.command;
      added.add({ kind: "cache", path: cache.path, sources: NONE, directory: true, cache, size: cacheSize(cache.manager), confidence: "exact", range: command.range }, command.range[0]);
    }
    return added;
  }
}
