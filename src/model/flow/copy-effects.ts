/**
 * What COPY and ADD put in their layer: each source at its destination, resolved with
 * `model.resolve` and the working directory, as BuildKit places it (a folder's contents go into the
 * destination; a file goes to `dest/<name>` when the destination is a directory).
 *
 * @packageDocumentation
 */
import type { AddInstruction, CopyInstruction, Word } from "../../ast/nodes.js";
import type { SemanticModel } from "../analyze.js";
import { wordMayExpand, type Expansion } from "../expansion.js";
import { absolutePath, baseName, hasGlobChars, isSystemDirectory } from "./paths.js";
import { CopySource, RUN_SIZES } from "./size.js";
import type { AddedPath, Confidence, SizeEstimate } from "./types.js";

const URL = /^[a-z][a-z0-9+.-]*:\/\//i;
const GIT = /^(git@|git:\/\/|ssh:\/\/)|\.git(#.*)?$/i;
/** Local tar archives that ADD extracts. */
const TARBALL = /\.(tar|tgz|tbz2?|txz|tzst|tar\.(gz|bz2|xz|zst|lz4))$/i;

/** What of a word's expansion the paths need. */
type Resolved = Pick<Expansion, "value" | "unresolved" | "error">;

const NO_NAMES: readonly string[] = [];

/**
 * A COPY/ADD word as BuildKit expands it. Most words hold nothing the word lexer acts on (no `$`,
 * quote or escape character): they are their own value, without asking the model for the scope.
 */
function resolved(model: SemanticModel, word: Word, instruction: CopyInstruction | AddInstruction): Resolved {
  return wordMayExpand(word.value, model.ast.escapeChar) ? model.resolve(word, instruction) : { value: word.value, unresolved: NO_NAMES };
}

/** The file name a source lands under; empty (any name) when its written name holds a variable with no known value. */
function landingName(written: string, expansion: Resolved, source: CopySource): string {
  return expansion.unresolved.length > 0 && baseName(written).includes("$") ? "" : source.name;
}

/** The value of a COPY/ADD flag (`--from`, `--unpack`) as written; undefined when absent. */
function flagValue(instruction: CopyInstruction | AddInstruction, name: string): string | undefined {
  for (const flag of instruction.flags) if (flag.name.value === name) return flag.value?.value;
  return undefined;
}

/** Where the sources of one COPY/ADD land, and what every path it adds has in common. */
class Destination {
  constructor(
    private readonly instruction: CopyInstruction | AddInstruction,
    /** The destination, absolute and normalised. */
    private readonly path: string,
    /** Sources land inside it (rather than as it). */
    private readonly isDirectory: boolean,
    /** The destination is certain (literal, and absolute or from a certain WORKDIR). */
    private readonly certain: boolean,
    /** The `--from` value. */
    private readonly from: string | undefined,
    /** The `--unpack` value. */
    private readonly unpack: string | undefined,
  ) {}

  /** The path the source `word` (resolved to `expansion`) adds. */
  added(word: Word, expansion: Resolved): AddedPath {
    const { instruction, path, from } = this;
    const value = expansion.value;
    const certain: Confidence = this.certain && expansion.unresolved.length === 0 ? "exact" : "heuristic";
    const remote = instruction.type === "ADD" && from === undefined;
    const heredoc = instruction.heredocs.length === 0 ? undefined : instruction.heredocs.find((h) => h.marker.value === word.value);
    if (heredoc !== undefined) return this.#entry(value, word, "copy", this.#inside(heredoc.name), false, { class: "XS", reason: "an inline file" }, certain);
    if (remote && GIT.test(value)) return this.#entry(value, word, "clone", path, true, RUN_SIZES.clone, certain);
    const source = new CopySource(value);
    if (remote && URL.test(value)) return this.#entry(value, word, "url", this.#inside(landingName(word.value, expansion, source)), false, source.size(undefined), certain);
    if (remote && TARBALL.test(value) && this.unpack !== "false") return this.#entry(value, word, "unpack", path, true, RUN_SIZES.unpack, certain);
    const size = source.size(from);
    if (hasGlobChars(value) || !source.looksLikeFolder) return this.#entry(value, word, "copy", this.#inside(landingName(word.value, expansion, source)), false, size, certain);
    // A folder's contents land in the destination itself; a name without an extension may be a file.
    const ambiguous = value !== "." && value !== "./" && !value.endsWith("/");
    const confidence = ambiguous && this.isDirectory ? "heuristic" : certain;
    return this.#entry(value, word, "copy", path, true, size, confidence, ambiguous ? this.#inside(source.name) : undefined);
  }

  /** Where a file named `name` lands; a name lost to an unknown variable matches any. */
  #inside(name: string): string {
    return this.isDirectory ? `${this.path === "/" ? "" : this.path}/${name === "" ? "*" : name}` : this.path;
  }

  #entry(value: string, word: Word, kind: AddedPath["kind"], path: string, directory: boolean, size: SizeEstimate, confidence: Confidence, asFile?: string): AddedPath {
    const entry: { -readonly [K in keyof AddedPath]: AddedPath[K] } = { sources: [value], range: word.range, kind, path, directory, size, confidence };
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
  const dest = resolved(model, destination, instruction);
  const destPath = absolutePath(dest.value, workdir);
  if (destPath === undefined) return [];
  const sources = instruction.sources;
  const expansions = sources.map((word) => resolved(model, word, instruction));
  const destIsDir =
    dest.value.endsWith("/") ||
    /(^|\/)\.\.?$/.test(dest.value) ||
    destPath === workdir ||
    sources.length > 1 ||
    expansions.some((e) => hasGlobChars(e.value)) ||
    isSystemDirectory(destPath);
  const destCertain = dest.unresolved.length === 0 && dest.error === undefined && (dest.value.startsWith("/") || workdirCertain);
  const flagged = instruction.flags.length > 0;
  // `--unpack` is a flag of ADD only.
  const unpack = flagged && instruction.type === "ADD" ? flagValue(instruction, "unpack") : undefined;
  const target = new Destination(instruction, destPath, destIsDir, destCertain, flagged ? flagValue(instruction, "from") : undefined, unpack);
  return sources.map((word, i) => target.added(word, expansions[i]));
}
