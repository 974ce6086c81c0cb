import { describe, expect, it } from "vitest";
import { escapeXmlAttribute, escapeXmlText } from "../../src/formatters/xml.js";
import { parseXml } from "./xml-check.js";

describe("XML escaping", () => {
  it("escapes markup in text and attributes", () => {
    expect(escapeXmlText(`a < b & c > "d" 'e'`)).toBe(`a &lt; b &amp; c &gt; "d" 'e'`);
    expect(escapeXmlAttribute(`a < b & c > "d" 'e'`)).toBe("a &lt; b &amp; c &gt; &quot;d&quot; &apos;e&apos;");
  });

  it("keeps whitespace through attribute normalisation and CR through line-end normalisation", () => {
    expect(escapeXmlAttribute("a\tb\nc\rd")).toBe("a&#9;b&#10;c&#13;d");
    expect(escapeXmlText("a\tb\nc\rd")).toBe("a\tb\nc&#13;d");
  });

  it("replaces characters XML 1.0 cannot carry", () => {
    expect(escapeXmlText("a\u0000b\u001bc\u000bd\ufffee")).toBe("a␀b␛c␋d\ufffde");
    expect(escapeXmlText("lone \ud800 surrogate, pair \ud83d\ude00")).toBe("lone \ufffd surrogate, pair \ud83d\ude00");
  });

  it("writes DEL and C1 controls as character references", () => {
    expect(escapeXmlText("a\u009b31m\u007f")).toBe("a&#x9B;31m&#x7F;");
    expect(escapeXmlAttribute("\u0085")).toBe("&#x85;");
  });

  it("round-trips through an XML reader", () => {
    const text = `<x> & "y" 'z'\r\n\ttab é 東京 \u009b \u001b`;
    const element = parseXml(`<r a="${escapeXmlAttribute(text)}">${escapeXmlText(text)}</r>`);
    const expected = text.replace("\u001b", "␛");
    expect(element.attributes.a).toBe(expected);
    expect(element.text).toBe(expected);
  });
});

describe("the test XML reader", () => {
  it.each([
    ["<a><b></a></b>", /closes/],
    ["<a x='1' x='2'/>", /duplicate/],
    ["<a>&nbsp;</a>", /unknown entity/],
    ["<a>a & b</a>", /unterminated/],
    ["<a>\u001b</a>", /character/],
    ["<a>&#27;</a>", /forbidden/],
    ["<a/><b/>", /second root/],
    ["<a>", /unclosed/],
    ["<a x=1/>", /malformed/],
  ])("rejects %j", (xml, error) => {
    expect(() => parseXml(xml)).toThrow(error);
  });
});
