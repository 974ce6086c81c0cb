/**
 * Character-level scanning of shell words: where a word ends, and where a quoted or nested
 * construct (`"…"`, `` `…` ``, `$(…)`, `$((…))`, `${…}`) closes.
 *
 * Nested constructs are skipped with an explicit stack, never by recursion, so `$(` nested
 * thousands deep cannot overflow the call stack. The end of every `$(…)` found is remembered in
 * {@link ScanMemo} by its absolute offset, so that when the body is later lexed on its own the
 * inner `$(…)` are skipped in one step: nesting costs linear, not quadratic, time.
 *
 * @packageDocumentation
 */

/** Absolute offset of the first character inside a `$(` → absolute offset just after its `)`. */
export type ScanMemo = Map<number, number>;

/** Where the text being scanned sits in the root script, and what is already known about it. */
export interface ScanPlace {
  /** Absolute offset of the scanned text's first character in the root script. */
  base: number;
  /** Shared memo of `$(…)` ends; undefined when the text is not a verbatim slice of the root. */
  memo: ScanMemo | undefined;
  /** Whether bash-only syntax (`$'…'`) is recognised. */
  bash: boolean;
}

/**
 * The kinds of nested construct {@link skipNested} can close.
 *
 * @example
 * skipNested("a)b", 0, Nest.Command, place); // 2
 */
export const Nest = {
  /** `$(…)` or `(…)`: shell code, closed by an unbalanced `)`. */
  Command: 0,
  /** `"…"`. */
  Double: 1,
  /** `${…}`. */
  Brace: 2,
  /** `` `…` ``. */
  Backtick: 3,
  /** `$((…))`. */
  Arithmetic: 4,
} as const;
/** One of {@link Nest}'s values. */
export type Nest = (typeof Nest)[keyof typeof Nest];

const BACKSLASH = 92;
const SQUOTE = 39;
const DQUOTE = 34;
const BACKTICK = 96;
const DOLLAR = 36;
const LPAREN = 40;
const RPAREN = 41;
const LBRACE = 123;
const RBRACE = 125;
const HASH = 35;
const LOWER_C = 99;
const LOWER_E = 101;
const EQUALS = 61;

/**
 * The characters that end an unquoted word: blanks, newline and the operator characters.
 *
 * @example
 * WORD_BREAKS.includes(";"); // true
 */
export const WORD_BREAKS = " \t\r\n\f\v;&|<>()";
const BREAK = new Uint8Array(128);
for (const c of WORD_BREAKS) BREAK[c.charCodeAt(0)] = 1;
/** ASCII characters that end a word (1) or need a look inside one (2: `\ ' " \` $ =`); others are 0. */
const WORD_CLASS = new Uint8Array(128);
for (const c of WORD_BREAKS) WORD_CLASS[c.charCodeAt(0)] = 1;
for (const c of "\\'\"`$=") WORD_CLASS[c.charCodeAt(0)] = 2;

/**
 * ASCII characters that end a word (1), make it more than its own text (2) or do when `(` follows
 * (3: `=`, as in `name=(…)`); others are 0.
 */
const PLAIN_CLASS = new Uint8Array(128);
for (const c of WORD_BREAKS) PLAIN_CLASS[c.charCodeAt(0)] = 1;
for (const c of "\\'\"`$*?[") PLAIN_CLASS[c.charCodeAt(0)] = 2;
PLAIN_CLASS[EQUALS] = 3;

/**
 * The end of the word starting at `start` when the word is plain, its own value: no quote,
 * escape, expansion, glob nor `=(`; -1 otherwise (then {@link scanWordEnd} finds its end).
 *
 * @example
 * plainWordEnd("apt-get install", 0); // 7
 * plainWordEnd("a$b c", 0); // -1
 */
export function plainWordEnd(text: string, start: number): number {
  const n = text.length;
  let i = start;
  for (; i < n; i++) {
    const c = text.charCodeAt(i);
    if (c >= 128) continue;
    const kind = PLAIN_CLASS[c];
    if (kind === 0) continue;
    if (kind === 1) break;
    if (kind === 2 || text.charCodeAt(i + 1) === LPAREN) return -1;
  }
  return i;
}

