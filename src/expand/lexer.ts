/**
 * BuildKit's shell-word lexer (`frontend/dockerfile/shell/lex.go`): quote and escape removal,
 * `$VAR` / `${VAR…}` expansion, and word splitting, with BuildKit's exact results and error
 * messages.
 *
 * @packageDocumentation
 */

import type { EnvLookup } from "./env.js";
import { isGoSpace } from "../../grammar/dockerfile/chars.js";
import { goQuote } from "../../grammar/dockerfile/go-quote.js";
import { compareGoStrings, isGoDigit, isGoLetter } from "./go-unicode.js";
import { replacePattern, trimPatternPrefix, trimPatternSuffix, type PatternOpResult } from "./shell-pattern.js";
import { WordSplitter } from "./word-splitter.js";

/**
 * Lexer settings; they mirror the fields of BuildKit's `shell.Lex`.
 *
 * @example
 * ```ts
 * // A Dockerfile with the backtick escape directive: backslashes are ordinary characters.
 * processWord("C:\\app\\$NAME", envFrom({ NAME: "x" }), { escapeToken: "`" }); // value "C:\\app\\x"
 * ```
 */
export interface LexOptions {
  /** The escape character: the Dockerfile's escape directive. Default `\`. */
  escapeToken?: "\\" | "`";
  /** Keep quote characters in the output (quotes still group words). */
  rawQuotes?: boolean;
  /** Keep escape characters in the output (they still escape). */
  rawEscapes?: boolean;
  /** Leave references to unset variables as they are written (`$X`, `${X:-d}`). */
  skipUnsetEnv?: boolean;
  /** Treat `'` and `"` as ordinary characters (BuildKit expands heredoc bodies this way). */
  skipProcessQuotes?: boolean;
}

/**
 * The result of {@link processWord}. `matched`/`unmatched` are sorted and deduplicated.
 *
 * @example
 * ```ts
 * const r: WordResult = processWord("${A:-$B}", envFrom({ B: "b" }));
 * // { ok: true, value: "b", matched: ["B"], unmatched: ["A"] }
 * ```
 */
export type WordResult =
  | { ok: true; value: string; matched: string[]; unmatched: string[] }
  | { ok: false; error: string };

/**
 * The result of {@link processWords}. `matched`/`unmatched` are sorted and deduplicated.
 *
 * @example
 * ```ts
 * const r: WordsResult = processWords("80 $PORTS", envFrom({ PORTS: "443 8080" }));
 * // { ok: true, words: ["80", "443", "8080"], matched: ["PORTS"], unmatched: [] }
 * ```
 */
export type WordsResult =
  | { ok: true; words: string[]; matched: string[]; unmatched: string[] }
  | { ok: false; error: string };

const EOF = -1;
const DOLLAR = 0x24;
const SINGLE_QUOTE = 0x27;
const DOUBLE_QUOTE = 0x22;
const OPEN_BRACE = 0x7b;
const CLOSE_BRACE = 0x7d;
const COLON = 0x3a;
const SLASH = 0x2f;
const UNDERSCORE = 0x5f;
const PLUS = 0x2b;
const MINUS = 0x2d;
const QUESTION = 0x3f;
const HASH = 0x23;
const PERCENT = 0x25;
const BOM = 0xfeff;
/**
 * How deeply `${A:-${B:-…}}` may nest. BuildKit has no limit (Go stacks grow); this one keeps the
 * recursion far from JavaScript's stack limit. No real Dockerfile comes close.
 */
const MAX_NESTING = 200;

const BACKTICK = 0x60;
const LT = 0x3c;
/** The characters a run of plain text stops at besides `$` and the escape. */
const STOPS = [EOF, CLOSE_BRACE, SLASH, DOUBLE_QUOTE];
/** Go's white space (`isGoSpace`) and `<`, as a character class: where word splitting may act. */
const SPLITTING = "\\t\\n\\v\\f\\r \\u0085\\u00a0\\u1680\\u2000-\\u200a\\u2028\\u2029\\u202f\\u205f\\u3000<";
/**
 * For each stop (in {@link STOPS} order), with and without word splitting, with and without quotes,
 * for each escape: the characters that end a run of plain text, as a global pattern to search from a position.
 */
const RUN_ENDS: readonly RegExp[] = STOPS.flatMap((stop) =>
  [false, true].flatMap((splitting) =>
    [false, true].flatMap((quotes) =>
      ["\\\\", "`"].map((escape) =>
        new RegExp(`[$${escape}${stop === EOF ? "" : String.fromCharCode(stop)}${quotes ? "'\"" : ""}${splitting ? SPLITTING : ""}]`, "g")),
    ),
  ),
);

