/**
 * Every rule is complete: registered, tested, documented (generated docs up to date), with doc
 * examples that behave as they say, a valid description and unique id and aliases.
 */
import { existsSync, readFileSync, readdirSync } from "node:fs";
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import { allRules } from "../../rules/index.js";
import { configSchema } from "../../src/engine/config.js";
import { lint } from "../../src/engine/lint.js";
import { renderRuleDoc, renderRuleIndex } from "../../src/engine/rule-docs.js";
import { PROJECT_ROOT } from "../support/shared.js";

const ruleFiles = readdirSync(join(PROJECT_ROOT, "rules"))
  .filter((f) => f.endsWith(".ts") && f !== "index.ts" && !f.startsWith("_"))
  .map((f) => f.slice(0, -3));

describe("rule registry", () => {
  it("registers every rule file, and only those, under its file name", () => {
    expect(allRules.map((r) => r.meta.id).sort()).toEqual([...ruleFiles].sort());
  });
  it("has unique ids", () => {
    expect(new Set(allRules.map((r) => r.meta.id)).size).toBe(allRules.length);
  });
  it("ships the generated config schema", () => {
    const shipped = JSON.parse(readFileSync(join(PROJECT_ROOT, "schema", "config.schema.json"), "utf8"));
    expect(shipped).toEqual(JSON.parse(JSON.stringify(configSchema(allRules))));
  });
  it("ships the generated rule index", () => {
    expect(readFileSync(join(PROJECT_ROOT, "docs", "rules", "README.md"), "utf8")).toBe(renderRuleIndex(allRules));
  });
});

describe.each(allRules.map((r) => [r.meta.id, r] as const))("%s", (id, rule) => {
  it("has a test file", () => expect(existsSync(join(PROJECT_ROOT, "test", "rules", `${id}.test.ts`))).toBe(true));
  it("has up-to-date generated docs (npm run docs:rules)", () => {
    expect(readFileSync(join(PROJECT_ROOT, "docs", "rules", `${id}.md`), "utf8")).toBe(renderRuleDoc(rule));
  });
  it("has a description of the form Enforce/Require/Disallow …, messages with a capital and a final period", () => {
    expect(rule.meta.description).toMatch(/^(Enforce|Require|Disallow) .+[^.]$/);
    for (const message of Object.values(rule.meta.messages)) expect(message).toMatch(/^[A-Z`'"$].*[.?]$/s);
  });
  it("reports each bad doc example", () => {
    const config = { rules: { [id]: rule.meta.severity === "off" ? "warning" : rule.meta.severity } } as never;
    for (const bad of rule.meta.docs.bad) {
      expect(lint(bad, { rules: [rule], config }).findings.filter((f) => f.ruleId === id).length, bad).toBeGreaterThan(0);
    }
  });
  it("accepts each good doc example", () => {
    const config = { rules: { [id]: rule.meta.severity === "off" ? "warning" : rule.meta.severity } } as never;
    for (const good of rule.meta.docs.good) {
      expect(lint(good, { rules: [rule], config }).findings.filter((f) => f.ruleId === id).map((f) => f.message), good).toEqual([]);
    }
  });
});
