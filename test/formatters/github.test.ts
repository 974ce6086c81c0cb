import { describe, expect, it } from "vitest";
import { escapeData, escapeProperty, github } from "../../src/formatters/github.js";
import { CONTEXT, NASTY_MESSAGE, RESULTS } from "./fixtures.js";

describe("github", () => {
  it("matches the golden output", async () => {
    await expect(github(RESULTS, CONTEXT)).toMatchFileSnapshot("./__golden__/github.txt");
  });

  it("writes one workflow command per finding, one per line", () => {
    const lines = github(RESULTS, CONTEXT).split("\n");
    expect(lines.at(-1)).toBe("");
    expect(lines.slice(0, -1)).toHaveLength(6);
    expect(lines.slice(0, -1).every((line) => /^::(error|warning|notice) file=[^:]+::/.test(line))).toBe(true);
  });

  it("maps info to notice and gives the rule in the title", () => {
    expect(github(RESULTS, CONTEXT)).toContain("::notice file=Dockerfile,line=5,col=19,endLine=5,endColumn=29,title=dockerlint (label-schema)::");
  });

  it("leaves out the columns of a span over several lines", () => {
    expect(github(RESULTS, CONTEXT)).toContain("::error file=Dockerfile,line=2,endLine=3,title=dockerlint (no-package-cache)::");
  });

  it("escapes the message as data and properties as properties", () => {
    expect(escapeData("100%, a:b\r\nc\u001b[0m")).toBe("100%25, a:b%0D%0Ac␛[0m");
    expect(escapeProperty("100%, a:b\r\nc")).toBe("100%25%2C a%3Ab%0D%0Ac");
    const output = github([{ filePath: "/work/project/a,b:c%.Dockerfile", findings: [{ ...RESULTS[0].findings[1] }] }], CONTEXT);
    expect(output).toBe(`::error file=a%2Cb%3Ac%25.Dockerfile,line=2,endLine=3,title=dockerlint (no-package-cache)::${escapeData(NASTY_MESSAGE)}\n`);
    expect(output.trimEnd()).not.toMatch(/[\r\n]/);
  });

  it("calls parse errors parse-error", () => {
    expect(github(RESULTS, CONTEXT)).toContain("col=6,endLine=3,endColumn=12,title=dockerlint (parse-error)::Unknown flag: chwn");
  });
});
