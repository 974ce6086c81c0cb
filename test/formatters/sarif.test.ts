import { describe, expect, it } from "vitest";
import { sarif } from "../../src/formatters/sarif.js";
import { CONTEXT, RESULTS } from "./fixtures.js";
import { sarifValidator } from "./sarif-schema.js";

const validate = sarifValidator();

interface SarifLog {
  runs: Array<{
    tool: { driver: { rules: Array<{ id: string; helpUri?: string; properties?: { tags: string[] }; defaultConfiguration: { level: string } }> } };
    results: Array<{
      ruleId: string;
      ruleIndex: number;
      level: string;
      message: { text: string };
      locations: Array<{ physicalLocation: { artifactLocation: { uri: string; uriBaseId?: string }; region: Record<string, number> } }>;
      partialFingerprints: Record<string, string>;
    }>;
  }>;
}

function parse(output: string): SarifLog {
  return JSON.parse(output) as SarifLog;
}

describe("sarif", () => {
  it("matches the golden output", async () => {
    await expect(sarif(RESULTS, CONTEXT)).toMatchFileSnapshot("./__golden__/sarif.txt");
  });

  it("is valid against the official SARIF 2.1.0 schema", () => {
    expect(validate(JSON.parse(sarif(RESULTS, CONTEXT))), JSON.stringify(validate.errors, null, 2)).toBe(true);
    expect(validate(JSON.parse(sarif([], CONTEXT))), JSON.stringify(validate.errors, null, 2)).toBe(true);
  });

  it("lists each rule that occurs once, and results point at their rule", () => {
    const [run] = parse(sarif(RESULTS, CONTEXT)).runs;
    const ids = run.tool.driver.rules.map((rule) => rule.id);
    expect(ids).toEqual(["expose-protocol", "label-schema", "no-latest-tag", "no-package-cache", "npm-omit-dev", "parse-error"]);
    for (const result of run.results) expect(ids[result.ruleIndex]).toBe(result.ruleId);
  });

  it("describes rules with documentation links, levels and tags", () => {
    const rules = parse(sarif(RESULTS, CONTEXT)).runs[0].tool.driver.rules;
    const cache = rules.find((rule) => rule.id === "no-package-cache");
    expect(cache?.helpUri).toBe("https://github.com/example/dockerlint/blob/main/docs/rules/no-package-cache.md");
    expect(cache?.properties?.tags).toEqual(["package-managers", "DL3009", "DS-0029"]);
    expect(rules.find((rule) => rule.id === "expose-protocol")?.defaultConfiguration.level).toBe("none");
    expect(rules.find((rule) => rule.id === "parse-error")?.defaultConfiguration.level).toBe("error");
  });

  it("maps levels, columns and repository-relative URIs", () => {
    const results = parse(sarif(RESULTS, CONTEXT)).runs[0].results;
    expect(results.map((result) => result.level)).toEqual(["warning", "error", "note", "warning", "warning", "error"]);
    expect(results[1].locations[0].physicalLocation.region).toEqual({ startLine: 2, startColumn: 5, endLine: 3, endColumn: 28 });
    expect(results[4].locations[0].physicalLocation.artifactLocation).toEqual({ uri: "services/api/Dockerfile", uriBaseId: "%SRCROOT%" });
  });

  it("percent-encodes paths", () => {
    const result = { filePath: "/work/project/my dir/Dockerfile#1", findings: RESULTS[0].findings.slice(0, 1) };
    const log = parse(sarif([result], CONTEXT));
    expect(log.runs[0].results[0].locations[0].physicalLocation.artifactLocation.uri).toBe("my%20dir/Dockerfile%231");
    expect(validate(log)).toBe(true);
  });

  it("calls parse errors parse-error and has no ANSI codes", () => {
    const output = sarif(RESULTS, CONTEXT);
    expect(parse(output).runs[0].results[5].ruleId).toBe("parse-error");
    expect(output).not.toContain("\u001b");
  });
});
