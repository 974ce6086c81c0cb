/**
 * Variable expansion as BuildKit applies it: which words of which instructions it expands
 * (BuildKit's §10.1 table), with which lexer mode, and what the result depends on.
 *
 * @packageDocumentation
 */
import type { Dockerfile, Heredoc, Instruction, Word } from "../ast/nodes.js";
import { processWord, processWords, type LexOptions } from "../expand/index.js";

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
  const lookup = (name: string): string | undefined => vars.get(name);
  const options: LexOptions = mode === "heredoc" ? { escapeToken: "\\", skipProcessQuotes: true } : { escapeToken: escape };
  if (mode === "words") {
    const result = processWords(text, lookup, options);
    if (!result.ok) return failed(text, result.error);
    return { value: result.words.join(" "), words: result.words, unresolved: unknowns(result.unmatched, vars), matched: result.matched, expanded: true };
  }
  const result = processWord(text, lookup, options);
  if (!result.ok) return failed(text, result.error);
  return { value: result.value, unresolved: unknowns(result.unmatched, vars), matched: result.matched, expanded: true };
}

function unknowns(unmatched: string[], vars: ValueLookup): string[] {
  return vars.isUnset === undefined ? unmatched : unmatched.filter((name) => !vars.isUnset!(name));
}

function failed(text: string, error: string): Expansion {
  return { value: text, unresolved: [], matched: [], expanded: true, error };
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
  return { value: text, unresolved: [], matched: [], expanded: false };
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
  const flag = instruction.flags.find((f) => f.value === word);
  if (flag !== undefined) {
    if (instruction.type === "FROM") return flag.name.value === "platform" ? GLOBAL : undefined;
    return EXPANDED_FLAGS[instruction.type]?.includes(flag.name.value) === true ? WORD : undefined;
  }
  switch (instruction.type) {
    case "FROM":
      return instruction.image !== undefined && isImageWord(instruction, word) ? GLOBAL : undefined;
    case "ENV":
    case "LABEL":
    case "ARG":
      return expandedWordsOf(instruction).has(word) ? WORD : undefined;
    case "COPY":
    case "ADD":
      if (instruction.heredocs.some((h) => h.body === word)) return heredocSite(instruction.heredocs, word);
      return expandedWordsOf(instruction).has(word) ? WORD : undefined;
    case "WORKDIR":
    case "USER":
    case "STOPSIGNAL":
      return instruction.value === word ? WORD : undefined;
    case "VOLUME":
      return expandedWordsOf(instruction).has(word) ? WORD : undefined;
    case "EXPOSE":
      return instruction.ports.some((p) => p.port === word) || instruction.args.includes(word) ? { scope: "stage", mode: "words" } : undefined;
    default:
      return undefined;
  }
}

const expandedWords = new WeakMap<Instruction, ReadonlySet<Word>>();

/** The words of an ENV, LABEL, ARG, COPY, ADD or VOLUME that BuildKit expands, as a set built once per instruction. */
function expandedWordsOf(instruction: Instruction): ReadonlySet<Word> {
  let words = expandedWords.get(instruction);
  if (words === undefined) {
    const list: (Word | undefined)[] = [];
    if (instruction.type === "ENV" || instruction.type === "LABEL") for (const p of instruction.pairs) list.push(p.key, p.value);
    else if (instruction.type === "ARG") for (const d of instruction.declarations) list.push(d.defaultValue);
    else if (instruction.type === "COPY" || instruction.type === "ADD") list.push(...instruction.sources, instruction.destination);
    else if (instruction.type === "VOLUME") list.push(...instruction.paths);
    words = new Set(list.filter((w): w is Word => w !== undefined));
    expandedWords.set(instruction, words);
  }
  return words;
}

function isImageWord(from: Instruction & { type: "FROM" }, word: Word): boolean {
  const image = from.image!;
  return word === image.path || word === image.registry || word === image.tag || word === image.digest || from.args[0] === word;
}

function heredocSite(heredocs: readonly Heredoc[], word: Word): ExpansionSite {
  const heredoc = heredocs.find((h) => h.body === word);
  return heredoc?.expand === true ? { scope: "stage", mode: "heredoc", text: heredoc.content } : undefined;
}
