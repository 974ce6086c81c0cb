import { describe, expect, it } from "vitest";
import { junit } from "../../src/formatters/junit.js";
import { CONTEXT, NASTY_MESSAGE, RESULTS } from "./fixtures.js";
import { parseXml } from "./xml-check.js";

describe("junit", () => {
  it("matches the golden output", async () => {
    await expect(junit(RESULTS, CONTEXT)).toMatchFileSnapshot("./__golden__/junit.txt");
  });

  it("is well-formed XML with one test case per file, passing files included", () => {
    const root = parseXml(junit(RESULTS, CONTEXT));
    expect(root.name).toBe("testsuites");
    const [suite] = root.children;
    expect(suite.attributes).toEqual({ name: "dockerlint", tests: "3", failures: "1", errors: "1" });
    expect(suite.children.map((testCase) => [testCase.attributes.name, testCase.attributes.classname])).toEqual([
      ["Dockerfile", "dockerlint"],
      ["services/api/Dockerfile", "dockerlint"],
      ["Dockerfile.clean", "dockerlint"],
    ]);
    const [main, api, clean] = suite.children.map((testCase) => testCase.children);
    expect(main[0].name).toBe("failure");
    expect(main[0].attributes).toEqual({ message: "4 problems (1 error, 2 warnings, 1 info)", type: "error" });
    expect(main[0].text).toContain(`2:5  error  ${NASTY_MESSAGE.replaceAll("\u001b", "␛")}  no-package-cache`);
    expect(api[0].name).toBe("error");
    expect(api[0].text).toContain("3:6  error  Unknown flag: chwn (did you mean --chown?)  parse-error");
    expect(clean).toEqual([]);
  });

  it("counts a clean run as all passing", () => {
    const root = parseXml(junit([RESULTS[2]], CONTEXT));
    expect(root.attributes).toEqual({ name: "dockerlint", tests: "1", failures: "0", errors: "0" });
  });
});
