/**
 * One shell word, taken apart: literal pieces after quote removal, parameter expansions,
 * command substitutions, arithmetic and globs. The value of a word without expansions is the
 * concatenation of its literal pieces.
 *
 * Brace expansion (`{a,b}`) and tilde expansion (`~/x`) are kept as literal text.
 *
 * @packageDocumentation
 */
import { isNameChar, isNameStart, isWordBreak, nameEnd, Nest, opensArray, skipAnsiC, skipNested, skipSingle, type ScanPlace } from "../../../grammar/shell/scan.js";
import type { ShellScript, ShellWordPart } from "../shell-types.js";

/** A `$(…)`, `` `…` `` or `<(…)` part whose script is filled in once its body is parsed. */
export interface SubstitutionPart {
  readonly kind: "command-substitution";
  readonly text: string;
  script: ShellScript | undefined;
}

/** A command substitution found in a word: where its body is, to be parsed next. */
export interface Substitution {
  readonly part: SubstitutionPart;
  /** The body after backquote unescaping (for `` `…` ``) or verbatim. */
  readonly body: string;
  /** Offset in the word of each character of `body`; undefined when `body` is a verbatim slice starting at `start`. */
  readonly offsets: number[] | undefined;
  /** Offset in the word of the body's first character. */
  readonly start: number;
}

/** A word taken apart. */
export interface WordAnalysis {
  readonly parts: readonly ShellWordPart[];
  readonly value: string | undefined;
  readonly substitutions: readonly Substitution[];
  /** Problems such as an unterminated quote. */
  readonly problems: readonly string[];
}

/** A word taken apart while finding where it ends (see {@link readWord}). */
export interface WordRead extends WordAnalysis {
  /** The offset just after the word in the text read. */
  readonly end: number;
}

/** One frozen empty list for the many fields that are empty. */
export const NONE: readonly never[] = Object.freeze([]);

/** Characters that need attention outside quotes; anything else is copied as is. */
const SPECIAL = new Uint8Array(128);
for (const c of "\\'\"$`*?[<>") SPECIAL[c.charCodeAt(0)] = 1;
/** {@link SPECIAL} and the characters that end an unquoted word, for reading a word out of a script. */
const SPECIAL_OR_BREAK = SPECIAL.slice();
for (let c = 0; c < 128; c++) if (isWordBreak(c)) SPECIAL_OR_BREAK[c] = 1;

const DOUBLE_QUOTE = 34;
const BACKSLASH = 92;
const DOLLAR = 36;
const BACKTICK = 96;
const SINGLE_QUOTE = 39;
const HASH = 35;
const BANG = 33;
const LPAREN = 40;
const RBRACKET = 93;

const ANSI_ESCAPES: Record<string, string> = {
  a: "\x07", b: "\b", e: "\x1b", E: "\x1b", f: "\f", n: "\n", r: "\r", t: "\t", v: "\v",
  "\\": "\\", "'": "'", '"': '"', "?": "?",
};

/**
 * Decodes the body of a bash `$'…'` string.
 *
 * @example
 * decodeAnsiC("a\\tb\\x41"); // "a\tbA"
 */
export function decodeAnsiC(body: string): string {
  return body.replace(/\\(?:([0-7]{1,3})|x([0-9A-Fa-f]{1,2})|u([0-9A-Fa-f]{1,4})|U([0-9A-Fa-f]{1,8})|c(.)|(.))/gs,
    (whole, octal?: string, hex?: string, u4?: string, u8?: string, control?: string, other?: string) => {
      const code = octal !== undefined ? parseInt(octal, 8) : hex !== undefined ? parseInt(hex, 16)
        : u4 !== undefined ? parseInt(u4, 16) : u8 !== undefined ? parseInt(u8, 16) : undefined;
      if (code !== undefined) return code <= 0x10ffff ? String.fromCodePoint(code) : whole;
      if (control !== undefined) return String.fromCharCode(control.charCodeAt(0) & 31);
      return ANSI_ESCAPES[other as string] ?? whole;
    });
}

