/**
 * Character classes exactly as BuildKit's Go code uses them. Go's `unicode.IsSpace` differs
 * from JavaScript's `\s` (it includes U+0085 and excludes U+FEFF), and BuildKit splits
 * arguments on ASCII blanks only, so both are spelled out here.
 */

/** Go `unicode.IsSpace`: Unicode White_Space. */
export function isGoSpace(code: number): boolean {
  if (code <= 0x20) return code === 0x20 || (code >= 0x09 && code <= 0x0d);
  if (code < 0x85) return false;
  return (
    code === 0x85 || code === 0xa0 || code === 0x1680 || (code >= 0x2000 && code <= 0x200a) ||
    code === 0x2028 || code === 0x2029 || code === 0x202f || code === 0x205f || code === 0x3000
  );
}

/** BuildKit's `reWhitespace` class `[\t\v\f\r ]`, used to split keywords and arguments. */
export function isSplitSpace(code: number): boolean {
  return code === 0x20 || code === 0x09 || code === 0x0b || code === 0x0c || code === 0x0d;
}

/** Index of the first character at or after `from` that is not Go whitespace. */
export function skipGoSpace(text: string, from: number, to = text.length): number {
  let i = from;
  while (i < to && isGoSpace(text.charCodeAt(i))) i++;
  return i;
}

/** Index just after the last character before `to` that is not Go whitespace (not below `from`). */
export function trimGoSpaceEnd(text: string, from: number, to: number): number {
  let i = to;
  while (i > from && isGoSpace(text.charCodeAt(i - 1))) i--;
  return i;
}

export const LF = 0x0a;
export const CR = 0x0d;
export const HASH = 0x23;
