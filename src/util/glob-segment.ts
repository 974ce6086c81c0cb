/**
 * Shell glob patterns for one path segment (`*`, `?`, `[…]`, `\x`), as `rm` paths use them.
 * Matching uses the two-pointer wildcard algorithm (at most pattern × name steps), not a regular
 * expression built from the pattern, so no pattern written in a Dockerfile can make it backtrack.
 */

type Token = { readonly star: true } | { readonly star: false; readonly test: (c: string) => boolean };

const STAR: Token = { star: true };

/** A `[…]` class starting at `open`: its test and the index of its `]`, or undefined when it does not close. */
function bracket(pattern: string, open: number): { test: (c: string) => boolean; close: number } | undefined {
  let i = open + 1;
  const negated = pattern[i] === "!" || pattern[i] === "^";
  if (negated) i++;
  const ranges: [string, string][] = [];
  const first = i;
  for (; i < pattern.length; i++) {
    if (pattern[i] === "]" && i > first) break;
    const low = pattern[i];
    if (pattern[i + 1] === "-" && i + 2 < pattern.length && pattern[i + 2] !== "]") {
      ranges.push([low, pattern[i + 2]]);
      i += 2;
    } else ranges.push([low, low]);
  }
  if (i >= pattern.length) return undefined;
  const inClass = (c: string): boolean => ranges.some(([lo, hi]) => lo <= c && c <= hi);
  return { test: (c) => inClass(c) !== negated, close: i };
}

function tokenize(pattern: string): Token[] {
  const tokens: Token[] = [];
  for (let i = 0; i < pattern.length; i++) {
    const c = pattern[i];
    if (c === "*") {
      if (tokens[tokens.length - 1] !== STAR) tokens.push(STAR);
    } else if (c === "?") {
      tokens.push({ star: false, test: (x) => x !== "/" });
    } else if (c === "[" && bracket(pattern, i) !== undefined) {
      const { test, close } = bracket(pattern, i)!;
      tokens.push({ star: false, test });
      i = close;
    } else {
      const literal = c === "\\" && i + 1 < pattern.length ? pattern[++i] : c;
      tokens.push({ star: false, test: (x) => x === literal });
    }
  }
  return tokens;
}

function matches(tokens: readonly Token[], name: string): boolean {
  let p = 0;
  let n = 0;
  let starP = -1;
  let starN = 0;
  while (n < name.length) {
    const token = tokens[p];
    if (token !== undefined && !token.star && token.test(name[n])) {
      p++;
      n++;
    } else if (token !== undefined && token.star) {
      starP = p++;
      starN = n;
    } else if (starP >= 0 && name[starN] !== "/") {
      p = starP + 1;
      n = ++starN;
    } else return false;
  }
  while (tokens[p]?.star) p++;
  return p === tokens.length;
}

const cache = new Map<string, (name: string) => boolean>();

/**
 * A glob segment as a test on one path component (compiled once per pattern); a malformed class
 * matches literally.
 *
 * @example
 * ```ts
 * globSegmentTest("lists*")("lists.tmp"); // true
 * globSegmentTest("*_[a-z]")("x_b");      // true
 * ```
 */
export function globSegmentTest(pattern: string): (name: string) => boolean {
  let test = cache.get(pattern);
  if (test === undefined) {
    const tokens = tokenize(pattern);
    test = (name) => matches(tokens, name);
    cache.set(pattern, test);
  }
  return test;
}
