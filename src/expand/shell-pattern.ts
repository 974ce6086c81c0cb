/**
 * BuildKit's `${VAR#pattern}` / `%` / `/` patterns, matched exactly as BuildKit matches them.
 *
 * BuildKit turns a pattern into a Go regular expression: `*` becomes `.*` (or `.*?` for the
 * shortest forms), `?` becomes `.`, `\*`, `\?` and `\\` are literals, `\}` and `\/` drop the
 * backslash, and every other escape is an error. There are no `[...]` classes. Go's `.` does not
 * match a newline, and Go's regexp picks the leftmost match with backtracking priorities
 * ("leftmost-first"). This module reproduces that result with a small Pike VM (a thread list
 * simulation), which runs in O(pattern × text) time and never backtracks.
 *
 * @packageDocumentation
 */

/** One step of a compiled pattern: a literal character, any character, or a star. */
type PatternItem = { readonly kind: "char"; readonly char: string } | { readonly kind: "any" } | { readonly kind: "star" };

/** A compiled shell pattern. */
interface ShellPattern {
  readonly items: readonly PatternItem[];
  /** `*` prefers the shortest match (`.*?`) instead of the longest (`.*`). */
  readonly lazy: boolean;
}

/** The outcome of {@link compileShellPattern}. */
type ShellPatternResult = { ok: true; pattern: ShellPattern } | { ok: false; error: string };

/** A match as `[start, end)` indices into an array of code points. */
type Span = readonly [start: number, end: number];

/** Go prints the `EOF` rune (-1) with `%c` as U+FFFD. */
const REPLACEMENT_CHAR = "\uFFFD";

/**
 * Compile a pattern with BuildKit's `convertShellPatternToRegex` rules.
 *
 * @param pattern - The pattern text, escapes still in it.
 * @param greedy - `true` for `.*` stars (`##`, `%%`, `/`), `false` for `.*?` (`#`, `%`).
 * @returns The compiled pattern, or Go's error text (`invalid escape '\x'`).
 *
 * @example
 * ```ts
 * compileShellPattern("a\\*?", true);  // ok: literal "a", literal "*", any
 * compileShellPattern("\\x", true);    // { ok: false, error: "invalid escape '\\x'" }
 * ```
 */
function compileShellPattern(pattern: string, greedy: boolean): ShellPatternResult {
  const chars = Array.from(pattern);
  const items: PatternItem[] = [];
  for (let i = 0; i < chars.length; i++) {
    const c = chars[i];
    if (c === "*") items.push({ kind: "star" });
    else if (c === "?") items.push({ kind: "any" });
    else if (c === "\\") {
      const next = chars[i + 1];
      // `\}` and `\/` escape the ${} syntax only: the backslash is not part of the pattern.
      if (next === "}" || next === "/") continue;
      i++;
      if (next !== "*" && next !== "?" && next !== "\\") {
        return { ok: false, error: `invalid escape '\\${next ?? REPLACEMENT_CHAR}'` };
      }
      items.push({ kind: "char", char: next });
    } else items.push({ kind: "char", char: c });
  }
  return { ok: true, pattern: { items, lazy: !greedy } };
}

/**
 * Reverse a pattern while keeping each escape in front of the character it escapes
 * (BuildKit's `reversePattern`): `a\*c` → `c\*a`. A trailing lone backslash is reversed like an
 * ordinary character.
 *
 * @example
 * ```ts
 * reverseShellPattern("a\\*c"); // "c\\*a"
 * ```
 */
function reverseShellPattern(pattern: string): string {
  const chars = Array.from(pattern);
  const out = new Array<string>(chars.length);
  const last = chars.length - 1;
  for (let i = 0; i <= last; ) {
    const at = last - i;
    if (chars[i] === "\\" && i !== last) {
      out[at - 1] = "\\";
      out[at] = chars[i + 1];
      i += 2;
    } else {
      out[at] = chars[i];
      i++;
    }
  }
  return out.join("");
}

