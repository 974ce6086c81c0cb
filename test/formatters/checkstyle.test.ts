import { describe, expect, it } from "vitest";
import { checkstyle } from "../../src/formatters/checkstyle.js";
import { CONTEXT, NASTY_MESSAGE, RESULTS } from "./fixtures.js";
import { parseXml } from "./xml-check.js";

describe("checkstyle", () => {
  it("matches the golden output", async () => {
    await expect(checkstyle(RESULTS, CONTEXT)).toMatchFileSnapshot("./__golden__/checkstyle.txt");
  });

  it("is well-formed XML that reads back to the findings", () => {
    const root = parseXml(checkstyle(RESULTS, CONTEXT));
    expect(root.name).toBe("checkstyle");
    expect(root.attributes.version).toBe("4.3");
    expect(root.children.map((file) => file.attributes.name)).toEqual(["Dockerfile", "services/api/Dockerfile", "Dockerfile.clean"]);
    expect(root.children.map((file) => file.children.length)).toEqual([4, 2, 0]);
    const cache = root.children[0].children[1].attributes;
    expect(cache).toEqual({ line: "2", column: "5", severity: "error", message: NASTY_MESSAGE.replaceAll("\u001b", "␛"), source: "dockerlint.no-package-cache" });
    expect(root.children[1].children[1].attributes.source).toBe("dockerlint.parse-error");
  });

  it("is an empty document without results", () => {
    expect(parseXml(checkstyle([], CONTEXT)).children).toEqual([]);
  });
});
