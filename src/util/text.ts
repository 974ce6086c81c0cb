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