/** An ordered thread list of the Pike VM, deduplicated by pattern state. */
class ThreadList {
  readonly states: number[] = [];
  readonly starts: number[] = [];
  private readonly marks: Int32Array;
  private generation = 1;

  constructor(size: number) {
    this.marks = new Int32Array(size);
  }

  clear(): void {
    this.states.length = 0;
    this.starts.length = 0;
    this.generation++;
  }

  /** Marks `state` as visited; false when it already was. */
  visit(state: number): boolean {
    if (this.marks[state] === this.generation) return false;
    this.marks[state] = this.generation;
    return true;
  }

  push(state: number, start: number): void {
    this.states.push(state);
    this.starts.push(start);
  }
}

/**
 * Add the thread entering `state` (and what it reaches without consuming) in priority order.
 * A star state both waits for a character and may be skipped; greedy stars prefer waiting.
 */
function addThread(list: ThreadList, pattern: ShellPattern, state: number, start: number): void {
  const { items, lazy } = pattern;
  const skippedStars: number[] = [];
  for (let s = state; list.visit(s); s++) {
    if (s === items.length || items[s].kind !== "star") {
      list.push(s, start);
      break;
    }
    if (lazy) skippedStars.push(s);
    else list.push(s, start);
  }
  for (let k = skippedStars.length - 1; k >= 0; k--) list.push(skippedStars[k], start);
}

function itemAccepts(item: PatternItem, char: string): boolean {
  if (item.kind === "char") return item.char === char;
  return char !== "\n";
}

/**
 * Find the leftmost-first match of `pattern` in `text` starting the search at `from`, with Go
 * regexp semantics. `anchored` only allows a match that starts at `from`.
 *
 * @example
 * ```ts
 * const p = compileShellPattern("b*", true);
 * if (p.ok) findShellPattern(p.pattern, Array.from("abcb"), 0, false); // [1, 4]
 * ```
 */
function findShellPattern(pattern: ShellPattern, text: readonly string[], from: number, anchored: boolean): Span | undefined {
  const matchState = pattern.items.length;
  let current = new ThreadList(matchState + 1);
  let next = new ThreadList(matchState + 1);
  let found: Span | undefined;
  for (let pos = from; ; pos++) {
    if (found === undefined && (!anchored || pos === from)) addThread(current, pattern, 0, pos);
    if (current.states.length === 0) break;
    next.clear();
    const char = pos < text.length ? text[pos] : undefined;
    for (let t = 0; t < current.states.length; t++) {
      const state = current.states[t];
      if (state === matchState) {
        // Leftmost-first: this match beats every lower-priority thread.
        found = [current.starts[t], pos];
        break;
      }
      const item = pattern.items[state];
      if (char !== undefined && itemAccepts(item, char)) {
        addThread(next, pattern, item.kind === "star" ? state : state + 1, current.starts[t]);
      }
    }
    if (char === undefined) break;
    [current, next] = [next, current];
  }
  return found;
}

/**
 * The outcome of a pattern operation: the new value, or the cause the lexer reports.
 *
 * @example
 * ```ts
 * const r: PatternOpResult = trimPatternPrefix("\\x", "abc", false);
 * // { ok: false, error: "invalid pattern (\\x) in substitution: invalid escape '\\x'" }
 * ```
 */
export type PatternOpResult = { ok: true; value: string } | { ok: false; error: string };

function invalidPattern(pattern: string, error: string): PatternOpResult {
  return { ok: false, error: `invalid pattern (${pattern}) in substitution: ${error}` };
}

/**
 * `${value#pattern}` (shortest) or `${value##pattern}` (longest): remove a matching prefix.
 *
 * @internal
 * @example
 * ```ts
 * trimPatternPrefix("a*", "abcab", false); // { ok: true, value: "bcab" }
 * trimPatternPrefix("a*", "abcab", true);  // { ok: true, value: "" }
 * ```
 */
