/**
 * The Dockerfile lexer: a chevrotain lexer whose tokens are physical lines, classified as
 * BuildKit's line scanner classifies them.
 *
 * The syntax is context-sensitive in three places, handled with custom token patterns that share
 * one {@link LexState} per run (chevrotain calls patterns in order, so the state is consistent):
 * - the parser-directive block at the top (`# syntax=`, `# escape=`, `# check=`), which ends at the
 *   first line that is not a known directive, and the escape character it may set;
 * - line continuations, whose character is the escape character;
 * - here-document bodies, which follow an instruction line that declares them and are raw text.
 *
 * Every token except {@link HeredocBody} is exactly one physical line including its `\n`, so the
 * token images add up to the input and the parser can rebuild it byte for byte.
 *
 * The patterns run under two drivers that give the same tokens: chevrotain's lexer
 * ({@link lexDockerfile}, the reference) and a plain loop ({@link lexDockerfileFast}, which `parse`
 * uses: chevrotain's engine costs more than classifying the lines).
 */
import { createToken, Lexer, type CustomPatternMatcherReturn, type ICustomPattern, type IToken, type TokenType } from "chevrotain";
import { CR, HASH, LF, isGoSpace } from "./chars.js";
import { detectHeredocs, type HeredocSpec } from "./heredoc-detect.js";

/** Names of the parser directives BuildKit knows; any other name ends the directive block. */
const KNOWN_DIRECTIVES = new Set(["syntax", "escape", "check"]);
/** Go's ASCII `\s` class: `[\t\n\f\r ]`. */
function isRe2Space(c: number): boolean {
  return c === 0x20 || c === 0x09 || c === 0x0a || c === 0x0c || c === 0x0d;
}

/**
 * BuildKit's `reDirectives` (`^#\s*([a-zA-Z][a-zA-Z0-9]*)\s*=\s*(.+?)\s*$`) by hand, which keeps
 * it linear: the name and the value with its offset in `line`, or undefined.
 */
function matchDirective(line: string): { name: string; nameAt: number; value: string; valueAt: number } | undefined {
  if (line.charCodeAt(0) !== HASH) return undefined;
  let i = 1;
  while (i < line.length && isRe2Space(line.charCodeAt(i))) i++;
  const nameAt = i;
  if (!/[a-zA-Z]/.test(line[i] ?? "")) return undefined;
  while (i < line.length && /[a-zA-Z0-9]/.test(line[i])) i++;
  const name = line.slice(nameAt, i);
  while (i < line.length && isRe2Space(line.charCodeAt(i))) i++;
  if (line[i] !== "=") return undefined;
  i++;
  if (i >= line.length) return undefined;
  let valueAt = i;
  while (valueAt < line.length - 1 && isRe2Space(line.charCodeAt(valueAt))) valueAt++;
  let end = line.length;
  while (end > valueAt + 1 && isRe2Space(line.charCodeAt(end - 1))) end--;
  return { name, nameAt, value: line.slice(valueAt, end), valueAt };
}

/** What a directive line holds. */
export interface DirectivePayload {
  readonly name: string;
  readonly nameStart: number;
  readonly value: string;
  readonly valueStart: number;
  /** BuildKit's error for this line (duplicate directive, invalid escape token), if any. */
  readonly error?: string;
}

/** What the last line of a logical instruction holds. */
export interface TextLinePayload {
  /** End of the line content (before trailing `\r` and `\n`). */
  readonly contentEnd: number;
  /** The here-documents the logical line declares (BuildKit's `heredocsFromLine`), in order. */
  readonly heredocs: readonly HeredocSpec[];
  /** The logical line as BuildKit joins it, when it declares heredocs (for their offsets). */
  readonly joined?: string;
}

/** What a here-document body token holds. */
export interface HeredocBodyPayload {
  readonly spec: HeredocSpec;
  /** Offset where the terminator line starts (= end of the body); the token end when unterminated. */
  readonly bodyEnd: number;
  /** End of the terminator line's content (before `\r`/`\n`); undefined when unterminated. */
  readonly terminatorEnd: number | undefined;
}

