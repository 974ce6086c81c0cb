/**
 * One shell word, taken apart: literal pieces after quote removal, parameter expansions,
 * command substitutions, arithmetic and globs. The value of a word without expansions is the
 * concatenation of its literal pieces.
 *
 * Brace expansion (`{a,b}`) and tilde expansion (`~/x`) are kept as literal text.
 *
 * @packageDocumentation
 */
import { Nest, skipAnsiC, skipNested, skipSingle, type ScanPlace } from "../../../grammar/shell/scan.js";
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

const NONE: readonly never[] = Object.freeze([]);

const PARAMETER = /^[#!]?([A-Za-z_][A-Za-z0-9_]*|[0-9]+|[@*#?$!-])/;
const NAME_START = /[A-Za-z_]/;
const NAME_CHAR = /[A-Za-z0-9_]/;
/** Characters that need attention outside quotes; anything else is copied as is. */
const UNQUOTED_SPECIAL = /[\\'"$`*?[<>]/g;
/** {@link UNQUOTED_SPECIAL} as a table, to test a whole word in one quick loop. */
const SPECIAL = new Uint8Array(128);
for (const c of "\\'\"$`*?[<>") SPECIAL[c.charCodeAt(0)] = 1;

/** Whether the word holds nothing but plain characters (the common case: no quoting, no expansion). */
function isPlain(word: string): boolean {
  for (let i = 0; i < word.length; i++) {
    const c = word.charCodeAt(i);
    if (c < 128 && SPECIAL[c] === 1) return false;
  }
  return true;
}
/** Characters that need attention inside double quotes. */
const DOUBLE_SPECIAL = /[\\"$`]/g;

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

/** Removes the backslashes that quote `$`, `` ` `` and `\` (and `"` inside double quotes) in a backquoted body. */
function unescapeBackquoted(word: string, start: number, end: number, inDouble: boolean): { body: string; offsets: number[] | undefined } {
  if (word.indexOf("\\", start) < 0 || word.indexOf("\\", start) >= end) return { body: word.slice(start, end), offsets: undefined };
  let body = "";
  const offsets: number[] = [];
  for (let i = start; i < end; i++) {
    const next = word[i + 1];
    if (word[i] === "\\" && i + 1 < end && (next === "$" || next === "`" || next === "\\" || (inDouble && next === '"'))) i++;
    body += word[i];
    offsets.push(i);
  }
  return { body, offsets };
}

/** The substitution whose `$(` or `` ` `` is at `open`, body at `bodyStart`, scanned up to `end`. */
function substitutionAt(word: string, open: number, bodyStart: number, end: number, backquoted: boolean, inDouble: boolean): Substitution {
  const part: SubstitutionPart = { kind: "command-substitution", text: word.slice(open, end), script: undefined };
  const bodyEnd = word[end - 1] === (backquoted ? "`" : ")") && end - 1 >= bodyStart ? end - 1 : end;
  const { body, offsets } = backquoted
    ? unescapeBackquoted(word, bodyStart, bodyEnd, inDouble)
    : { body: word.slice(bodyStart, bodyEnd), offsets: undefined };
  return { part, body, offsets, start: bodyStart };
}

/**
 * Adds to `found` the command substitutions in `text[from, to)` that are not parts of a word of
 * their own: in the operand of `${x:-$(cmd)}`, in `$(( $(nproc) - 1 ))`, in an unquoted
 * here-document body. `singleQuotes` says whether `'…'` quotes there.
 */
function embeddedSubstitutions(text: string, from: number, to: number, place: ScanPlace, singleQuotes: boolean, found: Substitution[]): void {
  let i = from;
  while (i < to) {
    const c = text[i];
    if (c === "\\") i += 2;
    else if (c === "'" && singleQuotes) i = skipSingle(text, i);
    else if (c === "`") {
      const end = Math.min(to, skipNested(text, i + 1, Nest.Backtick, place));
      found.push(substitutionAt(text, i, i + 1, end, true, false));
      i = end;
    } else if (c === "$" && text[i + 1] === "(" && text[i + 2] !== "(") {
      const end = Math.min(to, skipNested(text, i + 2, Nest.Command, place));
      found.push(substitutionAt(text, i, i + 2, end, false, false));
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
  embeddedSubstitutions(text, 0, text.length, place, false, found);
  return found;
}

/**
 * Takes a word apart. `place` locates the word in the root script (for the shared `$(…)` memo).
 *
 * @example
 * analyzeWord("'it'\\''s'", { base: 0, memo: undefined, bash: true }).value; // "it's"
 */
export function analyzeWord(word: string, place: ScanPlace): WordAnalysis {
  if (isPlain(word)) {
    return { parts: [{ kind: "literal", value: word, quoted: "none" }], value: word, substitutions: NONE, problems: NONE };
  }
  const parts: ShellWordPart[] = [];
  const substitutions: Substitution[] = [];
  const problems: string[] = [];
  const n = word.length;
  let literal = false;
  let pending = "";
  let quoting: "none" | "single" | "double" | "ansi-c" = "none";
  let hasExpansion = false;

  const flush = (): void => {
    if (literal) parts.push({ kind: "literal", value: pending, quoted: quoting });
    literal = false;
    pending = "";
  };
  const text = (value: string, quoted: typeof quoting): void => {
    if (literal && quoted !== quoting) flush();
    literal = true;
    quoting = quoted;
    pending += value;
  };
  const other = (part: ShellWordPart): void => {
    flush();
    parts.push(part);
    hasExpansion = true;
  };
  /** The end of the body of a construct opened at `open` and scanned to `end`; reports it when unterminated. */
  const closed = (open: number, end: number, closer: string, what: string): number => {
    if (end - 1 > open && word[end - 1] === closer) return end - 1;
    problems.push(`Unterminated ${what}.`);
    return end;
  };
  const substitution = (open: number, bodyStart: number, end: number, backquoted: boolean, inDouble: boolean): void => {
    const found = substitutionAt(word, open, bodyStart, end, backquoted, inDouble);
    substitutions.push(found);
    other(found.part);
  };

  /** Handles `$` at `i`; returns the offset after the construct. */
  const dollar = (i: number, inDouble: boolean): number => {
    const next = word[i + 1];
    if (next === "(") {
      if (word[i + 2] === "(") {
        const end = skipNested(word, i + 3, Nest.Arithmetic, place);
        embeddedSubstitutions(word, i + 3, closed(i + 2, end, ")", "arithmetic expansion"), place, false, substitutions);
        other({ kind: "arithmetic", text: word.slice(i, end) });
        return end;
      }
      const end = skipNested(word, i + 2, Nest.Command, place);
      closed(i + 1, end, ")", "command substitution");
      substitution(i, i + 2, end, false, inDouble);
      return end;
    }
    if (next === "{") {
      const end = skipNested(word, i + 2, Nest.Brace, place);
      embeddedSubstitutions(word, i + 2, closed(i + 1, end, "}", "parameter expansion"), place, !inDouble, substitutions);
      other({ kind: "parameter", name: PARAMETER.exec(word.slice(i + 2, end))?.[1] ?? "", text: word.slice(i, end) });
      return end;
    }
    if (!inDouble && place.bash && next === "'") {
      const end = skipAnsiC(word, i);
      text(decodeAnsiC(word.slice(i + 2, closed(i + 1, end, "'", "$'…' string"))), "ansi-c");
      return end;
    }
    if (!inDouble && place.bash && next === '"') return double(i + 2);
    if (next !== undefined && NAME_START.test(next)) {
      let end = i + 2;
      while (end < n && NAME_CHAR.test(word[end])) end++;
      other({ kind: "parameter", name: word.slice(i + 1, end), text: word.slice(i, end) });
      return end;
    }
    if (next !== undefined && "0123456789@*#?$!-".includes(next)) {
      other({ kind: "parameter", name: next, text: word.slice(i, i + 2) });
      return i + 2;
    }
    text("$", inDouble ? "double" : "none");
    return i + 1;
  };

  /** Handles `` ` `` at `i`; returns the offset after the closing backquote. */
  const backquote = (i: number, inDouble: boolean): number => {
    const end = skipNested(word, i + 1, Nest.Backtick, place);
    closed(i, end, "`", "backquote");
    substitution(i, i + 1, end, true, inDouble);
    return end;
  };

  /** Reads a double-quoted string whose body starts at `start`; returns the offset after it. */
  const double = (start: number): number => {
    text("", "double");
    let i = start;
    while (i < n) {
      DOUBLE_SPECIAL.lastIndex = i;
      const special = DOUBLE_SPECIAL.exec(word);
      const at = special === null ? n : special.index;
      if (at > i) text(word.slice(i, at), "double");
      if (at >= n) break;
      const c = word[at];
      if (c === '"') return at + 1;
      if (c === "\\") {
        const next = word[at + 1];
        if (next === "\n") i = at + 2;
        else if (next !== undefined && '$`"\\'.includes(next)) {
          text(next, "double");
          i = at + 2;
        } else {
          text("\\", "double");
          i = at + 1;
        }
      } else if (c === "$") i = dollar(at, true);
      else i = backquote(at, true);
    }
    problems.push("Unterminated double quote.");
    return n;
  };

  let i = 0;
  if ((word[0] === "<" || word[0] === ">") && word[1] === "(") {
    const end = skipNested(word, 2, Nest.Command, place);
    closed(1, end, ")", "process substitution");
    substitution(0, 2, end, false, false);
    i = end;
  }
  while (i < n) {
    UNQUOTED_SPECIAL.lastIndex = i;
    const special = UNQUOTED_SPECIAL.exec(word);
    const at = special === null ? n : special.index;
    if (at > i) text(word.slice(i, at), "none");
    if (at >= n) break;
    const c = word[at];
    switch (c) {
      case "\\":
        if (word[at + 1] !== "\n") text(word[at + 1] ?? "\\", "none");
        i = at + 2;
        break;
      case "'": {
        const end = skipSingle(word, at);
        text(word.slice(at + 1, closed(at, end, "'", "single quote")), "single");
        i = end;
        break;
      }
      case '"':
        i = double(at + 1);
        break;
      case "$":
        i = dollar(at, false);
        break;
      case "`":
        i = backquote(at, false);
        break;
      case "[": {
        const close = word.indexOf("]", at + 2);
        if (close > 0 && !/['"\\$`]/.test(word.slice(at, close))) {
          other({ kind: "glob", text: word.slice(at, close + 1) });
          i = close + 1;
        } else {
          text("[", "none");
          i = at + 1;
        }
        break;
      }
      case "*":
      case "?":
        other({ kind: "glob", text: c });
        i = at + 1;
        break;
      default:
        text(c, "none");
        i = at + 1;
    }
  }
  flush();
  let value: string | undefined;
  if (!hasExpansion) {
    value = "";
    for (const part of parts) if (part.kind === "literal") value += part.value;
  }
  return { parts, value, substitutions, problems };
}