export function trimPatternPrefix(pattern: string, value: string, greedy: boolean): PatternOpResult {
  const compiled = compileShellPattern(pattern, greedy);
  if (!compiled.ok) return invalidPattern(pattern, compiled.error);
  const chars = Array.from(value);
  const span = findShellPattern(compiled.pattern, chars, 0, true);
  return { ok: true, value: span === undefined ? value : chars.slice(span[1]).join("") };
}

/**
 * `${value%pattern}` (shortest) or `${value%%pattern}` (longest): remove a matching suffix.
 * Like BuildKit, this reverses pattern and value and trims a prefix, so an error names the
 * reversed pattern.
 *
 * @internal
 * @example
 * ```ts
 * trimPatternSuffix("b*", "abcab", true);  // { ok: true, value: "a" }
 * trimPatternSuffix("b*", "abcab", false); // { ok: true, value: "abca" }
 * ```
 */
export function trimPatternSuffix(pattern: string, value: string, greedy: boolean): PatternOpResult {
  const reversed = trimPatternPrefix(reverseShellPattern(pattern), Array.from(value).reverse().join(""), greedy);
  return reversed.ok ? { ok: true, value: Array.from(reversed.value).reverse().join("") } : reversed;
}

/**
 * `${value/pattern/replacement}` and `${value//pattern/replacement}`: replace the first or every
 * match of a greedy, unanchored pattern. Replacing every match expands `$0`, `${0}` and `$$` in
 * the replacement as Go's `Regexp.ReplaceAllString` does; replacing the first match inserts it
 * literally.
 *
 * @internal
 * @example
 * ```ts
 * replacePattern("a", "abcab", "b", true);  // { ok: true, value: "bbcbb" }
 * replacePattern("?", "abcab", "z", false); // { ok: true, value: "zbcab" }
 * ```
 */
export function replacePattern(pattern: string, value: string, replacement: string, all: boolean): PatternOpResult {
  const compiled = compileShellPattern(pattern, true);
  if (!compiled.ok) return invalidPattern(pattern, compiled.error);
  const chars = Array.from(value);
  if (!all) {
    const span = findShellPattern(compiled.pattern, chars, 0, false);
    if (span === undefined) return { ok: true, value };
    return { ok: true, value: chars.slice(0, span[0]).join("") + replacement + chars.slice(span[1]).join("") };
  }
  let out = "";
  let lastEnd = 0;
  for (let searchAt = 0; searchAt <= chars.length; ) {
    const span = findShellPattern(compiled.pattern, chars, searchAt, false);
    if (span === undefined) break;
    out += chars.slice(lastEnd, span[0]).join("");
    // No replacement for an empty match right after the previous match (Go's rule).
    if (span[1] > lastEnd || span[0] === 0) out += expandGoTemplate(replacement, chars.slice(span[0], span[1]).join(""));
    lastEnd = span[1];
    searchAt = searchAt + 1 > span[1] ? searchAt + 1 : span[1];
  }
  return { ok: true, value: out + chars.slice(lastEnd).join("") };
}

/**
 * Go's `Regexp.Expand` for a pattern with no capture groups: `$$` is `$`, `$0` / `${0}` is the
 * match, any other well-formed `$name` / `${name}` is empty, and a malformed `$` stays literal.
 */
function expandGoTemplate(template: string, match: string): string {
  if (!template.includes("$")) return template;
  let out = "";
  let rest = template;
  for (let dollar = rest.indexOf("$"); dollar >= 0; dollar = rest.indexOf("$")) {
    out += rest.slice(0, dollar);
    rest = rest.slice(dollar + 1);
    if (rest.startsWith("$")) {
      out += "$";
      rest = rest.slice(1);
      continue;
    }
    const ref = /^(?:\{([\p{L}\p{Nd}_]+)\}|([\p{L}\p{Nd}_]+))/u.exec(rest);
    if (ref === null) {
      out += "$";
      continue;
    }
    const name = ref[1] ?? ref[2];
    if (name === "0") out += match;
    rest = rest.slice(ref[0].length);
  }
  return out + rest;
}
