import { describe, expect, it } from "vitest";
import type { LintResult } from "../../src/engine/types.js";
import { json } from "../../src/formatters/json.js";
import { CONTEXT, RESULTS } from "./fixtures.js";

describe("json", () => {
  it("matches the golden output", async () => {
    await expect(json(RESULTS, CONTEXT)).toMatchFileSnapshot("./__golden__/json.txt");
  });

  it("is the LintResult[] contract without sources, keeping fixes", () => {
    const parsed = JSON.parse(json(RESULTS, CONTEXT)) as LintResult[];
    expect(parsed).toEqual(RESULTS.map(({ filePath, findings }) => ({ filePath, findings })));
    expect(parsed[0].findings[1].fix).toEqual({ safety: "safe", edits: [{ range: [70, 70], text: " && rm -rf /var/lib/apt/lists/*" }] });
    expect(parsed.every((result) => !("source" in result))).toBe(true);
  });

  it("writes only contract properties", () => {
    const [finding] = RESULTS[0].findings;
    const extra = { filePath: "Dockerfile", findings: [{ ...finding, internal: 1 }], debug: true } as unknown as LintResult;
    expect(JSON.parse(json([extra], CONTEXT))).toEqual([{ filePath: "Dockerfile", findings: [finding] }]);
  });

  it("writes an empty array for no results", () => {
    expect(json([], CONTEXT)).toBe("[]\n");
  });
});
