import { describe, expect, it } from "vitest";
import { FORMAT_NAMES, formatters } from "../../src/formatters/index.js";
import { CONTEXT, RESULTS } from "./fixtures.js";

describe("formatters", () => {
  it("has a formatter for every format name", () => {
    expect(Object.keys(formatters).sort()).toEqual([...FORMAT_NAMES].sort());
    expect(Object.isFrozen(formatters)).toBe(true);
  });

  it.each(FORMAT_NAMES)("%s writes no control characters of a message, and no ANSI codes unless stylish with colour", (name) => {
    const [main] = RESULTS;
    const results = [{ ...main, findings: main.findings.map((finding) => ({ ...finding, message: `${finding.message} \u009b31m\u007f` })) }];
    expect(formatters[name](results, CONTEXT)).not.toMatch(/[\u0000-\u0008\u000b-\u001f\u007f-\u009f]/);
    if (name !== "stylish") expect(formatters[name](results, { ...CONTEXT, color: true })).toBe(formatters[name](results, CONTEXT));
  });

  it.each(FORMAT_NAMES)("%s ends non-empty output with a newline", (name) => {
    expect(formatters[name](RESULTS, CONTEXT)).toMatch(/\n$/);
  });
});
