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
import type { AddedPath, Confidence } from "./types.js";

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
    const common = { sources: [value], ...(from === undefined ? {} : { from }), range: word.range };
    if (heredoc !== undefined) return { ...common, kind: "copy", path: inside(heredoc.name), directory: false, size: { class: "XS", reason: "an inline file" }, confidence: certain };
    if (instruction.type === "ADD" && from === undefined && GIT.test(value)) {
      return { ...common, kind: "clone", path: destPath, directory: true, size: RUN_SIZES.clone, confidence: certain };
    }
    if (instruction.type === "ADD" && from === undefined && URL.test(value)) {
      return { ...common, kind: "url", path: inside(landingName(word.value, expansion)), directory: false, size: copySourceSize(value, undefined), confidence: certain };
    }
    if (instruction.type === "ADD" && from === undefined && TARBALL.test(value) && unpack !== "false") {
      return { ...common, kind: "unpack", path: destPath, directory: true, size: RUN_SIZES.unpack, confidence: certain };
    }
    const size = copySourceSize(value, from);
    if (hasGlobChars(value) || !looksLikeFolder(value)) {
      return { ...common, kind: "copy", path: inside(landingName(word.value, expansion)), directory: false, size, confidence: certain };
    }
    // A folder's contents land in the destination itself; a name without an extension may be a file.
    const ambiguous = value !== "." && value !== "./" && !value.endsWith("/");
    const asFile = ambiguous ? { asFile: inside(baseName(value)) } : {};
    return { ...common, kind: "copy", path: destPath, ...asFile, directory: true, size, confidence: ambiguous && destIsDir ? "heuristic" : certain };
  });
}