interface LexState {
  escape: number;
  directivesOpen: boolean;
  seenDirectives: Set<string>;
  /** Content pieces of the logical line being continued: `[start, end)` offset pairs, `logicalLength` numbers long. */
  logical: number[];
  logicalLength: number;
  logicalHasHeredocMarker: boolean;
  /** Offset of the next `<` at or after the current line (-1: none), so that each line need not be searched. */
  nextLessThan: number;
  pendingHeredocs: HeredocSpec[];
  /**
   * The physical line at {@link LineScan.start}: chevrotain tries the line patterns in turn at
   * the same offset, and they all need its bounds, so they are scanned once per line.
   */
  line: LineScan;
  /** Where each line starts: 0, then after every `\n` (every line end is found once, in order). */
  lineStarts: number[];
}

/** The bounds of one physical line. */
interface LineScan {
  start: number;
  /** After the line's `\n` (or the end of the text). */
  end: number;
  /** Before trailing `\r` and `\n`. */
  contentEnd: number;
  /** The first character that is not Go whitespace (`contentEnd` when there is none). */
  firstNonSpace: number;
}

let state: LexState = freshState();

function freshState(): LexState {
  return {
    escape: 0x5c,
    directivesOpen: true,
    seenDirectives: new Set(),
    logical: [],
    logicalLength: 0,
    logicalHasHeredocMarker: false,
    nextLessThan: 0,
    pendingHeredocs: [],
    line: { start: -1, end: 0, contentEnd: 0, firstNonSpace: 0 },
    lineStarts: [0],
  };
}

/** The bounds of the physical line starting at `offset` (scanned once per line). */
function scanLine(text: string, offset: number): LineScan {
  const line = state.line;
  if (line.start !== offset) {
    line.start = offset;
    line.end = lineEnd(text, offset);
    line.contentEnd = contentEndOf(text, offset, line.end);
    line.firstNonSpace = firstNonSpace(text, offset, line.contentEnd);
  }
  return line;
}

/** The end of the line starting at `offset`, after its `\n` (noted in {@link LexState.lineStarts}) or at the end of the text. */
function lineEnd(text: string, offset: number): number {
  const i = text.indexOf("\n", offset);
  if (i < 0) return text.length;
  state.lineStarts.push(i + 1);
  return i + 1;
}

/** End of the content of the line `[start, end)`: before trailing `\r` and `\n` (Go `TrimRight(line, "\r\n")`). */
function contentEndOf(text: string, start: number, end: number): number {
  let e = end;
  while (e > start) {
    const c = text.charCodeAt(e - 1);
    if (c !== LF && c !== CR) break;
    e--;
  }
  return e;
}

function firstNonSpace(text: string, start: number, end: number): number {
  let i = start;
  while (i < end && isGoSpace(text.charCodeAt(i))) i++;
  return i;
}

/** The match result every pattern refills: chevrotain reads it at once and keeps neither it nor the array. */
const result: CustomPatternMatcherReturn & { payload: unknown } = Object.assign([""] as [string], { payload: undefined as unknown });

function match(image: string, payload?: unknown): CustomPatternMatcherReturn {
  result[0] = image;
  result.payload = payload;
  return result;
}

function atLineStart(text: string, offset: number): boolean {
  return offset === 0 || text.charCodeAt(offset - 1) === LF || (offset === 1 && text.charCodeAt(0) === 0xfeff);
}