/**
 * Whether the character code ends an unquoted word (one of {@link WORD_BREAKS}).
 *
 * @example
 * isWordBreak(";".charCodeAt(0)); // true
 */
export function isWordBreak(code: number): boolean {
  return code < 128 && BREAK[code] === 1;
}

/**
 * The offset just after the quote closing a `'…'` whose opening quote is at `open`
 * (the text length when it is unterminated).
 *
 * @example
 * skipSingle("'a b' c", 0); // 5
 */
export function skipSingle(text: string, open: number): number {
  const close = text.indexOf("'", open + 1);
  return close < 0 ? text.length : close + 1;
}

/**
 * The offset just after the quote closing a bash `$'…'` whose `$` is at `dollar`: backslash
 * escapes the next character.
 *
 * @example
 * skipAnsiC("$'it\\'s' x", 0); // 8
 */
export function skipAnsiC(text: string, dollar: number): number {
  const n = text.length;
  for (let i = dollar + 2; i < n; i++) {
    const c = text.charCodeAt(i);
    if (c === BACKSLASH) i++;
    else if (c === SQUOTE) return i + 1;
  }
  return n;
}

/**
 * The offset just after the construct that `$` at `dollar` starts (`$(…)`, `$((…))`, `${…}`,
 * `$'…'`, `$"…"`), or `dollar + 1` for a plain `$`.
 */
function skipDollar(text: string, dollar: number, place: ScanPlace): number {
  const next = text.charCodeAt(dollar + 1);
  if (next === LPAREN) {
    return text.charCodeAt(dollar + 2) === LPAREN
      ? skipNested(text, dollar + 3, Nest.Arithmetic, place)
      : skipNested(text, dollar + 2, Nest.Command, place);
  }
  if (next === LBRACE) return skipNested(text, dollar + 2, Nest.Brace, place);
  if (next === SQUOTE && place.bash) return skipAnsiC(text, dollar);
  if (next === DQUOTE && place.bash) return skipNested(text, dollar + 2, Nest.Double, place);
  return dollar + 1;
}

/**
 * The offset just after `closer` when the text from `start` reaches it with nothing nested on the
 * way (the common `"…"`, `"$x"` and `${…}`); -1 when something nested or a quote comes first.
 */
function skipFlat(text: string, start: number, closer: number): number {
  for (let i = start; i < text.length; i++) {
    const c = text.charCodeAt(i);
    if (c === closer) return i + 1;
    if (c === BACKSLASH) i++;
    else if (c === DOLLAR) {
      const next = text.charCodeAt(i + 1);
      if (next === LPAREN || next === LBRACE || next === SQUOTE || next === DQUOTE) return -1;
    } else if (c === BACKTICK || c === SQUOTE || c === DQUOTE || c === LBRACE) return -1;
  }
  return -1;
}

/**
 * Opens a construct of kind `kind` whose body starts at `start` on `frames` (see
 * {@link skipNested}); returns where scanning goes on: the body, or after a `$(…)` whose end is known.
 */
function open(frames: number[], kind: Nest, start: number, place: ScanPlace): number {
  const end = kind === Nest.Command && place.memo !== undefined ? place.memo.get(place.base + start) : undefined;
  if (end !== undefined) return end - place.base;
  frames.push(kind, start, 0, 0);
  return start;
}

/** Closes the innermost construct of `frames`, which ends just before `after`; returns `after`. */
function close(frames: number[], after: number, place: ScanPlace): number {
  const top = frames.length - 4;
  if (frames[top] === Nest.Command && place.memo !== undefined) place.memo.set(place.base + frames[top + 1], place.base + after);
  while (frames.length > top) frames.pop();
  return after;
}

