/**
 * Variable expansion as BuildKit applies it: which words of which instructions it expands
 * (BuildKit's §10.1 table), with which lexer mode, and what the result depends on.
 *
 * @packageDocumentation
 */
import type { Dockerfile, Heredoc, Instruction, Word } from "../ast/nodes.js";
import { needsLexing, processWordWith, processWordsWith, type LexOptions } from "../expand/index.js";

/**
 * Variables with known values; `get` returns undefined for unset or unknown names. A `Map` is one.
 *
 * @example
 * ```ts
 * const vars: ValueLookup = new Map([["HOME", "/root"]]);
 * ```
 */
export interface ValueLookup {
  /** The known value of `name`; undefined when it is unset or unknown. */
  get(name: string): string | undefined;
  /** True when `name` is known to be unset (so it expands to nothing for sure); default false. */
  isUnset?(name: string): boolean;
}

/**
 * How BuildKit expands a word: one word, split into words (EXPOSE), or a heredoc body (escape `\`,
 * quotes kept).
 *
 * @example
 * ```ts
 * expandText("$PORTS", new Map([["PORTS", "80 443"]]), "\\", "words").words; // ["80", "443"]
 * ```
 */
export type ExpansionMode = "word" | "words" | "heredoc";

/**
 * The result of expanding a word.
 *
 * @example
 * ```ts
 * model.resolve(workdir.value!, workdir); // { value: "/src/", unresolved: ["VERSION"], matched: [], expanded: true }
 * ```
 */
export interface Expansion {
  /** The expanded text; unknown variables count as unset (empty), as BuildKit would without a value. */
  readonly value: string;
  /** For word-splitting expansion (EXPOSE): the words. */
  readonly words?: readonly string[];
  /** Names referenced without a known value (nor known to be unset): the value is uncertain when this is not empty. */
  readonly unresolved: readonly string[];
  /** Names referenced that have a known value. */
  readonly matched: readonly string[];
  /** False when BuildKit does not expand this word: `value` is then the word as written. */
  readonly expanded: boolean;
  /** The lexer's error (`failed to process …`); `value` is then the text as written. */
  readonly error?: string;
}

/**
 * Expands `text` with BuildKit's word lexer against `vars`.
 *
 * @example
 * ```ts
 * const vars = new Map([["TAG", "3.20"]]);
 * expandText("alpine:${TAG}-$FLAVOR", vars, "\\", "word");
 * // { value: "alpine:3.20-", unresolved: ["FLAVOR"], matched: ["TAG"], expanded: true }
 * ```
 */
export function expandText(text: string, vars: ValueLookup, escape: Dockerfile["escapeChar"], mode: ExpansionMode): Expansion {
  const options = mode === "heredoc" ? HEREDOC_OPTIONS : escape === "`" ? BACKTICK_OPTIONS : BACKSLASH_OPTIONS;
  if (mode === "words") {
    const result = processWordsWith(text, vars, options);
    if (!result.ok) return failed(text, result.error);
    return { value: result.words.join(" "), words: result.words, unresolved: unknowns(result.unmatched, vars), matched: result.matched, expanded: true };
  }
  // Most words have nothing to expand: they come back as written without running the lexer.
  if (!needsLexing(text, options)) return { value: text, unresolved: NONE, matched: NONE, expanded: true };
  const result = processWordWith(text, vars, options);
  if (!result.ok) return failed(text, result.error);
  return { value: result.value, unresolved: unknowns(result.unmatched, vars), matched: result.matched, expanded: true };
}

const BACKSLASH_OPTIONS: LexOptions = { escapeToken: "\\" };
const BACKTICK_OPTIONS: LexOptions = { escapeToken: "`" };
const HEREDOC_OPTIONS: LexOptions = { escapeToken: "\\", skipProcessQuotes: true };
const NONE: readonly string[] = [];

/**
 * Whether BuildKit's word lexer would change `text` in a word (it holds a `$`, a quote or the
 * escape character): when not, the word is its own value in any scope.
 *
 * @example
 * ```ts
 * wordMayExpand("/app/src", "\\"); // false
 * wordMayExpand("$HOME/src", "\\"); // true
 * ```
 */
export function wordMayExpand(text: string, escape: Dockerfile["escapeChar"]): boolean {
  return needsLexing(text, escape === "`" ? BACKTICK_OPTIONS : BACKSLASH_OPTIONS);
}

/** The unmatched names not known to be unset; the shared empty list when there are none. */
function unknowns(unmatched: string[], vars: ValueLookup): readonly string[] {
  if (unmatched.length === 0) return NONE;
  if (vars.isUnset === undefined) return unmatched;
  // The lexer's list is this expansion's own: filtered in place.
  let kept = 0;
  for (const name of unmatched) if (!vars.isUnset(name)) unmatched[kept++] = name;
  unmatched.length = kept;
  return kept === 0 ? NONE : unmatched;
}

function failed(text: string, error: string): Expansion {
  return { value: text, unresolved: NONE, matched: NONE, expanded: true, error };
}

/**
 * The value of a word BuildKit does not expand.
 *
 * @example
 * ```ts
 * literal("$HOME").value; // "$HOME"
 * ```
 */
export function literal(text: string): Expansion {
  return { value: text, unresolved: NONE, matched: NONE, expanded: false };
}

/**
 * Where a word sits, as far as expansion goes: the global scope (FROM) or the stage env, the lexer
 * mode, and the text BuildKit expands (a heredoc's body with `<<-` tabs stripped); undefined when
 * BuildKit never expands the word.
 *
 * @example
 * ```ts
 * const site: ExpansionSite = { scope: "stage", mode: "word" };
 * ```
 */
