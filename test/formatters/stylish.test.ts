import { stripVTControlCharacters } from "node:util";
import { describe, expect, it } from "vitest";
import { stylish } from "../../src/formatters/stylish.js";
import { CONTEXT, RESULTS } from "./fixtures.js";

describe("stylish", () => {
  it("matches the golden output", async () => {
    await expect(stylish(RESULTS, CONTEXT)).toMatchFileSnapshot("./__golden__/stylish.txt");
  });

  it("writes no ANSI codes without colour, even for an ESC in a message", () => {
    const output = stylish(RESULTS, CONTEXT);
    expect(output).not.toMatch(/[\u001b\u009b]/);
    expect(output).toContain("␛[31mnow␛[0m");
  });

  it("colours severities, locations and the summary with colour, and only adds style codes", () => {
    const output = stylish(RESULTS, { ...CONTEXT, color: true });
    expect(output).toContain("\u001b[31merror  \u001b[39m");
    expect(output).toContain("\u001b[33mwarning\u001b[39m");
    expect(output).toContain("\u001b[2m1:6 \u001b[22m");
    expect(output).toContain("\u001b[4mDockerfile\u001b[24m");
    expect(stripVTControlCharacters(output)).toBe(stylish(RESULTS, CONTEXT));
  });

  it("prints nothing when there are no findings", () => {
    expect(stylish([{ filePath: "Dockerfile", findings: [], source: "FROM scratch\n" }], CONTEXT)).toBe("");
    expect(stylish([], CONTEXT)).toBe("");
  });

  it("pluralises the summary", () => {
    const [main] = RESULTS;
    const output = stylish([{ ...main, findings: main.findings.slice(0, 1) }], CONTEXT);
    expect(output.trimEnd().split("\n").at(-1)).toBe("✖ 1 problem (0 errors, 1 warning, 0 infos)");
  });

  it("leaves the code frame out when the source is unknown", () => {
    const [main] = RESULTS;
    const output = stylish([{ filePath: main.filePath, findings: main.findings.slice(0, 1) }], CONTEXT);
    expect(output).not.toContain("|");
  });
});