/**
 * Removes the backslashes that quote `$`, `` ` `` and `\` (and `"` inside double quotes) in a
 * backquoted body; offsets are counted from `origin`.
 */
function unescapeBackquoted(word: string, start: number, end: number, inDouble: boolean, origin: number): { body: string; offsets: number[] | undefined } {
  if (word.indexOf("\\", start) < 0 || word.indexOf("\\", start) >= end) return { body: word.slice(start, end), offsets: undefined };
  let body = "";
  const offsets: number[] = [];
  for (let i = start; i < end; i++) {
    const next = word[i + 1];
    if (word[i] === "\\" && i + 1 < end && (next === "$" || next === "`" || next === "\\" || (inDouble && next === '"'))) i++;
    body += word[i];
    offsets.push(i - origin);
  }
  return { body, offsets };
}

/**
 * The substitution whose `$(` or `` ` `` is at `open`, body at `bodyStart`, scanned up to `end`,
 * in a word starting at `origin` of `word`.
 */
function substitutionAt(word: string, origin: number, open: number, bodyStart: number, end: number, backquoted: boolean, inDouble: boolean): Substitution {
  const part: SubstitutionPart = { kind: "command-substitution", text: word.slice(open, end), script: undefined };
  const bodyEnd = word[end - 1] === (backquoted ? "`" : ")") && end - 1 >= bodyStart ? end - 1 : end;
  const { body, offsets } = backquoted
    ? unescapeBackquoted(word, bodyStart, bodyEnd, inDouble, origin)
    : { body: word.slice(bodyStart, bodyEnd), offsets: undefined };
  return { part, body, offsets, start: bodyStart - origin };
}

/**
 * Adds to `found` the command substitutions in `text[from, to)` that are not parts of a word of
 * their own: in the operand of `${x:-$(cmd)}`, in `$(( $(nproc) - 1 ))`, in an unquoted
 * here-document body. `singleQuotes` says whether `'…'` quotes there; `origin` is where the word
 * (or body) holding them starts in `text`.
 */
function embeddedSubstitutions(
  text: string, origin: number, from: number, to: number, place: ScanPlace, singleQuotes: boolean, found: Substitution[],
): void {
  let i = from;
  while (i < to) {
    const c = text.charCodeAt(i);
    if (c === BACKSLASH) i += 2;
    else if (c === SINGLE_QUOTE && singleQuotes) i = skipSingle(text, i);
    else if (c === BACKTICK) {
      const end = Math.min(to, skipNested(text, i + 1, Nest.Backtick, place));
      found.push(substitutionAt(text, origin, i, i + 1, end, true, false));
      i = end;
    } else if (c === DOLLAR && text.charCodeAt(i + 1) === LPAREN && text.charCodeAt(i + 2) !== LPAREN) {
      const end = Math.min(to, skipNested(text, i + 2, Nest.Command, place));
      found.push(substitutionAt(text, origin, i, i + 2, end, false, false));
      i = end;
    } else i++;
  }
}

/**
 * The command substitutions of an unquoted here-document body (`text` is the body as written;
 * `place` locates it in the root script).
 *
 * @example
 * heredocSubstitutions("arch: $(uname -m)\n", { base: 0, memo: undefined, bash: true })[0].body; // "uname -m"
 */
export function heredocSubstitutions(text: string, place: ScanPlace): readonly Substitution[] {
  const found: Substitution[] = [];
  embeddedSubstitutions(text, 0, 0, text.length, place, false, found);
  return found;
}

type Quoting = "none" | "single" | "double" | "ansi-c";

function isDigit(c: number): boolean {
  return c >= 48 && c <= 57;
}

/** The special parameters: `$@`, `$*`, `$#`, `$?`, `$$`, `$!`, `$-`. */
const SPECIAL_PARAMETERS = "@*#?$!-";
/** What a `$` opens when followed by one of these (`$(`, `${`, `$'`, `$"`). */
const OPENS_AFTER_DOLLAR = "({'\"";

