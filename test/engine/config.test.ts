/** The configuration: schema validation with clear messages, severities, options and aliases. */
import { describe, expect, it } from "vitest";
import { allRules } from "../../rules/index.js";
import { effectiveRule, parseJsonText, validateConfig } from "../../src/engine/config.js";
import { lint } from "../../src/engine/lint.js";
import preferCopy from "../../rules/prefer-copy.js";

describe("validateConfig", () => {
  it.each([
    [{ rules: { "prefer-copy": "off" } }, undefined],
    [{ $schema: "./schema.json", rules: { "prefer-copy": ["warn"] }, failureThreshold: "warning" }, undefined],
    [{ rules: { DL3020: "info" } }, undefined],
    [{ rules: { "prefer-cpy": "off" } }, 'unknown rule "prefer-cpy" (did you mean "prefer-copy"?)'],
    [{ rules: { "prefer-copy": "loud" } }, "rules.prefer-copy"],
    [{ rulez: {} }, 'unknown key "rulez" in the configuration (did you mean "rules"?)'],
    [{ failureThreshold: "fatal" }, '"failureThreshold" must be one of'],
    [{ maxFileSize: "big" }, "maxFileSize"],
  ])("%j", (config, message) => {
    const result = validateConfig(config, allRules);
    if (message === undefined) expect(result).toEqual({ ok: true, config });
    else expect(result.ok ? "valid" : result.message).toContain(message);
  });

  it("reports JSON syntax errors with line and column", () => {
    const result = parseJsonText('{\n  "rules": {\n    "a": "off",\n  }\n}', ".dockerlintrc.json");
    expect(result.ok ? "" : result.message).toMatch(/^\.dockerlintrc\.json: invalid JSON at line 4, column \d+/);
  });
});

describe("effective settings", () => {
  it("fills option defaults and normalises warn", () => {
    expect(effectiveRule(preferCopy, { rules: { "prefer-copy": "warn" } })).toEqual({ severity: "warning", options: {} });
    expect(effectiveRule(preferCopy, {})).toEqual({ severity: "warning", options: {} });
  });
  it("lets an alias set the severity of the findings that carry it", () => {
    const text = "FROM a\nADD x /x\n";
    expect(lint(text, { rules: [preferCopy], config: { rules: { DL3020: "error" } } }).findings.map((f) => f.severity)).toEqual(["error"]);
    expect(lint(text, { rules: [preferCopy], config: { rules: { "prefer-copy": "info", DL3020: "off" } } }).findings).toEqual([]);
  });
});

describe("shellcheck: true", () => {
  it("turns the shellcheck rule on at warning unless the rule is set", async () => {
    const { allRules: rules } = await import("../../rules/index.js");
    const shellcheck = rules.find((r) => r.meta.id === "shellcheck")!;
    const { lint: run } = await import("../../src/engine/lint.js");
    const probe = (config: object) =>
      run("FROM alpine\nRUN echo $1\n", { rules: [shellcheck], config: config as never }).findings.map((f) => f.severity);
    expect(probe({})).toEqual([]);
    const on = probe({ shellcheck: true });
    const off = probe({ shellcheck: true, rules: { shellcheck: "off" } });
    expect(off).toEqual([]);
    // Without the shellcheck binary the rule reports nothing either way.
    expect(on.every((s) => s === "warning")).toBe(true);
  });
});