/** Whether word splitting acts on an unquoted character: white space ends a word, `<` may start a heredoc operator. */
function splitsWords(cp: number): boolean {
  return cp === LT || isGoSpace(cp);
}

/** What Go's `string(rune)` gives for a rune: `EOF` (-1) becomes U+FFFD. */
function runeString(cp: number): string {
  return cp === EOF ? "\uFFFD" : String.fromCodePoint(cp);
}

/** Special parameters (`$@ $* $# $? $- $$ $! $0`): one-character names. */
const SPECIAL_PARAMS: ReadonlySet<number> = new Set(Array.from("@*#?-$!0", (c) => c.charCodeAt(0)));

/** The names looked up (with repeats), sorted and deduplicated in place. */
function sortedNames(names: string[] | undefined): string[] {
  if (names === undefined) return [];
  if (names.length < 2) return names;
  names.sort(compareGoStrings);
  let kept = 1;
  for (let i = 1; i < names.length; i++) if (names[i] !== names[kept - 1]) names[kept++] = names[i];
  names.length = kept;
  return names;
}

/**
 * One run of the lexer over one input (BuildKit's `shellWord`). Every method that can fail returns
 * `undefined` after recording why in {@link ShellWord.failure} (the text after
 * `failed to process "…": `).
 */
class ShellWord {
  private pos: number;
  private readonly escape: number;
  private rawEscapes: boolean;
  private words: WordSplitter | undefined;
  private depth = 0;
  failure: string | undefined;
  /** The names looked up and set, in lookup order, with repeats (an array is cheaper than a set for the usual one or two). */
  matched: string[] | undefined;
  /** The names looked up and unset, likewise. */
  unmatched: string[] | undefined;

  constructor(
    private readonly src: string,
    private readonly env: ValueSource,
    private readonly options: LexOptions,
  ) {
    // Go's text/scanner skips a byte order mark at the very start.
    this.pos = src.codePointAt(0) === BOM ? 1 : 0;
    this.escape = (options.escapeToken ?? "\\").charCodeAt(0);
    this.rawEscapes = options.rawEscapes === true;
  }

  private peek(): number {
    return this.pos < this.src.length ? (this.src.codePointAt(this.pos) ?? EOF) : EOF;
  }

  private next(): number {
    const cp = this.peek();
    if (cp !== EOF) this.pos += cp > 0xffff ? 2 : 1;
    return cp;
  }

  private fail(cause: string): undefined {
    this.failure = cause;
    return undefined;
  }

  /** The whole input; `words` collects the split words when given. */
  run(words: WordSplitter | undefined): string | undefined {
    this.words = words;
    return this.processStopOn(EOF, this.rawEscapes);
  }

  /** Process up to `stop` (consumed) or the end of input; `stop` = EOF means the whole input. */
  private processStopOn(stop: number, rawEscapes: boolean): string | undefined {
    const nested = stop !== EOF;
    if (nested && ++this.depth > MAX_NESTING) return this.fail(`expansion nested more than ${MAX_NESTING} levels deep`);
    const saved = this.rawEscapes;
    this.rawEscapes = rawEscapes;
    const result = this.processUntil(stop, nested ? undefined : this.words);
    this.rawEscapes = saved;
    if (nested) this.depth--;
    // BuildKit shares one word buffer between the outer call and the nested ones inside `${…}`,
    // and each nested call empties it: the text of the outer word so far is dropped.
    if (nested && result !== undefined) this.words?.discardPendingText();
    return result;
  }

  private processUntil(stop: number, words: WordSplitter | undefined): string | undefined {
    const quotes = this.options.skipProcessQuotes !== true;
    let result = "";
    for (let ch = this.peek(); ch !== EOF; ch = this.peek()) {
      if (stop !== EOF && ch === stop) {
        this.next();
        return result;
      }
      if (ch === DOLLAR) {
        const value = this.processDollar();
        if (value === undefined) return undefined;
        result += value;
        words?.addString(value);
      } else if (quotes && (ch === SINGLE_QUOTE || ch === DOUBLE_QUOTE)) {
        const value = ch === SINGLE_QUOTE ? this.processSingleQuote() : this.processDoubleQuote();
        if (value === undefined) return undefined;
        result += value;
        words?.addRawString(value);
      } else if (ch !== this.escape && (words === undefined || !splitsWords(ch))) {
        // A run of ordinary characters is copied as it is; when splitting words, a run without
        // white space or `<` joins the current word as quoted text would.
        const end = this.plainRunEnd(stop, quotes, words !== undefined);
        const text = this.src.slice(this.pos, end);
        result += text;
        words?.addRawString(text);
        this.pos = end;
      } else {
        ch = this.next();
        if (ch === this.escape) {
          if (this.rawEscapes) {
            words?.addRawChar(ch);
            result += runeString(ch);
          }
          // The escape takes the next character literally; a trailing escape is dropped.
          ch = this.next();
          if (ch === EOF) break;
          words?.addRawChar(ch);
        } else {
          words?.addChar(ch);
        }
        result += runeString(ch);
      }
    }
    if (stop !== EOF) return this.fail(`unexpected end of statement while looking for matching ${runeString(stop)}`);
    return result;
  }

