/**
 * The build context next to a Dockerfile, as far as a linter can see it: which `.dockerignore`
 * applies, and whether a path is excluded by it with Docker's semantics (moby/patternmatcher:
 * patterns are anchored at the context root, a pattern that matches a parent directory excludes
 * what is inside, and the last matching pattern wins, so `!` can re-include a file inside an
 * excluded directory).
 */
import { existsSync, readFileSync, statSync } from "node:fs";
import { basename, dirname, join, posix } from "node:path";
import ignore, { type Ignore } from "ignore";
import type { AddInstruction, CopyInstruction, Word } from "../../src/ast/nodes.js";
import { needsLexing, type LexOptions } from "../../src/expand/index.js";
import type { SemanticModel } from "../../src/model/index.js";
import { instructionsOfType } from "./instructions.js";
import { trimTrailing } from "../../src/util/text.js";
import { knownValue } from "./variables.js";

/** One `.dockerignore` line, cleaned as Docker cleans it. */
interface IgnorePattern {
  /** The pattern as Docker stores it (`!` kept). */
  readonly text: string;
  readonly exclusion: boolean;
  readonly matcher: Ignore;
}

/**
 * A `.dockerignore` file, ready to match paths relative to the context root.
 *
 * @example
 * ```ts
 * const file = dockerignoreFor("/repo/Dockerfile");
 * file?.excludedBy("node_modules/x.js"); // "node_modules" when that line excludes it
 * ```
 */
export interface Dockerignore {
  /** Where the file is. */
  readonly path: string;
  /** The pattern that excludes `path` (relative to the context root), or undefined when it is sent. */
  excludedBy(path: string): string | undefined;
}

function readText(path: string): string | undefined {
  try {
    return existsSync(path) ? readFileSync(path, "utf8") : undefined;
  } catch {
    return undefined;
  }
}

/** Docker's `ignorefile.ReadAll`: trim, skip comments, clean, drop a leading `/`. */
function patternsOf(text: string): IgnorePattern[] {
  const patterns: IgnorePattern[] = [];
  for (const line of text.replace(/^\uFEFF/, "").split(/\r?\n/)) {
    let pattern = line.trim();
    if (pattern === "" || pattern.startsWith("#")) continue;
    const exclusion = pattern.startsWith("!");
    if (exclusion) pattern = pattern.slice(1).trim();
    pattern = trimTrailing(posix.normalize(pattern.replaceAll("\\", "/")), "/");
    if (pattern.length > 1 && pattern.startsWith("/")) pattern = pattern.slice(1);
    if (pattern === "" || pattern === "." || pattern.startsWith("../")) continue;
    try {
      patterns.push({ text: (exclusion ? "!" : "") + pattern, exclusion, matcher: ignore().add(`/${pattern}`) });
    } catch {
      // a pattern the gitignore engine cannot read matches nothing
    }
  }
  return patterns;
}

/** A path relative to the context root, or undefined when it is the root itself or leaves it. */
function contextRelative(path: string): string | undefined {
  const clean = trimTrailing(posix.normalize(`/${path.replaceAll("\\", "/")}`).replace(/^\/+/, ""), "/");
  return clean === "" || clean === "." ? undefined : clean;
}

/**
 * The `.dockerignore` that applies when the Dockerfile's folder is the build context:
 * `<Dockerfile>.dockerignore` next to it first (Docker's per-Dockerfile ignore file), then
 * `.dockerignore`. Undefined when there is none or the path is unknown.
 *
 * @example
 * ```ts
 * dockerignoreFor("/repo/app.Dockerfile")?.path; // "/repo/app.Dockerfile.dockerignore" or "/repo/.dockerignore"
 * ```
 */
export function dockerignoreFor(dockerfilePath: string | undefined): Dockerignore | undefined {
  if (dockerfilePath === undefined) return undefined;
  for (const path of [`${dockerfilePath}.dockerignore`, join(dirname(dockerfilePath), ".dockerignore")]) {
    const text = readText(path);
    if (text === undefined) continue;
    const patterns = patternsOf(text);
    return {
      path,
      excludedBy(file) {
        const relative = contextRelative(file);
        if (relative === undefined) return undefined;
        let excludedBy: string | undefined;
        for (const pattern of patterns) {
          if (!pattern.matcher.ignores(relative)) continue;
          excludedBy = pattern.exclusion ? undefined : pattern.text;
        }
        return excludedBy;
      },
    };
  }
  return undefined;
}