/** A directive line of the leading block (only while the block is open). */
export const Directive = createToken({
  name: "Directive",
  line_breaks: true,
  pattern: {
    exec(text: string, offset: number) {
      if (!state.directivesOpen) return null;
      const { end, contentEnd, firstNonSpace: start } = scanLine(text, offset);
      const m = matchDirective(text.slice(start, contentEnd));
      const name = m?.name.toLowerCase();
      if (m === undefined || name === undefined || !KNOWN_DIRECTIVES.has(name)) {
        state.directivesOpen = false;
        return null;
      }
      const nameStart = start + m.nameAt;
      const valueStart = start + m.valueAt;
      let error: string | undefined;
      if (state.seenDirectives.has(name)) {
        error = `only one ${name} parser directive can be used`;
      } else {
        state.seenDirectives.add(name);
        if (name === "escape") {
          if (m.value === "`" || m.value === "\\") state.escape = m.value.charCodeAt(0);
          else error = `invalid escape token '${m.value}' does not match \` or \\`;
        }
      }
      const payload: DirectivePayload = { name: m.name, nameStart, value: m.value, valueStart, error };
      return match(text.slice(offset, end), payload);
    },
  },
});

/** A here-document body: raw lines up to and including the terminator line. */
export const HeredocBody = createToken({
  name: "HeredocBody",
  line_breaks: true,
  pattern: {
    exec(text: string, offset: number) {
      const spec = state.pendingHeredocs[0];
      if (spec === undefined || !atLineStart(text, offset)) return null;
      state.pendingHeredocs.shift();
      let lineStart = offset;
      while (lineStart < text.length) {
        const end = lineEnd(text, lineStart);
        const contentEnd = contentEndOf(text, lineStart, end);
        let s = lineStart;
        if (spec.chomp) while (s < contentEnd && text.charCodeAt(s) === 0x09) s++;
        if (contentEnd - s === spec.name.length && text.startsWith(spec.name, s)) {
          const payload: HeredocBodyPayload = { spec, bodyEnd: lineStart, terminatorEnd: contentEnd };
          return match(text.slice(offset, end), payload);
        }
        lineStart = end;
      }
      state.pendingHeredocs = [];
      const payload: HeredocBodyPayload = { spec, bodyEnd: text.length, terminatorEnd: undefined };
      return match(text.slice(offset), payload);
    },
  },
});

/**
 * A token category, not a token (it has no pattern): the lines that may follow a continued line
 * inside an instruction ({@link CommentLine}, {@link BlankLine}, {@link ContinuedLine}), which the
 * grammar consumes as one kind of token rather than choosing among three on every line.
 */
export const LineInContinuation = createToken({ name: "LineInContinuation", pattern: Lexer.NA });

function isCommentLine(text: string, line: LineScan): boolean {
  return text.charCodeAt(line.firstNonSpace) === HASH && line.firstNonSpace < line.contentEnd;
}

function isBlankLine(line: LineScan): boolean {
  return line.firstNonSpace === line.contentEnd;
}

/** A comment line: its first non-whitespace character is `#`. */
export const CommentLine = createToken({
  name: "CommentLine",
  categories: [LineInContinuation],
  line_breaks: true,
  pattern: {
    exec(text: string, offset: number) {
      const line = scanLine(text, offset);
      if (!isCommentLine(text, line)) return null;
      state.directivesOpen = false;
      return match(text.slice(offset, line.end));
    },
  },
});

/** A line that holds only whitespace (possibly nothing at all). */
export const BlankLine = createToken({
  name: "BlankLine",
  categories: [LineInContinuation],
  line_breaks: true,
  pattern: {
    exec(text: string, offset: number) {
      const line = scanLine(text, offset);
      if (!isBlankLine(line)) return null;
      state.directivesOpen = false;
      return match(text.slice(offset, line.end));
    },
  },
});

/**
 * Offset of the continuation character when the line `[start, contentEnd)` continues (BuildKit's
 * `([^E])E[ \t]*$|^E[ \t]*$`), else -1. An escaped escape character (`\\`) does not continue.
 */
function continuationAt(text: string, line: LineScan): number {
  const k = lastBeforeBlanks(text, line.start, line.contentEnd);
  if (k < line.start || text.charCodeAt(k) !== state.escape) return -1;
  if (k === line.firstNonSpace || text.charCodeAt(k - 1) !== state.escape) return k;
  return -1;
}

/** Offset of the last character of `[start, end)` that is not a space or tab (`start - 1` when none). */
function lastBeforeBlanks(text: string, start: number, end: number): number {
  let k = end;
  while (k > start) {
    const c = text.charCodeAt(k - 1);
    if (c !== 0x20 && c !== 0x09) break;
    k--;
  }
  return k - 1;
}