export type ExpansionSite =
  | {
      /** `global` for FROM (meta and platform ARGs only), `stage` for the stage env. */
      readonly scope: "global" | "stage";
      /** The lexer mode. */
      readonly mode: ExpansionMode;
      /** The text to expand when it is not the word's value (a heredoc's content). */
      readonly text?: string;
    }
  | undefined;

const WORD = { scope: "stage", mode: "word" } as const;
const GLOBAL = { scope: "global", mode: "word" } as const;
const WORDS = { scope: "stage", mode: "words" } as const;

const EXPANDED_FLAGS: Partial<Record<Instruction["type"], readonly string[]>> = {
  COPY: ["chown", "chmod"],
  ADD: ["chown", "chmod", "checksum"],
  RUN: ["mount"],
};

/**
 * Whether and how BuildKit expands `word` of `instruction` (§10.1): FROM image and `--platform`
 * against the global scope; ENV/LABEL keys and values, ARG defaults, ADD/COPY sources, destination,
 * `--chown`/`--chmod`(/`--checksum`), WORKDIR, USER, VOLUME, STOPSIGNAL, EXPOSE (split into words),
 * RUN `--mount` values and COPY/ADD heredoc bodies (unless quoted) against the stage env. Never
 * RUN/CMD/ENTRYPOINT/HEALTHCHECK/SHELL/MAINTAINER/ONBUILD text, nor `COPY --from`.
 *
 * @example
 * ```ts
 * expansionSite(from, from.image!.path); // { scope: "global", mode: "word" }
 * expansionSite(copy, copy.heredocs[0].body); // { scope: "stage", mode: "heredoc", text: "…" }
 * expansionSite(run, run.args[0]);       // undefined
 * ```
 */
export function expansionSite(instruction: Instruction, word: Word): ExpansionSite {
  for (const flag of instruction.flags) {
    if (flag.value !== word) continue;
    if (instruction.type === "FROM") return flag.name.value === "platform" ? GLOBAL : undefined;
    return EXPANDED_FLAGS[instruction.type]?.includes(flag.name.value) === true ? WORD : undefined;
  }
  switch (instruction.type) {
    case "FROM":
      return instruction.image !== undefined && isImageWord(instruction, word) ? GLOBAL : undefined;
    case "ENV":
    case "LABEL":
    case "ARG":
      return isExpandedWord(instruction, word) ? WORD : undefined;
    case "COPY":
    case "ADD":
      for (const heredoc of instruction.heredocs) if (heredoc.body === word) return heredocSite(heredoc);
      return isExpandedWord(instruction, word) ? WORD : undefined;
    case "WORKDIR":
    case "USER":
    case "STOPSIGNAL":
      return instruction.value === word ? WORD : undefined;
    case "VOLUME":
      return isExpandedWord(instruction, word) ? WORD : undefined;
    case "EXPOSE":
      for (const port of instruction.ports) if (port.port === word) return WORDS;
      return instruction.args.includes(word) ? WORDS : undefined;
    default:
      return undefined;
  }
}

const expandedWords = new WeakMap<Instruction, ReadonlySet<Word>>();

/** Below this many words a linear search beats building and looking up a set. */
const SMALL = 8;

/** Whether `word` is one of the words of an ENV, LABEL, ARG, COPY, ADD or VOLUME that BuildKit expands. */
function isExpandedWord(instruction: Instruction, word: Word): boolean {
  if (instruction.type === "ENV" || instruction.type === "LABEL") {
    if (instruction.pairs.length <= SMALL) {
      for (const pair of instruction.pairs) if (pair.key === word || pair.value === word) return true;
      return false;
    }
  } else if (instruction.type === "ARG") {
    if (instruction.declarations.length <= SMALL) {
      for (const declaration of instruction.declarations) if (declaration.defaultValue === word) return true;
      return false;
    }
  } else if (instruction.type === "COPY" || instruction.type === "ADD") {
    if (instruction.sources.length <= SMALL) return instruction.destination === word || instruction.sources.includes(word);
  } else if (instruction.type === "VOLUME") {
    if (instruction.paths.length <= SMALL) return instruction.paths.includes(word);
  }
  return expandedWordsOf(instruction).has(word);
}

/** The expanded words of a large instruction, as a set built once per instruction. */
function expandedWordsOf(instruction: Instruction): ReadonlySet<Word> {
  let words = expandedWords.get(instruction);
  if (words === undefined) {
    const set = new Set<Word>();
    if (instruction.type === "ENV" || instruction.type === "LABEL") for (const p of instruction.pairs) set.add(p.key).add(p.value);
    else if (instruction.type === "ARG") for (const d of instruction.declarations) addWord(set, d.defaultValue);
    else if (instruction.type === "COPY" || instruction.type === "ADD") {
      for (const w of instruction.sources) set.add(w);
      addWord(set, instruction.destination);
    }
    else if (instruction.type === "VOLUME") for (const w of instruction.paths) set.add(w);
    expandedWords.set(instruction, set);
    words = set;
  }
  return words;
}

function addWord(set: Set<Word>, word: Word | undefined): void {
  if (word !== undefined) set.add(word);
}

function isImageWord(from: Instruction & { type: "FROM" }, word: Word): boolean {
  const image = from.image!;
  return word === image.path || word === image.registry || word === image.tag || word === image.digest || from.args[0] === word;
}

function heredocSite(heredoc: Heredoc): ExpansionSite {
  return heredoc.expand ? { scope: "stage", mode: "heredoc", text: heredoc.content } : undefined;
}
