/** lint(): the JSON contract, parse and build errors as findings, never an exception. */
import { describe, expect, it } from "vitest";
import { lint } from "../../src/engine/lint.js";
import { fixText } from "../../src/engine/fix.js";
import { defineRule } from "../../src/engine/rule.js";
import { analyze } from "../../src/model/index.js";
import preferCopy from "../../rules/prefer-copy.js";

describe("lint", () => {
  it("returns findings in the documented shape, sorted by position", () => {
    const result = lint("FROM alpine\nADD b /b\nADD a /a\n", { rules: [preferCopy], filePath: "Dockerfile" });
    expect(result.filePath).toBe("Dockerfile");
    expect(result.findings.map(({ ruleId, aliases, severity, line, column, endLine, endColumn }) => ({ ruleId, aliases, severity, line, column, endLine, endColumn }))).toEqual([
      { ruleId: "prefer-copy", aliases: ["DL3020", "DS-0005", "CKV_DOCKER_4"], severity: "warning", line: 2, column: 1, endLine: 2, endColumn: 4 },
      { ruleId: "prefer-copy", aliases: ["DL3020", "DS-0005", "CKV_DOCKER_4"], severity: "warning", line: 3, column: 1, endLine: 2 + 1, endColumn: 4 },
    ]);
  });
  it("reports parse errors as findings with ruleId null", () => {
    const { findings } = lint("FROM a\nENV x\n", { rules: [] });
    expect(findings.map((f) => [f.ruleId, f.severity, f.line])).toEqual([[null, "error", 2]]);
  });
  it("reports build errors of the model (COPY --from a later stage)", () => {
    const { findings } = lint("FROM a AS one\nCOPY --from=two /x /x\nFROM b AS two\n", { rules: [] });
    expect(findings.map((f) => [f.ruleId, f.line])).toEqual([[null, 2]]);
  });
  it("lints with a model the caller already has, without analysing again", () => {
    const text = "FROM a AS one\nFROM b AS two\nENV x\nADD b /b\n";
    const model = analyze(text, { target: "one" });
    const seen: unknown[] = [];
    const spy = defineRule({ meta: { ...preferCopy.meta, id: "spy" }, check(context) { seen.push(context.model); } });
    const result = lint(text, { rules: [preferCopy, spy as never], model });
    expect(seen).toEqual([model]);
    expect(result.findings).toEqual(lint(text, { rules: [preferCopy], analyze: { target: "one" } }).findings);
    expect(result.findings.map((f) => [f.ruleId, f.line])).toEqual([[null, 3], ["prefer-copy", 4]]);
  });
  it("turns a crashing rule into a finding instead of an exception", () => {
    const broken = defineRule({ meta: { ...preferCopy.meta, id: "broken" }, check() { throw new Error("boom"); } });
    expect(lint("FROM a\n", { rules: [broken as never] }).findings.map((f) => f.message)).toEqual(["Internal error in rule broken: boom"]);
  });
});

describe("fixText", () => {
  it("applies safe fixes until stable and reports what it did", () => {
    const fixed = fixText("FROM alpine\nADD a /a\nADD b /b\n", { rules: [preferCopy] });
    expect(fixed.output).toBe("FROM alpine\nCOPY a /a\nCOPY b /b\n");
    expect(fixed.applied).toBe(2);
    expect(fixed.result.findings).toEqual([]);
  });
  it("leaves the text alone when nothing is fixable", () => {
    expect(fixText("FROM alpine\nCOPY a /a\n", { rules: [preferCopy] }).applied).toBe(0);
  });
});