/**
 * Offset of the continuation character of a {@link ContinuedLine} token in `text` (kept out of the
 * token's payload: these are the most frequent tokens, and a payload costs an object on each).
 */
export function continuationOffset(text: string, token: IToken): number {
  const start = token.startOffset;
  return lastBeforeBlanks(text, start, contentEndOf(text, start, start + token.image.length));
}

/** An instruction line that ends in the continuation character: the logical line goes on. */
export const ContinuedLine = createToken({
  name: "ContinuedLine",
  categories: [LineInContinuation],
  line_breaks: true,
  pattern: {
    exec(text: string, offset: number) {
      const line = scanLine(text, offset);
      const escapeAt = continuationAt(text, line);
      if (escapeAt < 0) return null;
      state.directivesOpen = false;
      appendLogical(text, offset, escapeAt);
      return match(text.slice(offset, line.end));
    },
  },
});

/** An instruction line that completes the logical line. */
export const TextLine = createToken({
  name: "TextLine",
  line_breaks: true,
  pattern: {
    exec(text: string, offset: number) {
      if (offset >= text.length) return null;
      const line = scanLine(text, offset);
      state.directivesOpen = false;
      return match(text.slice(offset, line.end), completeLogical(text, line));
    },
  },
});

/** Ends the logical line with `line`: its payload, with the here-documents it declares (which become pending). */
function completeLogical(text: string, line: LineScan): TextLinePayload {
  appendLogical(text, line.start, line.contentEnd);
  let heredocs: readonly HeredocSpec[] = NO_HEREDOCS;
  let joined: string | undefined;
  if (state.logicalHasHeredocMarker) {
    joined = joinLogical(text, state.logical, state.logicalLength);
    heredocs = detectHeredocs(joined);
    state.pendingHeredocs = heredocs.slice();
  }
  state.logicalLength = 0;
  state.logicalHasHeredocMarker = false;
  return { contentEnd: line.contentEnd, heredocs, joined };
}

const NO_HEREDOCS: readonly HeredocSpec[] = Object.freeze([]);

function appendLogical(text: string, start: number, end: number): void {
  state.logical[state.logicalLength++] = start;
  state.logical[state.logicalLength++] = end;
  if (state.nextLessThan >= 0 && state.nextLessThan < start) state.nextLessThan = text.indexOf("<", start);
  if (state.nextLessThan >= 0 && state.nextLessThan < end) state.logicalHasHeredocMarker = true;
}

/** Joins the logical line's pieces as BuildKit does: the first is trimmed on the left, the rest kept. */
function joinLogical(text: string, pieces: readonly number[], length: number): string {
  let joined = text.slice(firstNonSpace(text, pieces[0], pieces[1]), pieces[1]);
  for (let i = 2; i < length; i += 2) joined += text.slice(pieces[i], pieces[i + 1]);
  return joined;
}

/** The UTF-8 byte order mark, only at the very start (BuildKit strips it from the first line only). */
export const Bom = createToken({
  name: "Bom",
  pattern: {
    exec(text: string, offset: number) {
      return offset === 0 && text.charCodeAt(0) === 0xfeff ? match("\uFEFF") : null;
    },
  },
});

/** All tokens, in the order their patterns are tried. */
export const dockerfileTokens: TokenType[] = [
  HeredocBody,
  Bom,
  Directive,
  CommentLine,
  BlankLine,
  ContinuedLine,
  TextLine,
];

/** chevrotain's lexer over the tokens, made on first use: `parse` runs the plain-loop driver. */
let lexer: Lexer | undefined;

/** The result of lexing: line tokens and the escape character in force after the directives. */
export interface LexResult {
  readonly tokens: IToken[];
  readonly escapeChar: "\\" | "`";
  /** Where each line of the text starts: 0, then after every `\n` (found while lexing, for line and column lookups). */
  readonly lineStarts: readonly number[];
}