/** The parameter named at `text[start]` (a name, a number or a special parameter), read up to `end`; empty when none. */
function parameterAt(text: string, start: number, end: number): string {
  if (start >= end) return "";
  const c = text.charCodeAt(start);
  let i = start + 1;
  if (isNameStart(c)) while (i < end && isNameChar(text.charCodeAt(i))) i++;
  else if (isDigit(c)) while (i < end && isDigit(text.charCodeAt(i))) i++;
  else if (!SPECIAL_PARAMETERS.includes(text[start])) return "";
  return text.slice(start, i);
}

/**
 * The parameter a `${…}` body at `text[start, end)` names: after a `#` (length) or `!`
 * (indirection) prefix, or else the `#` or `!` itself (`${#}`); empty when it names none.
 */
function braceParameterName(text: string, start: number, end: number): string {
  const c = text.charCodeAt(start);
  const prefixed = c === HASH || c === BANG ? parameterAt(text, start + 1, end) : "";
  return prefixed !== "" ? prefixed : parameterAt(text, start, end);
}

/**
 * Takes one word apart, left to right. A single instance serves every word: analysis never
 * nests (substitution bodies are queued, not read here), and reusing it allocates nothing per word.
 */
class WordReader {
  /** The text read: the word itself, or the script holding it from {@link origin} on. */
  private word = "";
  /** Where the word starts in {@link word}. */
  private origin = 0;
  /** Whether the word ends at the first unquoted word-breaking character (else at the end of {@link word}). */
  private toBreak = false;
  /** Whether the word holds `$$(`, `$${`, `$$'` or `$$"`, whose end only `scanWordEnd` finds (it reads `$` then `$(…)`). */
  private lost = false;
  private place: ScanPlace = { base: 0, memo: undefined, bash: true };
  private parts: ShellWordPart[] = [];
  private substitutions: Substitution[] | undefined;
  private problems: string[] | undefined;
  /** Whether a literal part is being gathered in {@link pending}, quoted as {@link quoting}. */
  private literal = false;
  private pending = "";
  private quoting: Quoting = "none";
  private hasExpansion = false;

  /**
   * Reads the word at `start` of `word`: up to the end of `word`, or when `toBreak` up to the first
   * unquoted character that ends a word; undefined for a bash array assignment `name=(…)` or a
   * word holding `$$(` (see {@link lost}), whose end only `scanWordEnd` finds.
   */
  read(word: string, start: number, toBreak: boolean, place: ScanPlace): WordRead | undefined {
    this.word = word;
    this.origin = start;
    this.toBreak = toBreak;
    this.lost = false;
    this.place = place;
    this.parts = [];
    this.substitutions = undefined;
    this.problems = undefined;
    this.literal = false;
    this.pending = "";
    this.quoting = "none";
    this.hasExpansion = false;
    const n = word.length;
    const stops = toBreak ? SPECIAL_OR_BREAK : SPECIAL;
    let i = start;
    if (!toBreak && (word[0] === "<" || word[0] === ">") && word[1] === "(") {
      const end = skipNested(word, 2, Nest.Command, place);
      this.closed(1, end, ")", "process substitution");
      this.substitution(0, 2, end, false, false);
      i = end;
    }
    while (i < n) {
      let at = i;
      for (let c = word.charCodeAt(at); at < n && !(c < 128 && stops[c] === 1); c = word.charCodeAt(++at));
      if (at > i) this.text(word.slice(i, at), "none");
      i = at;
      if (at >= n) break;
      if (toBreak && isWordBreak(word.charCodeAt(at))) {
        if (at > start && opensArray(word, start, at - 1)) return undefined;
        break;
      }
      i = this.unquotedSpecial(at);
    }
    if (this.lost) return undefined;
    this.flush();
    const parts = this.parts;
    let value: string | undefined;
    if (!this.hasExpansion) {
      value = "";
      for (const part of parts) if (part.kind === "literal") value += part.value;
    }
    return { parts, value, substitutions: this.substitutions ?? NONE, problems: this.problems ?? NONE, end: Math.min(i, n) };
  }