/**
 * True when a `.dockerignore` (or `<Dockerfile>.dockerignore`) exists next to the Dockerfile or in a
 * folder above it, up to the repository root (the first folder with a `.git`): any of them may be
 * the build context's.
 *
 * @example
 * ```ts
 * hasDockerignoreAround("/repo/docker/Dockerfile"); // true when /repo/.dockerignore exists
 * ```
 */
export function hasDockerignoreAround(dockerfilePath: string): boolean {
  if (existsSync(`${dockerfilePath}.dockerignore`)) return true;
  for (let dir = dirname(dockerfilePath); ; dir = dirname(dir)) {
    if (existsSync(join(dir, ".dockerignore"))) return true;
    if (existsSync(join(dir, ".git")) || dirname(dir) === dir) return false;
  }
}

/**
 * True when `filePath` names a file on disk (not stdin or a made-up name), so the folders around
 * it can be looked at.
 *
 * @example
 * ```ts
 * isRealFile("/repo/Dockerfile"); // true when it exists
 * isRealFile(undefined);          // false
 * ```
 */
export function isRealFile(filePath: string | undefined): filePath is string {
  if (filePath === undefined || basename(filePath) === "-") return false;
  try {
    return statSync(filePath, { throwIfNoEntry: false })?.isFile() === true;
  } catch {
    return false;
  }
}

/**
 * A COPY/ADD source read from the build context, with its value as the build sees it.
 *
 * @example
 * ```ts
 * const [source]: readonly ContextSource[] = contextSources(analyze("FROM alpine\nENV D=src\nCOPY $D/ /src/\n"));
 * source.path; // "src/"
 * ```
 */
export interface ContextSource {
  readonly instruction: AddInstruction | CopyInstruction;
  readonly word: Word;
  /** The path after variable expansion; `\` separators turned into `/` in Windows stages. */
  readonly path: string;
}

/** Whether the path of a source written `text` may contain `fragment`: always when BuildKit changes the text, or a Windows stage might (`\\` to `/`). */
function mayContain(text: string, fragment: string, lex: LexOptions): boolean {
  return text.includes(fragment) || text.includes("\\") || needsLexing(text, lex);
}

const REMOTE = /^(https?:\/\/|git@|git:\/\/|ssh:\/\/)/i;

/**
 * Every source of a COPY or ADD that reads the build context (not `--from`, not a heredoc, not a
 * URL or git repository), whose value is known, in file order. ONBUILD triggers are left out: they
 * run in another build, with another context. With `containing`, only the sources whose path
 * contains that text (a word BuildKit would not change is not expanded to find out). The full list
 * is made once per model: several rules read it.
 *
 * @example
 * ```ts
 * contextSources(analyze("FROM alpine\nCOPY --from=x /a /a\nCOPY src/ /src/\n")).map((s) => s.path); // ["src/"]
 * contextSources(analyze("FROM alpine\nCOPY ../a src/ /src/\n"), "..").map((s) => s.path); // ["../a"]
 * ```
 */
export function contextSources(model: SemanticModel, containing?: string): readonly ContextSource[] {
  return containing === undefined ? model.derived(contextSources, listContextSources) : listContextSources(model, containing);
}

function listContextSources(model: SemanticModel, containing?: string): ContextSource[] {
  const sources: ContextSource[] = [];
  const lex: LexOptions = { escapeToken: model.ast.escapeChar };
  for (const instruction of instructionsOfType(model, ["COPY", "ADD"], "top-level")) {
    if (instruction.destination === undefined || instruction.flags.some((f) => f.name.value === "from")) continue;
    let windows: boolean | undefined;
    for (const word of instruction.sources) {
      if (containing !== undefined && !mayContain(word.value, containing, lex)) continue;
      if (instruction.heredocs.some((h) => h.marker.value === word.value)) continue;
      const value = knownValue(model.resolve(word, instruction));
      if (value === undefined || REMOTE.test(value)) continue;
      windows ??= model.stageOf(instruction)?.windows === true;
      const path = windows ? value.replaceAll("\\", "/") : value;
      if (containing === undefined || path.includes(containing)) sources.push({ instruction, word, path });
    }
  }
  return sources;
}
