/**
 * What COPY and ADD put in their layer: each source at its destination, resolved with
 * `model.resolve` and the working directory, as BuildKit places it (a folder's contents go into the
 * destination; a file goes to `dest/<name>` when the destination is a directory).
 *
 * @packageDocumentation
 */
import type { AddInstruction, CopyInstruction } from "../../ast/nodes.js";
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
  const from = instruction.flags.find((f) => f.name.value === "from")?.value?.value;
  const unpack = instruction.flags.find((f) => f.name.value === "unpack")?.value?.value;
  const sources = instruction.sources.map((word) => ({
    word,
    heredoc: instruction.heredocs.find((h) => h.marker.value === word.value),
    expansion: model.resolve(word, instruction),
  }));
  const destIsDir =
    dest.value.endsWith("/") ||
    /(^|\/)\.\.?$/.test(dest.value) ||
    destPath === workdir ||
    sources.length > 1 ||
    sources.some((s) => hasGlobChars(s.expansion.value)) ||
    isSystemDirectory(destPath);
  const destCertain = dest.unresolved.length === 0 && dest.error === undefined && (dest.value.startsWith("/") || workdirCertain);
  /** Where a file named `name` lands; a name lost to an unknown variable matches any. */
  const inside = (name: string): string => (destIsDir ? `${destPath === "/" ? "" : destPath}/${name === "" ? "*" : name}` : destPath);

  return sources.map(({ word, heredoc, expansion }): AddedPath => {
    const value = expansion.value;
    const certain: Confidence = destCertain && expansion.unresolved.length === 0 ? "exact" : "heuristic";
    /** The added path, with what every source has in common. */
    const added = (kind: AddedPath["kind"], path: string, directory: boolean, size: SizeEstimate, confidence: Confidence, asFile?: string): AddedPath => {
      const entry: { -readonly [K in keyof AddedPath]: AddedPath[K] } = { sources: [value], range: word.range, kind, path, directory, size, confidence };
      if (from !== undefined) entry.from = from;
      if (asFile !== undefined) entry.asFile = asFile;
      return entry;
    };
    if (heredoc !== undefined) return added("copy", inside(heredoc.name), false, { class: "XS", reason: "an inline file" }, certain);
    if (instruction.type === "ADD" && from === undefined && GIT.test(value)) return added("clone", destPath, true, RUN_SIZES.clone, certain);
    if (instruction.type === "ADD" && from === undefined && URL.test(value)) {
      return added("url", inside(landingName(word.value, expansion)), false, copySourceSize(value, undefined), certain);
    }
    if (instruction.type === "ADD" && from === undefined && TARBALL.test(value) && unpack !== "false") return added("unpack", destPath, true, RUN_SIZES.unpack, certain);
    const size = copySourceSize(value, from);
    if (hasGlobChars(value) || !looksLikeFolder(value)) return added("copy", inside(landingName(word.value, expansion)), false, size, certain);
    // A folder's contents land in the destination itself; a name without an extension may be a file.
    const ambiguous = value !== "." && value !== "./" && !value.endsWith("/");
    return added("copy", destPath, true, size, ambiguous && destIsDir ? "heuristic" : certain, ambiguous ? inside(baseName(value)) : undefined);
  });
}