  /**
   * The end of the run of characters from the current position that are not `$`, the escape,
   * `stop`, (when `quotes`) a quote or (when `splitting`) white space or `<`.
   */
  private plainRunEnd(stop: number, quotes: boolean, splitting: boolean): number {
    // A regular expression reads a slice of the source faster than a loop over its characters.
    const pattern = RUN_ENDS[(this.escape === BACKTICK ? 1 : 0) + (quotes ? 2 : 0) + (splitting ? 4 : 0) + 8 * STOPS.indexOf(stop)];
    pattern.lastIndex = this.pos;
    // Every character the pattern stops at is one UTF-16 unit long.
    return pattern.test(this.src) ? pattern.lastIndex - 1 : this.src.length;
  }

  private processSingleQuote(): string | undefined {
    const raw = this.options.rawQuotes === true;
    const start = this.pos + 1;
    const close = this.src.indexOf("'", start);
    if (close < 0) {
      this.pos = this.src.length;
      return this.fail("unexpected end of statement while looking for matching single-quote");
    }
    this.pos = close + 1;
    const text = this.src.slice(start, close);
    return raw ? "'" + text + "'" : text;
  }

  private processDoubleQuote(): string | undefined {
    const raw = this.options.rawQuotes === true;
    this.next();
    let result = raw ? '"' : "";
    for (;;) {
      const peeked = this.peek();
      if (peeked === EOF) return this.fail("unexpected end of statement while looking for matching double-quote");
      if (peeked === DOUBLE_QUOTE) {
        this.next();
        return raw ? result + '"' : result;
      }
      if (peeked === DOLLAR) {
        const value = this.processDollar();
        if (value === undefined) return undefined;
        result += value;
        continue;
      }
      if (peeked !== this.escape) {
        const end = this.plainRunEnd(DOUBLE_QUOTE, false, false);
        result += this.src.slice(this.pos, end);
        this.pos = end;
        continue;
      }
      this.next();
      if (this.rawEscapes) result += runeString(this.escape);
      const after = this.peek();
      // A trailing escape is ignored; the loop then reports the missing quote.
      if (after === EOF) continue;
      // Inside double quotes the escape only escapes `"`, `$` and itself; otherwise it is kept.
      const escaped = after === DOUBLE_QUOTE || after === DOLLAR || after === this.escape;
      result += runeString(escaped ? this.next() : this.escape);
    }
  }

  private lookup(name: string): string | undefined {
    const value = this.env.get(name);
    if (value !== undefined) (this.matched ??= []).push(name);
    else (this.unmatched ??= []).push(name);
    return value;
  }

  private processDollar(): string | undefined {
    this.next();
    if (this.peek() !== OPEN_BRACE) {
      const name = this.processName();
      if (name === "") return "$";
      const value = this.lookup(name);
      if (value === undefined && this.options.skipUnsetEnv === true) return "$" + name;
      return value ?? "";
    }
    this.next();
    const first = this.peek();
    if (first === EOF) return this.fail("syntax error: missing '}'");
    if (first === OPEN_BRACE || first === CLOSE_BRACE || first === COLON) return this.fail("syntax error: bad substitution");
    const name = this.processName();
    const ch = this.next();
    if (ch === CLOSE_BRACE) {
      const value = this.lookup(name);
      if (value === undefined && this.options.skipUnsetEnv === true) return "${" + name + "}";
      return value ?? "";
    }
    if (ch === COLON || ch === PLUS || ch === MINUS || ch === QUESTION || ch === HASH || ch === PERCENT) {
      return this.processModifier(name, ch);
    }
    if (ch === SLASH) return this.processReplacement(name);
    return this.fail(`unsupported modifier (${runeString(ch)}) in substitution`);
  }