/**
 * Splits Dockerfile text into line tokens with chevrotain's lexer: the reference for
 * {@link lexDockerfileFast}, which gives the same tokens.
 *
 * @example
 * ```ts
 * lexDockerfile("FROM a\nRUN b \\\n  c\n").tokens.map((t) => t.tokenType.name);
 * // ["TextLine", "ContinuedLine", "TextLine"]
 * ```
 */
export function lexDockerfile(text: string): LexResult {
  lexer ??= new Lexer(dockerfileTokens, { positionTracking: "onlyOffset", ensureOptimizations: false, skipValidations: true });
  return withFreshState(() => lexer!.tokenize(text).tokens);
}

/**
 * Splits Dockerfile text into line tokens as {@link lexDockerfile} does, without chevrotain's
 * engine: at each offset the token patterns are tried in the same order (every input is covered:
 * {@link TextLine} takes any line), and the tokens are chevrotain's offset-only tokens.
 *
 * @example
 * ```ts
 * lexDockerfileFast("FROM a\nRUN b \\\n  c\n").tokens.map((t) => t.tokenType.name);
 * // ["TextLine", "ContinuedLine", "TextLine"]
 * ```
 */
export function lexDockerfileFast(text: string): LexResult {
  return withFreshState(() => {
    const tokens: IToken[] = [];
    let offset = 0;
    while (offset < text.length) {
      const token = tokenAt(text, offset);
      tokens.push(token);
      offset += token.image.length;
    }
    return tokens;
  });
}

/**
 * The token at `offset` (< text length): the first pattern that matches, as chevrotain tries them.
 * Past the start of the text, with the directive block closed and no here-document pending, the
 * patterns before {@link CommentLine} cannot match (nor can they change the state), so most lines
 * are lexed by {@link lineToken}.
 */
function tokenAt(text: string, offset: number): IToken {
  if (offset > 0 && !state.directivesOpen && state.pendingHeredocs.length === 0) return lineToken(text, offset);
  for (const tokenType of dockerfileTokens) {
    const found = (tokenType.PATTERN as ICustomPattern).exec(text, offset, NO_TOKENS, NO_GROUPS) as (CustomPatternMatcherReturn & { payload?: unknown }) | null;
    if (found !== null) return token(tokenType, found[0], offset, found.payload);
  }
  // Not reached: TextLine matches at every offset before the end.
  return token(TextLine, text.slice(offset), offset, undefined);
}

/**
 * The token of the line at `offset` when only {@link CommentLine}, {@link BlankLine},
 * {@link ContinuedLine} and {@link TextLine} can match: their patterns' tests in their order, made
 * on one scan of the line (calling the patterns one by one made the lexer about 15% slower).
 */
function lineToken(text: string, offset: number): IToken {
  const line = scanLine(text, offset);
  const image = text.slice(offset, line.end);
  if (isCommentLine(text, line)) return token(CommentLine, image, offset, undefined);
  if (isBlankLine(line)) return token(BlankLine, image, offset, undefined);
  const escapeAt = continuationAt(text, line);
  if (escapeAt < 0) return token(TextLine, image, offset, completeLogical(text, line));
  appendLogical(text, offset, escapeAt);
  return token(ContinuedLine, image, offset, undefined);
}

/** A chevrotain offset-only token. Every token has a payload field (undefined for most), so that all share one shape. */
function token(tokenType: TokenType, image: string, startOffset: number, payload: unknown): IToken {
  return { image, startOffset, tokenTypeIdx: tokenType.tokenTypeIdx!, tokenType, payload } as IToken;
}

const NO_TOKENS: IToken[] = [];
const NO_GROUPS = {};

/** Runs a lexer over a fresh {@link LexState}, and leaves a fresh one behind. */
function withFreshState(lex: () => IToken[]): LexResult {
  state = freshState();
  try {
    const tokens = lex();
    return { tokens, escapeChar: state.escape === 0x60 ? "`" : "\\", lineStarts: state.lineStarts };
  } finally {
    state = freshState();
  }
}