  /** Handles the special character at `at` outside quotes; returns the offset after what it starts. */
  private unquotedSpecial(at: number): number {
    const word = this.word;
    const c = word[at];
    switch (c) {
      case "\\":
        if (word[at + 1] !== "\n") this.text(word[at + 1] ?? "\\", "none");
        return at + 2;
      case "'": {
        const end = skipSingle(word, at);
        this.text(word.slice(at + 1, this.closed(at, end, "'", "single quote")), "single");
        return end;
      }
      case '"':
        return this.double(at + 1);
      case "$":
        return this.dollar(at, false);
      case "`":
        return this.backquote(at, false);
      case "[": {
        const close = this.bracketClose(at);
        if (close > 0) {
          this.other({ kind: "glob", text: word.slice(at, close + 1) });
          return close + 1;
        }
        this.text("[", "none");
        return at + 1;
      }
      case "*":
      case "?":
        this.other({ kind: "glob", text: c });
        return at + 1;
      default:
        this.text(c, "none");
        return at + 1;
    }
  }

  /**
   * The `]` closing the bracket expression opened at `at` (the first one after the next character),
   * or -1 when there is none in the word or a quote, escape or expansion comes first.
   */
  private bracketClose(at: number): number {
    const word = this.word;
    for (let i = at + 1; i < word.length; i++) {
      const c = word.charCodeAt(i);
      if (c === RBRACKET && i >= at + 2) return i;
      if (c === SINGLE_QUOTE || c === DOUBLE_QUOTE || c === BACKSLASH || c === DOLLAR || c === BACKTICK) return -1;
      if (this.toBreak && isWordBreak(c)) return -1;
    }
    return -1;
  }

  private flush(): void {
    if (this.literal) this.parts.push({ kind: "literal", value: this.pending, quoted: this.quoting });
    this.literal = false;
    this.pending = "";
  }

  private text(value: string, quoted: Quoting): void {
    if (this.literal && quoted !== this.quoting) this.flush();
    this.literal = true;
    this.quoting = quoted;
    this.pending += value;
  }

  private other(part: ShellWordPart): void {
    this.flush();
    this.parts.push(part);
    this.hasExpansion = true;
  }

  private problem(message: string): void {
    (this.problems ??= []).push(message);
  }

  /** The end of the body of a construct opened at `open` and scanned to `end`; reports it when unterminated. */
  private closed(open: number, end: number, closer: string, what: string): number {
    if (end - 1 > open && this.word[end - 1] === closer) return end - 1;
    this.problem(`Unterminated ${what}.`);
    return end;
  }

  private substitution(open: number, bodyStart: number, end: number, backquoted: boolean, inDouble: boolean): void {
    const found = substitutionAt(this.word, this.origin, open, bodyStart, end, backquoted, inDouble);
    (this.substitutions ??= []).push(found);
    this.other(found.part);
  }

