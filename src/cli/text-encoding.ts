/**
 * Bytes to Dockerfile text and back: UTF-8 (a BOM is kept in the text, as the parser expects),
 * UTF-16 with a byte order mark (decoded, and encoded the same way again when fixing), and a
 * refusal for binary data (NUL bytes) and for bytes that are not valid UTF-8.
 */

/**
 * How a file's text was stored.
 *
 * @example
 * ```ts
 * const encoding: TextEncoding = "utf-16le";
 * ```
 */
export type TextEncoding = "utf-8" | "utf-16le" | "utf-16be";

/**
 * The text of a file, or why it is not text.
 *
 * @example
 * ```ts
 * const decoded: Decoded = { ok: false, reason: "binary file (contains NUL bytes)" };
 * ```
 */
export type Decoded = { ok: true; text: string; encoding: TextEncoding } | { ok: false; reason: string };

function decodeStrict(bytes: Uint8Array, encoding: TextEncoding): string | undefined {
  try {
    return new TextDecoder(encoding, { fatal: true, ignoreBOM: encoding === "utf-8" }).decode(bytes);
  } catch {
    return undefined;
  }
}

/**
 * Decodes the bytes of a Dockerfile.
 *
 * @example
 * ```ts
 * decodeText(new Uint8Array([0xff, 0xfe, 0x46, 0x00])); // { ok: true, text: "F", encoding: "utf-16le" }
 * decodeText(new Uint8Array([0x46, 0x00]));             // { ok: false, reason: "binary file (contains NUL bytes)" }
 * ```
 */
export function decodeText(bytes: Uint8Array): Decoded {
  const utf16: TextEncoding | undefined =
    bytes[0] === 0xff && bytes[1] === 0xfe ? "utf-16le" : bytes[0] === 0xfe && bytes[1] === 0xff ? "utf-16be" : undefined;
  if (utf16 !== undefined) {
    const text = decodeStrict(bytes, utf16);
    if (text === undefined) return { ok: false, reason: `not valid ${utf16.toUpperCase()} text` };
    if (text.includes("\0")) return { ok: false, reason: "binary file (contains NUL characters)" };
    return { ok: true, text, encoding: utf16 };
  }
  if (bytes.includes(0)) return { ok: false, reason: "binary file (contains NUL bytes)" };
  const text = decodeStrict(bytes, "utf-8");
  if (text === undefined) return { ok: false, reason: "not UTF-8 text (save it as UTF-8)" };
  return { ok: true, text, encoding: "utf-8" };
}

/**
 * Encodes text the way {@link decodeText} found it (UTF-16 gets its byte order mark back).
 *
 * @example
 * ```ts
 * encodeText("F", "utf-16le"); // Uint8Array [0xff, 0xfe, 0x46, 0x00]
 * ```
 */
export function encodeText(text: string, encoding: TextEncoding): Uint8Array {
  if (encoding === "utf-8") return Buffer.from(text, "utf8");
  const bytes = Buffer.from("\uFEFF" + text, "utf16le");
  return encoding === "utf-16be" ? bytes.swap16() : bytes;
}
