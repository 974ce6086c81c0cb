/**
 * A tiny, strict XML 1.0 reader for the tests: it throws on anything not well-formed (bad nesting,
 * bad or duplicate attributes, stray `<` or `&`, unknown entities, characters XML cannot carry) and
 * returns the element tree with attribute values and text decoded.
 */

/**
 * An element with decoded attributes and the decoded text of its direct text children.
 *
 * @example
 * ```ts
 * parseXml('<a b="&amp;">x</a>'); // { name: "a", attributes: { b: "&" }, children: [], text: "x" }
 * ```
 */
export interface XmlElement {
  readonly name: string;
  readonly attributes: Readonly<Record<string, string>>;
  readonly children: XmlElement[];
  text: string;
}

const NAME = /[A-Za-z_:][\w:.-]*/y;
const ATTRIBUTE = /\s+([A-Za-z_:][\w:.-]*)\s*=\s*(?:"([^"<]*)"|'([^'<]*)')/y;
const INVALID_CHAR = /[\u0000-\u0008\u000b\u000c\u000e-\u001f\ufffe\uffff]|[\ud800-\udbff](?![\udc00-\udfff])|(?<![\ud800-\udbff])[\udc00-\udfff]/;
const ENTITIES: Readonly<Record<string, string>> = { amp: "&", lt: "<", gt: ">", quot: '"', apos: "'" };

/**
 * Parses `xml`, throwing an Error that says where it is not well-formed.
 *
 * @example
 * ```ts
 * expect(() => parseXml("<a><b></a></b>")).toThrow(/closes/);
 * ```
 */
export function parseXml(xml: string): XmlElement {
  const invalid = INVALID_CHAR.exec(xml);
  if (invalid) throw new Error(`character U+${invalid[0].charCodeAt(0).toString(16)} at ${invalid.index}`);
  let pos = xml.startsWith("<?xml") ? skipPast(xml, 0, "?>") : 0;
  const stack: XmlElement[] = [];
  let root: XmlElement | undefined;
  while (pos < xml.length) {
    if (xml.startsWith("</", pos)) {
      const name = readName(xml, pos + 2);
      const closed = stack.pop();
      if (closed?.name !== name) throw new Error(`</${name}> at ${pos} closes <${closed?.name}>`);
      pos = expect(xml, pos + 2 + name.length, />/y);
    } else if (xml.startsWith("<", pos)) {
      if (root !== undefined && stack.length === 0) throw new Error(`second root element at ${pos}`);
      const element = readStartTag(xml, pos);
      stack.at(-1)?.children.push(element.element);
      root ??= element.element;
      if (!element.selfClosing) stack.push(element.element);
      pos = element.end;
    } else {
      const end = xml.indexOf("<", pos) < 0 ? xml.length : xml.indexOf("<", pos);
      const text = xml.slice(pos, end);
      if (text.includes("]]>")) throw new Error(`"]]>" in text at ${pos}`);
      if (stack.length === 0 && text.trim() !== "") throw new Error(`text outside the root element at ${pos}`);
      const parent = stack.at(-1);
      if (parent) parent.text += decode(text.replace(/\r\n?/g, "\n"), pos);
      pos = end;
    }
  }
  if (root === undefined || stack.length > 0) throw new Error(`unclosed <${stack.at(-1)?.name ?? "root"}>`);
  return root;
}

function readStartTag(xml: string, pos: number): { element: XmlElement; selfClosing: boolean; end: number } {
  const name = readName(xml, pos + 1);
  const attributes: Record<string, string> = {};
  let at = pos + 1 + name.length;
  for (let match = exec(ATTRIBUTE, xml, at); match; match = exec(ATTRIBUTE, xml, at)) {
    if (match[1] in attributes) throw new Error(`duplicate attribute ${match[1]} at ${at}`);
    attributes[match[1]] = decode((match[2] ?? match[3]).replace(/\r\n?|[\t\n]/g, " "), at);
    at += match[0].length;
  }
  const close = exec(/\s*(\/?)>/y, xml, at);
  if (!close) throw new Error(`malformed start tag <${name}> at ${at}`);
  return { element: { name, attributes, children: [], text: "" }, selfClosing: close[1] === "/", end: at + close[0].length };
}

function readName(xml: string, pos: number): string {
  const match = exec(NAME, xml, pos);
  if (!match) throw new Error(`expected a name at ${pos}`);
  return match[0];
}

function decode(text: string, pos: number): string {
  return text.replace(/&([^;&\s]*);?/g, (reference, body: string) => {
    if (!reference.endsWith(";")) throw new Error(`unterminated reference ${reference} near ${pos}`);
    const numeric = /^#(?:x([0-9a-fA-F]+)|([0-9]+))$/.exec(body);
    if (numeric) {
      const char = String.fromCodePoint(numeric[1] ? parseInt(numeric[1], 16) : Number(numeric[2]));
      if (INVALID_CHAR.test(char)) throw new Error(`reference to a forbidden character ${reference} near ${pos}`);
      return char;
    }
    if (!(body in ENTITIES)) throw new Error(`unknown entity ${reference} near ${pos}`);
    return ENTITIES[body];
  });
}

function expect(xml: string, pos: number, pattern: RegExp): number {
  const match = exec(pattern, xml, pos);
  if (!match) throw new Error(`expected ${pattern.source} at ${pos}`);
  return pos + match[0].length;
}

function skipPast(xml: string, pos: number, marker: string): number {
  const at = xml.indexOf(marker, pos);
  if (at < 0) throw new Error(`missing ${marker}`);
  return at + marker.length;
}

function exec(pattern: RegExp, text: string, pos: number): RegExpExecArray | null {
  pattern.lastIndex = pos;
  return pattern.exec(text);
}
