import { describe, expect, it } from "vitest";
import { toJson } from "../../src/formatters/json-text.js";

describe("toJson", () => {
  it("escapes every control character and line separator, losslessly", () => {
    const value = { text: "a\u0000\u001b\u007f\u0085\u009b\u2028\u2029 é 東京" };
    const text = toJson(value, 2);
    expect(text).not.toMatch(/[\u0000-\u0009\u000b-\u001f\u007f-\u009f\u2028\u2029]/);
    expect(text).toContain("\\u009b");
    expect(JSON.parse(text)).toEqual(value);
  });
});