  /** `${name:…}`, `${name-…}`, `${name+…}`, `${name?…}`, `${name#…}`, `${name%…}`. */
  private processModifier(name: string, first: number): string | undefined {
    let modifier = first;
    let spelled = runeString(first);
    const nullIsUnset = first === COLON;
    if (nullIsUnset) {
      modifier = this.next();
      spelled += runeString(modifier);
    }
    const isTrim = modifier === HASH || modifier === PERCENT;
    if (nullIsUnset && isTrim) return this.fail(`unsupported modifier (${spelled}) in substitution`);
    let word = this.processStopOn(CLOSE_BRACE, isTrim);
    if (word === undefined) return this.missingCloser("syntax error: missing '}'");

    const value = this.lookup(name);
    if (value === undefined && this.options.skipUnsetEnv === true) return "${" + name + spelled + word + "}";
    const empty = value === undefined || (nullIsUnset && value === "");
    switch (modifier) {
      case MINUS:
        return empty ? word : value;
      case PLUS:
        return empty ? "" : word;
      case QUESTION:
        if (value === undefined) return this.fail(`${name}: ${word !== "" ? word : "is not allowed to be unset"}`);
        if (empty) return this.fail(`${name}: ${word !== "" ? word : "is not allowed to be empty"}`);
        return value;
      case HASH:
      case PERCENT: {
        const mark = runeString(modifier);
        const greedy = word.startsWith(mark);
        if (greedy) word = word.slice(1);
        const current = value ?? "";
        return this.patternResult(modifier === PERCENT ? trimPatternSuffix(word, current, greedy) : trimPatternPrefix(word, current, greedy));
      }
      default:
        return this.fail(`unsupported modifier (${spelled}) in substitution`);
    }
  }

  /** `${name/pattern/replacement}` and `${name//pattern/replacement}`. */
  private processReplacement(name: string): string | undefined {
    const all = this.peek() === SLASH;
    if (all) this.next();
    const pattern = this.processStopOn(SLASH, true);
    if (pattern === undefined) return this.missingCloser("syntax error: missing '/' in ${}");
    const replacement = this.processStopOn(CLOSE_BRACE, true);
    if (replacement === undefined) return this.missingCloser("syntax error: missing '}'");
    const value = this.lookup(name);
    if (value === undefined && this.options.skipUnsetEnv === true) return "${" + name + "/" + pattern + "/" + replacement + "}";
    return this.patternResult(replacePattern(pattern, value ?? "", replacement, all));
  }

  /** A nested part failed: at the end of input BuildKit reports the missing closer instead. */
  private missingCloser(cause: string): undefined {
    return this.peek() === EOF ? this.fail(cause) : undefined;
  }

  private patternResult(result: PatternOpResult): string | undefined {
    return result.ok ? result.value : this.fail(result.error);
  }

  /**
   * A name: letters, digits and `_`; or all leading digits; or one special parameter. The name is
   * the source text it spans (each rune read is the same text).
   */
  private processName(): string {
    const start = this.pos;
    const first = this.peek();
    if (isGoDigit(first)) {
      while (isGoDigit(this.peek())) this.next();
    } else if (SPECIAL_PARAMS.has(first)) {
      this.next();
    } else {
      for (let ch = first; isGoLetter(ch) || isGoDigit(ch) || ch === UNDERSCORE; ch = this.peek()) this.next();
    }
    return this.src.slice(start, this.pos);
  }
}

/**
 * True when the lexer would do more than copy `input`: it has a `$`, the escape character, a quote
 * (unless quotes are skipped) or a leading byte order mark. Otherwise {@link processWord} gives
 * `input` back as it is, with no variables.
 *
 * @example
 * ```ts
 * needsLexing("/usr/local/bin", {});    // false
 * needsLexing("$HOME/bin", {});         // true
 * needsLexing("'a'", { skipProcessQuotes: true }); // false
 * ```
 */
export function needsLexing(input: string, options: LexOptions): boolean {
  const backtick = options.escapeToken === "`";
  const special = options.skipProcessQuotes === true ? (backtick ? DOLLAR_OR_BACKTICK : DOLLAR_OR_BACKSLASH) : backtick ? SPECIAL_BACKTICK : SPECIAL_BACKSLASH;
  // A regular expression reads a slice of the source faster than a loop over its characters.
  return special.test(input) || input.charCodeAt(0) === BOM;
}