/**
 * The offset just after the delimiter closing a construct of kind `kind` whose body starts at
 * `start` (the text length when it is unterminated). Iterative: the nesting depth only grows an
 * array.
 *
 * @example
 * skipNested('a "$(b ")")" c', 2, Nest.Double, { base: 0, memo: undefined, bash: true }); // 11
 */
export function skipNested(text: string, start: number, kind: Nest, place: ScanPlace): number {
  if (kind === Nest.Double || kind === Nest.Brace) {
    const end = skipFlat(text, start, kind === Nest.Double ? DQUOTE : RBRACE);
    if (end >= 0) return end;
  }
  const n = text.length;
  /**
   * The open constructs, innermost last, four numbers each: kind, body start, depth of `(`/`{`
   * inside, and open `case … esac` (inside one, `)` ends a pattern, not the substitution).
   */
  const frames: number[] = [];
  let i = open(frames, kind, start, place);
  while (frames.length > 0) {
    if (i >= n) {
      while (frames.length > 0) close(frames, n, place);
      return n;
    }
    const top = frames.length - 4;
    const k = frames[top];
    const c = text.charCodeAt(i);
    if (c === BACKSLASH) {
      i += 2;
      continue;
    }
    if (k === Nest.Backtick) {
      if (c === BACKTICK) i = close(frames, i + 1, place);
      else i++;
      continue;
    }
    if (c === DQUOTE) {
      if (k === Nest.Double) i = close(frames, i + 1, place);
      else i = open(frames, Nest.Double, i + 1, place);
      continue;
    }
    if (c === DOLLAR) {
      const next = text.charCodeAt(i + 1);
      if (next === LPAREN) {
        if (text.charCodeAt(i + 2) === LPAREN) i = open(frames, Nest.Arithmetic, i + 3, place);
        else i = open(frames, Nest.Command, i + 2, place);
      } else if (next === LBRACE) i = open(frames, Nest.Brace, i + 2, place);
      else if (next === SQUOTE && place.bash && k !== Nest.Double) i = skipAnsiC(text, i);
      else i++;
      continue;
    }
    if (c === BACKTICK) {
      i = open(frames, Nest.Backtick, i + 1, place);
      continue;
    }
    if (k === Nest.Double) {
      i++;
      continue;
    }
    if (c === SQUOTE) {
      i = skipSingle(text, i);
      continue;
    }
    if (k === Nest.Brace) {
      if (c === LBRACE) frames[top + 2]++;
      else if (c === RBRACE) {
        if (frames[top + 2] === 0) {
          i = close(frames, i + 1, place);
          continue;
        }
        frames[top + 2]--;
      }
      i++;
      continue;
    }
    // Command or Arithmetic: shell code with balanced parentheses.
    if (c === LPAREN) {
      frames[top + 2]++;
      i++;
    } else if (c === RPAREN) {
      if (frames[top + 2] > 0) {
        frames[top + 2]--;
        i++;
      } else if (k === Nest.Command && frames[top + 3] === 0) i = close(frames, i + 1, place);
      else if (k === Nest.Command) i++;
      else if (text.charCodeAt(i + 1) === RPAREN) i = close(frames, i + 2, place);
      else i++;
    } else if (k === Nest.Command && (c === HASH || c === LOWER_C || c === LOWER_E) && (i === frames[top + 1] || isWordBreak(text.charCodeAt(i - 1)))) {
      if (c === HASH) {
        const eol = text.indexOf("\n", i);
        i = eol < 0 ? n : eol;
      } else {
        const keyword = c === LOWER_C ? "case" : "esac";
        if (text.startsWith(keyword, i) && (i + 4 >= n || isWordBreak(text.charCodeAt(i + 4)))) {
          frames[top + 3] = Math.max(0, frames[top + 3] + (c === LOWER_C ? 1 : -1));
        }
        i++;
      }
    } else i++;
  }
  return i;
}

const NAME_START = /[A-Za-z_]/;
const NAME_CHARS = /^[A-Za-z_][A-Za-z0-9_]*\+?$/;

