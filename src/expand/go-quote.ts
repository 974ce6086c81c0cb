/**
 * Go's `strconv.Quote` (the `%q` verb), which BuildKit uses to show inputs in error messages.
 *
 * @packageDocumentation
 */

const PRINTABLE = /[\p{L}\p{M}\p{N}\p{P}\p{S}]/u;
const NAMED_ESCAPES: Readonly<Record<number, string>> = {
  0x07: "\\a",
  0x08: "\\b",
  0x0c: "\\f",
  0x0a: "\\n",
  0x0d: "\\r",
  0x09: "\\t",
  0x0b: "\\v",
};

function isGoPrintable(cp: number): boolean {
  if (cp < 0x80) return cp >= 0x20 && cp < 0x7f;
  return PRINTABLE.test(String.fromCodePoint(cp));
}

function hex(cp: number, digits: number): string {
  return cp.toString(16).padStart(digits, "0");
}

/**
 * Quote a string the way Go's `strconv.Quote` does: double quotes, `\"` and `\\`, named escapes
 * such as `\n`, `\xHH` for other control bytes, and `\uHHHH` / `\UHHHHHHHH` for characters Go
 * does not consider printable. Printable non-ASCII text (`한국어`) is kept as it is.
 *
 * @example
 * ```ts
 * goQuote('a "b"\n');  // "\"a \\\"b\\\"\\n\""
 * goQuote("\u00a0");   // "\"\\u00a0\""
 * ```
 */
export function goQuote(text: string): string {
  let out = '"';
  for (const char of text) {
    const cp = char.codePointAt(0) ?? 0;
    if (char === '"' || char === "\\") out += "\\" + char;
    else if (isGoPrintable(cp)) out += char;
    else if (NAMED_ESCAPES[cp] !== undefined) out += NAMED_ESCAPES[cp];
    else if (cp < 0x20 || cp === 0x7f) out += "\\x" + hex(cp, 2);
    else if (cp >= 0xd800 && cp <= 0xdfff) out += "\\ufffd";
    else if (cp < 0x10000) out += "\\u" + hex(cp, 4);
    else out += "\\U" + hex(cp, 8);
  }
  return out + '"';
}
