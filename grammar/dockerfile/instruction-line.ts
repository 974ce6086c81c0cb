/**
 * BuildKit's line parsers (`split_command.go`, `line_parsers.go`), applied to one logical line.
 * Every piece comes back with its offsets in that line, so the AST builder can map it to the source.
 */
import { isGoSpace, isSplitSpace, skipGoSpace, trimGoSpaceEnd } from "./chars.js";
import { goQuote } from "./go-quote.js";
import { scanJsonStringArray } from "./json-array.js";

/** A piece of the logical line: `[start, end)` in line offsets, and its value. */
export interface LinePiece {
  readonly start: number;
  readonly end: number;
  readonly value: string;
}

/** A flag as BuildKit extracts it. */
export interface LineFlag extends LinePiece {
  /** Line offset of the `=` that separates name and value, or -1. */
  readonly equalsAt: number;
}

/** How BuildKit parses an instruction's arguments. */
export type ArgumentStyle =
  | "json-or-string" // RUN CMD ENTRYPOINT SHELL
  | "json-or-split" // ADD COPY VOLUME
  | "split" // FROM EXPOSE
  | "words" // ARG
  | "name-value" // ENV LABEL
  | "string" // MAINTAINER STOPSIGNAL USER WORKDIR
  | "healthcheck"
  | "subcommand" // ONBUILD
  | "ignore"; // unknown instructions

/** The instruction keywords BuildKit knows, upper case, and how it parses their arguments. */
const KEYWORD_STYLES = {
  ADD: "json-or-split",
  ARG: "words",
  CMD: "json-or-string",
  COPY: "json-or-split",
  ENTRYPOINT: "json-or-string",
  ENV: "name-value",
  EXPOSE: "split",
  FROM: "split",
  HEALTHCHECK: "healthcheck",
  LABEL: "name-value",
  MAINTAINER: "string",
  ONBUILD: "subcommand",
  RUN: "json-or-string",
  SHELL: "json-or-string",
  STOPSIGNAL: "string",
  USER: "string",
  VOLUME: "json-or-split",
  WORKDIR: "string",
} satisfies Record<string, ArgumentStyle>;

/** An instruction keyword BuildKit knows, upper case. */
export type KnownKeyword = keyof typeof KEYWORD_STYLES;

/** The instruction keywords BuildKit knows, upper case, in alphabetical order. */
export const KNOWN_KEYWORDS: readonly KnownKeyword[] = Object.keys(KEYWORD_STYLES) as KnownKeyword[];

/** The known keywords by length. */
const KEYWORDS_BY_LENGTH: readonly (readonly KnownKeyword[] | undefined)[] = (() => {
  const byLength: KnownKeyword[][] = [];
  for (const keyword of KNOWN_KEYWORDS) (byLength[keyword.length] ??= []).push(keyword);
  return byLength;
})();

/** The styles by lower-case keyword: BuildKit lower-cases the keyword (Unicode-wise) to find its parser. */
const LOWER_CASE_STYLES: ReadonlyMap<string, ArgumentStyle> = new Map(
  Object.entries(KEYWORD_STYLES).map(([keyword, style]) => [keyword.toLowerCase(), style]),
);

/**
 * The known keyword that `word` spells in ASCII letters of any case (as nearly every Dockerfile
 * writes it), upper case; undefined for any other word, including non-ASCII spellings that
 * Unicode case mapping would turn into a keyword.
 */
export function asciiKeyword(word: string): KnownKeyword | undefined {
  const candidates = KEYWORDS_BY_LENGTH[word.length];
  if (candidates === undefined) return undefined;
  for (const keyword of candidates) {
    let i = 0;
    while (i < word.length) {
      const c = word.charCodeAt(i);
      const upper = keyword.charCodeAt(i);
      if (c !== upper && c !== upper + 0x20) break;
      i++;
    }
    if (i === word.length) return keyword;
  }
  return undefined;
}

/** The argument style of a keyword (any case). */
export function argumentStyle(keyword: string): ArgumentStyle {
  const known = asciiKeyword(keyword);
  return known !== undefined ? KEYWORD_STYLES[known] : (LOWER_CASE_STYLES.get(keyword.toLowerCase()) ?? "ignore");
}

/** A logical line split into keyword, flags and argument text (BuildKit's `splitCommand`). */
export interface SplitLine {
  readonly keyword: LinePiece;
  readonly flags: readonly LineFlag[];
  /** The argument text, trimmed, as `[argsStart, argsEnd)`. */
  readonly argsStart: number;
  readonly argsEnd: number;
}

