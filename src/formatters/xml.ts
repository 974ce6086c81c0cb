/**
 * XML 1.0 escaping for the checkstyle and JUnit formats.
 */
import { controlPicture } from "./visible-text.js";

/**
 * The XML declaration the XML formats start with.
 *
 * @example
 * ```ts
 * const document = `${XML_DECLARATION}\n<checkstyle version="4.3"/>`;
 * ```
 */
export const XML_DECLARATION = '<?xml version="1.0" encoding="UTF-8"?>';

/** Characters XML 1.0 forbids even as character references, and lone surrogates. */
const INVALID = /[\u0000-\u0008\u000b\u000c\u000e-\u001f\ufffe\uffff]|[\ud800-\udbff](?![\udc00-\udfff])|(?<![\ud800-\udbff])[\udc00-\udfff]/g;

const REFERENCES: Readonly<Record<string, string>> = {
  "&": "&amp;",
  "<": "&lt;",
  ">": "&gt;",
  '"': "&quot;",
  "'": "&apos;",
  "\t": "&#9;",
  "\n": "&#10;",
  "\r": "&#13;",
};

/**
 * Escapes text for element content: markup characters become references, `\r` becomes `&#13;`
 * (parsers would drop it otherwise), DEL and C1 controls become character references (`&#x9B;`),
 * and characters XML 1.0 cannot carry become their control picture (ESC → `␛`) or U+FFFD.
 *
 * @example
 * ```ts
 * escapeXmlText("a < b & c\u001b"); // "a &lt; b &amp; c␛"
 * ```
 */
export function escapeXmlText(text: string): string {
  return text.replace(INVALID, controlPicture).replace(/[&<>\r\u007f-\u009f]/g, reference);
}

/**
 * Escapes text for a double- or single-quoted attribute value, like {@link escapeXmlText} but also
 * quotes and whitespace that attribute normalisation would otherwise turn into spaces.
 *
 * @example
 * ```ts
 * escapeXmlAttribute('say "hi"\n'); // "say &quot;hi&quot;&#10;"
 * ```
 */
export function escapeXmlAttribute(text: string): string {
  return text.replace(INVALID, controlPicture).replace(/[&<>"'\t\n\r\u007f-\u009f]/g, reference);
}

function reference(char: string): string {
  return REFERENCES[char] ?? `&#x${char.charCodeAt(0).toString(16).toUpperCase()};`;
}
