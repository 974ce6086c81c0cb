/**
 * Making control characters visible, so that text from Dockerfiles and messages cannot drive a
 * terminal or break a line-oriented format.
 */

/**
 * The visible stand-in for one control character: the Unicode "control picture" for C0 characters
 * and DEL (`\n` → `␊`, ESC → `␛`), U+FFFD for anything else.
 *
 * @example
 * ```ts
 * controlPicture("\u001b"); // "␛"
 * ```
 */
export function controlPicture(char: string): string {
  const code = char.charCodeAt(0);
  if (code < 0x20) return String.fromCharCode(0x2400 + code);
  return code === 0x7f ? "\u2421" : "\ufffd";
}

const INVISIBLE = /[\u0000-\u0008\u000a-\u001f\u007f-\u009f]/;
const INVISIBLE_ALL = new RegExp(INVISIBLE.source, "g");

/**
 * `text` with every C0 and C1 control character except tab replaced by {@link controlPicture}.
 *
 * @example
 * ```ts
 * makeVisible("a\nb\u001b[31m"); // "a␊b␛[31m"
 * ```
 */
export function makeVisible(text: string): string {
  return INVISIBLE.test(text) ? text.replace(INVISIBLE_ALL, controlPicture) : text;
}
