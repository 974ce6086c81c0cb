import { describe, expect, it } from "vitest";
import { cutAtFirst, trimTrailing } from "../../src/util/text.js";

describe("trimTrailing", () => {
  it("drops the trailing run of one character, and only that", () => {
    expect(trimTrailing("/var/cache//", "/")).toBe("/var/cache");
    expect(trimTrailing("/var/cache", "/")).toBe("/var/cache");
    expect(trimTrailing("///", "/")).toBe("");
    expect(trimTrailing("", "/")).toBe("");
    expect(trimTrailing("a/b", "/")).toBe("a/b");
  });
});

describe("cutAtFirst", () => {
  it("cuts at the earliest of several characters, whichever comes first in the text", () => {
    expect(cutAtFirst("https://x/a.tgz?sig=1#f", "?#")).toBe("https://x/a.tgz");
    expect(cutAtFirst("https://x/a.tgz#f?sig=1", "?#")).toBe("https://x/a.tgz");
    expect(cutAtFirst("?x", "?#")).toBe("");
    expect(cutAtFirst("plain", "?#")).toBe("plain");
    expect(cutAtFirst("", "?#")).toBe("");
  });
});