  /** Handles `$` at `i`; returns the offset after the construct. */
  private dollar(i: number, inDouble: boolean): number {
    const word = this.word;
    const place = this.place;
    const next = word[i + 1];
    if (next === "(") {
      if (word[i + 2] === "(") {
        const end = skipNested(word, i + 3, Nest.Arithmetic, place);
        const bodyEnd = this.closed(i + 2, end, ")", "arithmetic expansion");
        embeddedSubstitutions(word, this.origin, i + 3, bodyEnd, place, false, (this.substitutions ??= []));
        this.other({ kind: "arithmetic", text: word.slice(i, end) });
        return end;
      }
      const end = skipNested(word, i + 2, Nest.Command, place);
      this.closed(i + 1, end, ")", "command substitution");
      this.substitution(i, i + 2, end, false, inDouble);
      return end;
    }
    if (next === "{") {
      const end = skipNested(word, i + 2, Nest.Brace, place);
      const bodyEnd = this.closed(i + 1, end, "}", "parameter expansion");
      embeddedSubstitutions(word, this.origin, i + 2, bodyEnd, place, !inDouble, (this.substitutions ??= []));
      this.other({ kind: "parameter", name: braceParameterName(word, i + 2, end), text: word.slice(i, end) });
      return end;
    }
    if (!inDouble && place.bash && next === "'") {
      const end = skipAnsiC(word, i);
      this.text(decodeAnsiC(word.slice(i + 2, this.closed(i + 1, end, "'", "$'…' string"))), "ansi-c");
      return end;
    }
    if (!inDouble && place.bash && next === '"') return this.double(i + 2);
    if (isNameStart(word.charCodeAt(i + 1))) {
      const end = nameEnd(word, i + 1);
      this.other({ kind: "parameter", name: word.slice(i + 1, end), text: word.slice(i, end) });
      return end;
    }
    if (next !== undefined && (isDigit(word.charCodeAt(i + 1)) || SPECIAL_PARAMETERS.includes(next))) {
      if (next === "$" && this.toBreak && OPENS_AFTER_DOLLAR.includes(word[i + 2] ?? " ")) this.lost = true;
      this.other({ kind: "parameter", name: next, text: word.slice(i, i + 2) });
      return i + 2;
    }
    this.text("$", inDouble ? "double" : "none");
    return i + 1;
  }

  /** Handles `` ` `` at `i`; returns the offset after the closing backquote. */
  private backquote(i: number, inDouble: boolean): number {
    const end = skipNested(this.word, i + 1, Nest.Backtick, this.place);
    this.closed(i, end, "`", "backquote");
    this.substitution(i, i + 1, end, true, inDouble);
    return end;
  }

  /** Reads a double-quoted string whose body starts at `start`; returns the offset after it. */
  private double(start: number): number {
    const word = this.word;
    const n = word.length;
    this.text("", "double");
    let i = start;
    while (i < n) {
      let at = i;
      for (let c = word.charCodeAt(at); at < n && c !== DOUBLE_QUOTE && c !== BACKSLASH && c !== DOLLAR && c !== BACKTICK; c = word.charCodeAt(++at));
      if (at > i) this.text(word.slice(i, at), "double");
      if (at >= n) break;
      const c = word[at];
      if (c === '"') return at + 1;
      if (c === "\\") {
        const next = word[at + 1];
        if (next === "\n") i = at + 2;
        else if (next !== undefined && '$`"\\'.includes(next)) {
          this.text(next, "double");
          i = at + 2;
        } else {
          this.text("\\", "double");
          i = at + 1;
        }
      } else if (c === "$") i = this.dollar(at, true);
      else i = this.backquote(at, true);
    }
    this.problem("Unterminated double quote.");
    return n;
  }
}

const reader = new WordReader();

/**
 * Takes apart a word that is not plain (see `plainWordEnd`: a plain word is one unquoted literal
 * part, its own value). `place` locates the word in the root script (for the shared `$(…)` memo).
 *
 * @example
 * analyzeWord("'it'\\''s'", { base: 0, memo: undefined, bash: true }).value; // "it's"
 */
export function analyzeWord(word: string, place: ScanPlace): WordAnalysis {
  // Read to the end of the word, the reader never gives up.
  return reader.read(word, 0, false, place) as WordAnalysis;
}

/**
 * Takes apart the word that starts at `start` of the script `text` and finds where it ends, as
 * `scanWordEnd` does; undefined for a bash array assignment `name=(…)`. `place` locates `text` in
 * the root script. The substitutions' offsets are counted from the word's start.
 *
 * @example
 * readWord('echo "a b"c d', 5, { base: 0, memo: undefined, bash: true })?.end; // 11
 */
export function readWord(text: string, start: number, place: ScanPlace): WordRead | undefined {
  return reader.read(text, start, true, place);
}