/** Splits `line[from, to)` into keyword, flags and arguments. */
export function splitCommand(line: string, from = 0, to = line.length): SplitLine {
  const start = skipGoSpace(line, from, to);
  const end = trimGoSpaceEnd(line, start, to);
  let k = start;
  while (k < end && !isSplitSpace(line.charCodeAt(k))) k++;
  const keyword: LinePiece = { start, end: k, value: line.slice(start, k) };
  if (k === end) return { keyword, flags: NO_FLAGS, argsStart: end, argsEnd: end };
  let restStart = k;
  while (restStart < end && isSplitSpace(line.charCodeAt(restStart))) restStart++;
  const flagsAt = skipGoSpace(line, restStart, end);
  const { flags, rest } = startsFlag(line, flagsAt, end) ? extractBuilderFlags(line, flagsAt, end) : { flags: NO_FLAGS, rest: flagsAt };
  const argsStart = skipGoSpace(line, rest, end);
  return { keyword, flags, argsStart, argsEnd: Math.max(argsStart, end) };
}

const BACKSLASH = 0x5c;
const NO_FLAGS: readonly LineFlag[] = Object.freeze([]);

/** Whether `line[at, to)` starts with `--`, the start of a flag. */
function startsFlag(line: string, at: number, to: number): boolean {
  return at + 1 < to && line.charCodeAt(at) === 0x2d && line.charCodeAt(at + 1) === 0x2d;
}

/**
 * BuildKit's `extractBuilderFlags`: leading `--words` are flags, lexed like shell words (quotes
 * removed, `\` escapes the next character everywhere); `--` ends them and is dropped; any other
 * word ends them. Returns the flags and the offset where the arguments start.
 */
function extractBuilderFlags(line: string, from: number, to: number): { flags: LineFlag[]; rest: number } {
  const flags: LineFlag[] = [];
  let pos = from;
  for (;;) {
    pos = skipGoSpace(line, pos, to);
    if (pos >= to) return { flags, rest: to };
    if (!startsFlag(line, pos, to)) return { flags, rest: pos };
    const wordStart = pos;
    let value = "";
    let equalsAt = -1;
    let blankOK = false;
    let quote = 0;
    // The value is the word without its quote and escape characters: runs of kept characters start at `kept`.
    let kept = pos;
    while (pos < to) {
      const ch = line.charCodeAt(pos);
      if (quote === 0 && isGoSpace(ch)) break;
      if (quote !== 0 && ch === quote) {
        quote = 0;
        value += line.slice(kept, pos);
        kept = ++pos;
        continue;
      }
      if (quote === 0 && (ch === 0x27 || ch === 0x22)) {
        quote = ch;
        blankOK = true;
        value += line.slice(kept, pos);
        kept = ++pos;
        continue;
      }
      if (ch === BACKSLASH) {
        value += line.slice(kept, pos);
        kept = ++pos;
        if (pos >= to) {
          quote = 0;
          continue;
        }
      }
      if (line.charCodeAt(pos) === 0x3d && equalsAt < 0) equalsAt = pos;
      pos++;
    }
    value += line.slice(kept, pos);
    if (value === "--") return { flags, rest: pos };
    if (blankOK || value.length > 0) flags.push({ start: wordStart, end: pos, value, equalsAt });
  }
}

/** Splits `line[from, to)` on runs of `[\t\v\f\r ]` (BuildKit's `parseStringsWhitespaceDelimited`). */
export function splitOnBlanks(line: string, from: number, to: number): LinePiece[] {
  const pieces: LinePiece[] = [];
  let i = from;
  while (i < to) {
    while (i < to && isSplitSpace(line.charCodeAt(i))) i++;
    if (i >= to) break;
    const s = i;
    while (i < to && !isSplitSpace(line.charCodeAt(i))) i++;
    pieces.push({ start: s, end: i, value: line.slice(s, i) });
  }
  return pieces;
}

/**
 * BuildKit's `parseWords`: words separated by whitespace outside quotes; quotes and escapes are
 * kept in the values, only an escape character at the very end is dropped.
 */
export function parseWords(line: string, from: number, to: number, escape: number): LinePiece[] {
  const words: LinePiece[] = [];
  let i = from;
  while (i < to) {
    i = skipGoSpace(line, i, to);
    if (i >= to) break;
    const s = i;
    let quote = 0;
    let droppedTrailingEscape = false;
    while (i < to) {
      const ch = line.charCodeAt(i);
      if (quote === 0) {
        if (isGoSpace(ch)) break;
        if (ch === 0x27 || ch === 0x22) quote = ch;
        else if (ch === escape) {
          if (i + 1 >= to) {
            droppedTrailingEscape = true;
            i++;
            break;
          }
          i++;
        }
      } else if (ch === quote) {
        quote = 0;
      } else if (ch === escape && quote !== 0x27) {
        if (i + 1 >= to) {
          droppedTrailingEscape = true;
          i++;
          break;
        }
        i++;
      }
      i++;
    }
    const valueEnd = droppedTrailingEscape ? i - 1 : i;
    if (valueEnd > s || droppedTrailingEscape) {
      if (valueEnd > s) words.push({ start: s, end: i, value: line.slice(s, valueEnd) });
    }
  }
  return words;
}