/**
 * Whether the `=` at `eq` of the word starting at `start` opens a bash array assignment
 * `name=(…)` (or `name+=(…)`), which is one word.
 *
 * @example
 * opensArray("a=(1 2)", 0, 1); // true
 */
export function opensArray(text: string, start: number, eq: number): boolean {
  return text.charCodeAt(eq + 1) === LPAREN && text.charCodeAt(eq) === EQUALS && NAME_START.test(text[start]) && NAME_CHARS.test(text.slice(start, eq));
}

/**
 * The offset just after the unquoted word starting at `start` (equal to `start` when a word
 * cannot start there). Quotes, escapes and nested constructs are part of the word; a bash array
 * assignment `name=(…)` is one word.
 *
 * @example
 * scanWordEnd('a"b c"d e', 0, { base: 0, memo: undefined, bash: true }); // 7
 */
export function scanWordEnd(text: string, start: number, place: ScanPlace): number {
  const n = text.length;
  let i = start;
  while (i < n) {
    const c = text.charCodeAt(i);
    const kind = c < 128 ? WORD_CLASS[c] : 0;
    if (kind === 0) {
      i++;
      continue;
    }
    if (kind === 1) break;
    switch (c) {
      case BACKSLASH:
        i = Math.min(n, i + 2);
        break;
      case SQUOTE:
        i = skipSingle(text, i);
        break;
      case DQUOTE:
        i = skipNested(text, i + 1, Nest.Double, place);
        break;
      case BACKTICK:
        i = skipNested(text, i + 1, Nest.Backtick, place);
        break;
      case DOLLAR:
        i = skipDollar(text, i, place);
        break;
      case EQUALS:
        i = opensArray(text, start, i) ? skipNested(text, i + 2, Nest.Command, place) : i + 1;
        break;
      default:
        i++;
    }
  }
  return i;
}

const LOWER_A = 97;
const LOWER_Z = 122;
const UPPER_A = 65;
const UPPER_Z = 90;
const UNDERSCORE = 95;
const DIGIT_0 = 48;
const DIGIT_9 = 57;
const LBRACKET = 91;
const RBRACKET = 93;
const PLUS = 43;

/** Whether a character code may start a shell name (`[A-Za-z_]`). */
export function isNameStart(c: number): boolean {
  return (c >= LOWER_A && c <= LOWER_Z) || (c >= UPPER_A && c <= UPPER_Z) || c === UNDERSCORE;
}

/** Whether a character code may continue a shell name (`[A-Za-z0-9_]`). */
export function isNameChar(c: number): boolean {
  return isNameStart(c) || (c >= DIGIT_0 && c <= DIGIT_9);
}

/**
 * The offset just after the shell name (`[A-Za-z_][A-Za-z0-9_]*`) at `start`; `start` when none starts there.
 *
 * @example
 * nameEnd("PATH=/bin", 0); // 4
 */
export function nameEnd(text: string, start: number): number {
  if (!isNameStart(text.charCodeAt(start))) return start;
  let i = start + 1;
  while (isNameChar(text.charCodeAt(i))) i++;
  return i;
}

/**
 * Whether the word `text[start, end)` is an assignment: `name=…`, `name+=…` or `name[i]=…`, whose
 * `=` lies inside the word (the subscript may hold anything but `]`).
 *
 * @example
 * isAssignment("A=1 b", 0, 3); // true
 */
export function isAssignment(text: string, start: number, end: number): boolean {
  let i = nameEnd(text, start);
  if (i === start) return false;
  if (text.charCodeAt(i) === LBRACKET) {
    const close = text.indexOf("]", i + 1);
    if (close < 0) return false;
    i = close + 1;
  }
  if (text.charCodeAt(i) === PLUS) i++;
  return i < end && text.charCodeAt(i) === EQUALS;
}

/**
 * The offset of the end of the line that `start` is on (its `\n`, or the text length).
 *
 * @example
 * lineEnd("ab\ncd", 0); // 2
 */
export function lineEnd(text: string, start: number): number {
  const eol = text.indexOf("\n", start);
  return eol < 0 ? text.length : eol;
}
