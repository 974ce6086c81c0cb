/**
 * JSON text that is safe to print: no raw control characters at all.
 */

/**
 * `JSON.stringify(value, null, indent)` with DEL, the C1 control characters (such as the one-byte
 * CSI, U+009B) and the line separators U+2028/U+2029 written as `\uXXXX` escapes, which
 * `JSON.stringify` leaves raw. The parsed value is unchanged.
 *
 * @example
 * ```ts
 * toJson({ message: "a\u009bb" }); // '{"message":"a\\u009bb"}'
 * ```
 */
export function toJson(value: unknown, indent?: number): string {
  return JSON.stringify(value, null, indent).replace(
    /[\u007f-\u009f\u2028\u2029]/g,
    (char) => `\\u${char.charCodeAt(0).toString(16).padStart(4, "0")}`,
  );
}
