/** Small string helpers written without regular expressions, so they stay linear on any input. */

/**
 * `text` without the trailing run of `char`.
 *
 * @example
 * ```ts
 * trimTrailing("/var/cache//", "/"); // "/var/cache"
 * ```
 */
export function trimTrailing(text: string, char: string): string {
  let end = text.length;
  while (end > 0 && text[end - 1] === char) end--;
  return end === text.length ? text : text.slice(0, end);
}

/**
 * `text` up to the first of `chars` (all of it when none occurs).
 *
 * @example
 * ```ts
 * cutAtFirst("https://x/a.tgz?sig=1#f", "?#"); // "https://x/a.tgz"
 * ```
 */
export function cutAtFirst(text: string, chars: string): string {
  let end = text.length;
  for (let c = 0; c < chars.length; c++) {
    const at = text.indexOf(chars[c]);
    if (at !== -1 && at < end) end = at;
  }
  return end === text.length ? text : text.slice(0, end);
}

/**
 * Orders strings by UTF-16 code units, as `Array.prototype.sort()` does. For sort comparators in
 * place of `localeCompare`, whose first call loads ICU's collator (10–20 ms of every CLI start).
 *
 * @example
 * ```ts
 * ["no-sudo", "no-ssh"].sort(compareCodeUnits); // ["no-ssh", "no-sudo"]
 * ```
 */
export function compareCodeUnits(a: string, b: string): number {
  return a < b ? -1 : a > b ? 1 : 0;
}