/** The characters the lexer acts on, by escape character, with and without quote processing. */
const SPECIAL_BACKSLASH = /[$\\'"]/;
const SPECIAL_BACKTICK = /[$`'"]/;
const DOLLAR_OR_BACKSLASH = /[$\\]/;
const DOLLAR_OR_BACKTICK = /[$`]/;

/**
 * Variables as an object whose `get` returns undefined for unset names (a `Map` is one): what
 * {@link processWordWith} reads, without wrapping each lookup in a function.
 *
 * @example
 * ```ts
 * const vars: ValueSource = new Map([["HOME", "/root"]]);
 * ```
 */
export interface ValueSource {
  /** The value of `name`; undefined when it is unset. */
  get(name: string): string | undefined;
}

type LexResult = { ok: true; value: string; matched: string[]; unmatched: string[] } | { ok: false; error: string };

function lex(input: string, env: ValueSource, options: LexOptions, words: WordSplitter | undefined): LexResult {
  const word = new ShellWord(input, env, options);
  const value = word.run(words);
  if (value === undefined) {
    return { ok: false, error: `failed to process ${goQuote(input)}: ${word.failure ?? ""}` };
  }
  return { ok: true, value, matched: sortedNames(word.matched), unmatched: sortedNames(word.unmatched) };
}

/**
 * Expand one word as BuildKit's `ProcessWordWithMatches` does: quotes and escapes are removed and
 * variables expanded, with no word splitting. `matched` lists the variables that were looked up
 * and set, `unmatched` those looked up and unset (even inside an unused `${X:-…}` default).
 *
 * @param input - The text to expand.
 * @param env - The variables in scope.
 * @param options - Escape token and raw/skip flags; defaults match a Dockerfile without directives.
 * @returns The expanded value, or BuildKit's error (`failed to process "<input>": <cause>`).
 *
 * @example
 * ```ts
 * processWord("${X%%b*}-$Y", envFrom({ X: "abcab" }));
 * // { ok: true, value: "a-", matched: ["X"], unmatched: ["Y"] }
 * processWord("${X", envFrom({}));
 * // { ok: false, error: 'failed to process "${X": unsupported modifier (\uFFFD) in substitution' }
 * ```
 */
export function processWord(input: string, env: EnvLookup, options: LexOptions = {}): WordResult {
  if (!needsLexing(input, options)) return { ok: true, value: input, matched: [], unmatched: [] };
  return lex(input, { get: env }, options, undefined);
}

/**
 * {@link processWord} over a {@link ValueSource} instead of a lookup function, for callers that
 * already hold one (a scope, a map) and have checked {@link needsLexing}: it always runs the lexer.
 *
 * @example
 * ```ts
 * processWordWith("$A/b", new Map([["A", "x"]]), {}); // { ok: true, value: "x/b", matched: ["A"], unmatched: [] }
 * ```
 */
export function processWordWith(input: string, vars: ValueSource, options: LexOptions): WordResult {
  return lex(input, vars, options, undefined);
}

/**
 * Expand and split into words as BuildKit's `ProcessWords` does: whitespace outside quotes
 * separates words, including whitespace that comes out of an unquoted variable. `<<` followed by
 * spaces, tabs or carriage returns keeps them in the same word (`<< EOF` is one word), which is
 * how BuildKit finds heredocs written with a space.
 *
 * @param input - The text to expand and split.
 * @param env - The variables in scope.
 * @param options - As for {@link processWord}.
 * @returns The words, or BuildKit's error message.
 *
 * @example
 * ```ts
 * processWords('x${SP}y "$SP"', envFrom({ SP: "a  b" }));
 * // { ok: true, words: ["xa", "by", "a  b"], matched: ["SP"], unmatched: [] }
 * ```
 */
export function processWords(input: string, env: EnvLookup, options: LexOptions = {}): WordsResult {
  return processWordsWith(input, { get: env }, options);
}

/**
 * {@link processWords} over a {@link ValueSource} instead of a lookup function.
 *
 * @example
 * ```ts
 * processWordsWith("$P 1", new Map([["P", "80 443"]]), {}).words; // ["80", "443", "1"]
 * ```
 */
export function processWordsWith(input: string, vars: ValueSource, options: LexOptions): WordsResult {
  if (!needsLexing(input, options) && !input.includes("<<")) {
    return { ok: true, words: splitOnGoSpace(input), matched: [], unmatched: [] };
  }
  const splitter = new WordSplitter();
  const result = lex(input, vars, options, splitter);
  if (!result.ok) return result;
  return { ok: true, words: splitter.finish(), matched: result.matched, unmatched: result.unmatched };
}

/** Split plain text (no quotes, escapes, `$` or `<<`) on runs of Go whitespace (all in the BMP). */
function splitOnGoSpace(input: string): string[] {
  const words: string[] = [];
  let start = -1;
  for (let i = 0; i < input.length; i++) {
    if (isGoSpace(input.charCodeAt(i))) {
      if (start >= 0) words.push(input.slice(start, i));
      start = -1;
    } else if (start < 0) start = i;
  }
  if (start >= 0) words.push(input.slice(start));
  return words;
}
