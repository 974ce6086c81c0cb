/**
 * What COPY and ADD put in their layer: each source at its destination, resolved with
 * `model.resolve` and the working directory, as BuildKit places it (a folder's contents go into the
 * destination; a file goes to `dest/<name>` when the destination is a directory).
 *
 * @packageDocumentation
 */
import type { AddInstruction, CopyInstruction, Range } from "../../ast/nodes.js";
import type { SemanticModel } from "../analyze.js";
import type { Expansion } from "../expansion.js";
import { absolutePath, baseName, hasGlobChars, isSystemDirectory } from "./paths.js";
import { copySourceSize, looksLikeFolder, RUN_SIZES } from "./size.js";
import type { AddedPath, Confidence, SizeEstimate } from "./types.js";

const URL = /^[a-z][a-z0-9+.-]*:\/\//i;
const GIT = /^(git@|git:\/\/|ssh:\/\/)|\.git(#.*)?$/i;
/** Local tar archives that ADD extracts. */
const TARBALL = /\.(tar|tgz|tbz2?|txz|tzst|tar\.(gz|bz2|xz|zst|lz4))$/i;

/** The file name a source lands under; empty (any name) when its written name holds a variable with no known value. */
function landingName(written: string, expansion: Expansion): string {
  return baseName(written).includes("$") && expansion.unresolved.length > 0 ? "" : baseName(expansion.value);
}

/** The value of a COPY/ADD flag (`--from`, `--unpack`) as written; undefined when absent. */
function flagValue(instruction: CopyInstruction | AddInstruction, name: string): string | undefined {
  for (const flag of instruction.flags) if (flag.name.value === name) return flag.value?.value;
  return undefined;
}

/** Where the sources of one COPY/ADD land, and what every added path of it has in common. */
class Destination {
  constructor(
    /** The destination, absolute and normalised. */
    readonly path: string,
    /** Sources land inside it (rather than as it). */
    readonly isDirectory: boolean,
    /** The `--from` value. */
    readonly from: string | undefined,
  ) {}

  /** Where a file named `name` lands; a name lost to an unknown variable matches any. */
  inside(name: string): string {
    return this.isDirectory ? `${this.path === "/" ? "" : this.path}/${name === "" ? "*" : name}` : this.path;
  }

  /** The added path of a source `value` named by the word at `range`. */
  added(value: string, range: Range, kind: AddedPath["kind"], path: string, directory: boolean, size: SizeEstimate, confidence: Confidence, asFile?: string): AddedPath {
    const entry: { -readonly [K in keyof AddedPath]: AddedPath[K] } = { sources: [value], range, kind, path, directory, size, confidence };
    if (this.from !== undefined) entry.from = this.from;
    if (asFile !== undefined) entry.asFile = asFile;
    return entry;
  }
}

/**
 * The paths a COPY or ADD adds, one per source.
 *
 * @param workdir The working directory (undefined when unknown).
 * @param workdirCertain False when the WORKDIR is relative to a base image's unknown one.
 * @example
 * ```ts
 * copyAdds(model, copy, "/app", true).map((a) => a.path); // ["/app"] for `COPY . .`
 * ```
 */
export function copyAdds(model: SemanticModel, instruction: CopyInstruction | AddInstruction, workdir: string | undefined, workdirCertain: boolean): AddedPath[] {
  const destination = instruction.destination;
  if (destination === undefined) return [];
  const dest = model.resolve(destination, instruction);
  const destPath = absolutePath(dest.value, workdir);
  if (destPath === undefined) return [];
  const from = instruction.flags.length === 0 ? undefined : flagValue(instruction, "from");
  const unpack = instruction.flags.length === 0 ? undefined : flagValue(instruction, "unpack");
  const sources = instruction.sources;
  const expansions: Expansion[] = [];
  let globs = false;
  for (const word of sources) {
    const expansion = model.resolve(word, instruction);
    expansions.push(expansion);
    globs ||= hasGlobChars(expansion.value);
  }
  const destIsDir = dest.value.endsWith("/") || /(^|\/)\.\.?$/.test(dest.value) || destPath === workdir || sources.length > 1 || globs || isSystemDirectory(destPath);
  const target = new Destination(destPath, destIsDir, from);
  const destCertain = dest.unresolved.length === 0 && dest.error === undefined && (dest.value.startsWith("/") || workdirCertain);
  const remote = instruction.type === "ADD" && from === undefined;

  const adds: AddedPath[] = [];
  for (let i = 0; i < sources.length; i++) {
    const word = sources[i];
    const expansion = expansions[i];
    const value = expansion.value;
    const certain: Confidence = destCertain && expansion.unresolved.length === 0 ? "exact" : "heuristic";
    const heredoc = instruction.heredocs.length === 0 ? undefined : instruction.heredocs.find((h) => h.marker.value === word.value);
    if (heredoc !== undefined) adds.push(target.added(value, word.range, "copy", target.inside(heredoc.name), false, { class: "XS", reason: "an inline file" }, certain));
    else if (remote && GIT.test(value)) adds.push(target.added(value, word.range, "clone", destPath, true, RUN_SIZES.clone, certain));
    else if (remote && URL.test(value)) adds.push(target.added(value, word.range, "url", target.inside(landingName(word.value, expansion)), false, copySourceSize(value, undefined), certain));
    else if (remote && TARBALL.test(value) && unpack !== "false") adds.push(target.added(value, word.range, "unpack", destPath, true, RUN_SIZES.unpack, certain));
    else {
      const size = copySourceSize(value, from);
      if (hasGlobChars(value) || !looksLikeFolder(value)) adds.push(target.added(value, word.range, "copy", target.inside(landingName(word.value, expansion)), false, size, certain));
      else {
        // A folder's contents land in the destination itself; a name without an extension may be a file.
        const ambiguous = value !== "." && value !== "./" && !value.endsWith("/");
        adds.push(target.added(value, word.range, "copy", destPath, true, size, ambiguous && destIsDir ? "heuristic" : certain, ambiguous ? target.inside(baseName(value)) : undefined));
      }
    }
  }
  return adds;
}
