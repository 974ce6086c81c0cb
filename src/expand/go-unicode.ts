/**
 * Go's `unicode.IsLetter` and `unicode.IsDigit` for code points, which decide what a variable
 * name is in BuildKit's lexer, and Go's string order. (`unicode.IsSpace` is `isGoSpace` in
 * `grammar/dockerfile/chars.ts`.)
 *
 * @packageDocumentation
 */

const LETTER = /\p{L}/u;
const DECIMAL_DIGIT = /\p{Nd}/u;

/**
 * Go's `unicode.IsLetter` (general category `L`).
 *
 * @internal
 * @example
 * ```ts
 * isGoLetter("é".codePointAt(0)!); // true
 * isGoLetter(0x5f);                // false ("_")
 * ```
 */
export function isGoLetter(cp: number): boolean {
  if (cp < 0x80) return (cp >= 0x41 && cp <= 0x5a) || (cp >= 0x61 && cp <= 0x7a);
  return LETTER.test(String.fromCodePoint(cp));
}

/**
 * Go's `unicode.IsDigit` (general category `Nd`, so other scripts' decimal digits count too).
 *
 * @internal
 * @example
 * ```ts
 * isGoDigit(0x37);   // true ("7")
 * isGoDigit(0x0663); // true (ARABIC-INDIC DIGIT THREE)
 * ```
 */
export function isGoDigit(cp: number): boolean {
  if (cp < 0x80) return cp >= 0x30 && cp <= 0x39;
  return DECIMAL_DIGIT.test(String.fromCodePoint(cp));
}

/** UTF-16 units reordered so that comparing them compares code points (surrogates last). */
function codePointRank(unit: number): number {
  if (unit < 0xd800) return unit;
  return unit <= 0xdfff ? unit + 0x2000 : unit - 0x800;
}

/**
 * Compare strings as Go does (byte-wise UTF-8, which is code point order). JavaScript's default
 * sort compares UTF-16 units, which puts U+10000 and above before U+E000–U+FFFF.
 *
 * @internal
 * @example
 * ```ts
 * ["\u{1D49C}", "\uFF5A"].sort(compareGoStrings); // ["\uFF5A", "\u{1D49C}"]
 * ```
 */
export function compareGoStrings(a: string, b: string): number {
  const n = Math.min(a.length, b.length);
  for (let i = 0; i < n; i++) {
    const x = a.charCodeAt(i);
    const y = b.charCodeAt(i);
    if (x !== y) return codePointRank(x) - codePointRank(y);
  }
  return a.length - b.length;
}