/** The arguments of one instruction as BuildKit's parser produces them. */
export type ParsedArguments =
  | { readonly kind: "none" }
  | {
      readonly kind: "list";
      readonly json: boolean;
      readonly args: readonly LinePiece[];
      /** For exec form: the offsets of the whole JSON array. */
      readonly start?: number;
      readonly end?: number;
    }
  | { readonly kind: "error"; readonly message: string }
  | {
      readonly kind: "name-value";
      readonly pairs: readonly { readonly key: LinePiece; readonly value: LinePiece; readonly legacy: boolean }[];
    }
  | { readonly kind: "healthcheck"; readonly type: LinePiece; readonly command: ParsedArguments }
  | { readonly kind: "subcommand"; readonly line: SplitLine; readonly args: ParsedArguments };

/** Parses `line[from, to)` (already trimmed) in the given style. */
export function parseArguments(
  style: ArgumentStyle,
  line: string,
  from: number,
  to: number,
  escape: number,
  keyword = "",
): ParsedArguments {
  switch (style) {
    case "json-or-string":
      return maybeJson(line, from, to, false);
    case "json-or-split":
      return maybeJson(line, from, to, true);
    case "split":
      return from >= to ? NONE : list(false, splitOnBlanks(line, from, to));
    case "words": {
      const args = parseWords(line, from, to, escape);
      return args.length === 0 ? NONE : list(false, args);
    }
    case "string":
      return from >= to ? NONE : list(false, [piece(line, from, to)]);
    case "name-value":
      return nameValue(line, from, to, escape, asciiKeyword(keyword) === "LABEL" ? "LABEL" : "ENV");
    case "healthcheck":
      return healthcheck(line, from, to);
    case "subcommand": {
      if (from >= to) return NONE;
      const sub = splitCommand(line, from, to);
      const args = parseArguments(argumentStyle(sub.keyword.value), line, sub.argsStart, sub.argsEnd, escape, sub.keyword.value);
      return args.kind === "error" ? args : { kind: "subcommand", line: sub, args };
    }
    case "ignore":
      return list(false, [{ start: to, end: to, value: "" }]);
  }
}

/** No arguments (one object for all). */
const NONE: ParsedArguments = Object.freeze({ kind: "none" });

/** An argument list; every list has the same fields, so that reading them stays monomorphic. */
function list(json: boolean, args: readonly LinePiece[], start?: number, end?: number): ParsedArguments {
  return { kind: "list", json, args, start, end };
}

function piece(line: string, start: number, end: number): LinePiece {
  return { start, end, value: line.slice(start, end) };
}

function maybeJson(line: string, from: number, to: number, splitFallback: boolean): ParsedArguments {
  if (from >= to) return NONE;
  if (line.charCodeAt(from) === 0x5b) {
    const scanned = scanJsonStringArray(line, from, to);
    if (scanned.kind === "array") return list(true, scanned.elements, from, to);
    if (scanned.kind === "non-string") {
      return { kind: "error", message: "when using JSON array syntax, arrays must be comprised of strings only" };
    }
  }
  if (splitFallback) return list(false, splitOnBlanks(line, from, to));
  return list(false, [piece(line, from, to)]);
}

function nameValue(line: string, from: number, to: number, escape: number, keyword: "ENV" | "LABEL"): ParsedArguments {
  const words = parseWords(line, from, to, escape);
  if (words.length === 0) return NONE;
  if (!words[0].value.includes("=")) {
    let k = from;
    while (k < to && !isSplitSpace(line.charCodeAt(k))) k++;
    if (k >= to) return { kind: "error", message: `${keyword} must have two arguments` };
    let v = k;
    while (v < to && isSplitSpace(line.charCodeAt(v))) v++;
    return { kind: "name-value", pairs: [{ key: piece(line, from, k), value: piece(line, v, to), legacy: true }] };
  }
  const pairs = [];
  for (const word of words) {
    const eq = word.value.indexOf("=");
    if (eq < 0) {
      return {
        kind: "error",
        message: `Syntax error - can't find = in ${goQuote(word.value)}. Must be of the form: name=value`,
      };
    }
    const key = { start: word.start, end: word.start + eq, value: word.value.slice(0, eq) };
    const value = { start: word.start + eq + 1, end: word.end, value: word.value.slice(eq + 1) };
    pairs.push({ key, value, legacy: false });
  }
  return { kind: "name-value", pairs };
}

function healthcheck(line: string, from: number, to: number): ParsedArguments {
  let sep = from;
  while (sep < to && !isGoSpace(line.charCodeAt(sep))) sep++;
  if (sep === from) return NONE;
  const next = skipGoSpace(line, sep, to);
  const command = maybeJson(line, next, to, false);
  if (command.kind === "error") return command;
  return { kind: "healthcheck", type: piece(line, from, sep), command };
}
