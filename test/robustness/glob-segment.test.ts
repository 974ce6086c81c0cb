/** The glob matcher of rm paths: shell semantics, and linear cost on hostile patterns. */
import { describe, expect, it } from "vitest";
import { globSegmentTest } from "../../src/util/glob-segment.js";

describe("globSegmentTest", () => {
  it.each([
    ["lists*", "lists", true],
    ["lists*", "lists.tmp", true],
    ["*_*", "a_b", true],
    ["*_*", "ab", false],
    ["?", "a", true],
    ["?", "", false],
    ["[a-c]x", "bx", true],
    ["[!a-c]x", "bx", false],
    ["[^a-c]x", "dx", true],
    ["\\*", "*", true],
    ["\\*", "a", false],
    ["[abc", "[abc", true],
    ["*.deb", "pkg.deb", true],
    ["*.deb", "pkg.rpm", false],
  ])("%s ~ %s = %s", (pattern, name, expected) => expect(globSegmentTest(pattern)(name)).toBe(expected));

  it("stays fast on a pattern that makes regex engines backtrack", () => {
    const pattern = "*a".repeat(30) + "b";
    const name = "a".repeat(20_000);
    expect(globSegmentTest(pattern)(name)).toBe(false);
  });
});
