/**
 * Declarative rule tests: valid and invalid cases with exact positions, fix outputs, and checks
 * that a fix's output parses and is stable.
 */
import { describe, expect, it } from "vitest";
import { fixText } from "../../src/engine/fix.js";
import { lint } from "../../src/engine/lint.js";
import type { RuleModule } from "../../src/engine/rule.js";
import type { Finding } from "../../src/engine/types.js";
import { parse } from "../../src/parse.js";

/** A case the rule must accept. */
export interface ValidCase {
  readonly code: string;
  readonly name?: string;
  readonly options?: Record<string, unknown>;
  readonly filePath?: string;
}

/** A finding the rule must report; positions are 1-based, ends exclusive. */
export interface ExpectedFinding {
  readonly messageId?: string;
  readonly message?: string;
  readonly line: number;
  readonly column: number;
  readonly endLine?: number;
  readonly endColumn?: number;
  readonly aliases?: readonly string[];
}

/** A case the rule must report, exactly these findings, and (when given) fix into `output`. */
export interface InvalidCase extends ValidCase {
  readonly errors: readonly ExpectedFinding[];
  /** The text after `--fix` (with `--unsafe-fixes` when the rule's fixes are unsafe); omit when the rule has no fix here. */
  readonly output?: string;
}

function run(rule: RuleModule<never>, c: ValidCase): Finding[] {
  const severity = rule.meta.severity === "off" ? "warning" : rule.meta.severity;
  const config = { rules: { [rule.meta.id]: c.options ? [severity, c.options] : severity } } as never;
  return lint(c.code, { rules: [rule], config, filePath: c.filePath }).findings.filter((f) => f.ruleId === rule.meta.id);
}

function describeFinding(f: Finding): string {
  return `${f.line}:${f.column}-${f.endLine}:${f.endColumn} ${f.message}`;
}

/** Registers vitest cases for a rule. */
export function testRule(rule: RuleModule<never>, cases: { valid: readonly (string | ValidCase)[]; invalid: readonly InvalidCase[] }): void {
  const seen = new Set<string>();
  const key = (c: ValidCase) => JSON.stringify([c.code, c.options ?? null, c.filePath ?? null]);
  describe(rule.meta.id, () => {
    for (const raw of cases.valid) {
      const c = typeof raw === "string" ? { code: raw } : raw;
      it(`valid: ${c.name ?? c.code}`, () => {
        expect(seen.has(key(c)), "duplicate case").toBe(false);
        seen.add(key(c));
        expect(run(rule, c).map(describeFinding)).toEqual([]);
      });
    }
    for (const c of cases.invalid) {
      it(`invalid: ${c.name ?? c.code}`, () => {
        expect(seen.has(key(c)), "duplicate case").toBe(false);
        seen.add(key(c));
        const findings = run(rule, c);
        expect(findings.length, findings.map(describeFinding).join("\n")).toBe(c.errors.length);
        findings.forEach((f, i) => {
          const e = c.errors[i];
          expect(e.messageId !== undefined || e.message !== undefined || e.endColumn !== undefined, "an expected finding needs a messageId, a message or an exact end").toBe(true);
          expect(f.message).not.toMatch(/\{\{.*\}\}/);
          const got = { line: f.line, column: f.column, endLine: f.endLine, endColumn: f.endColumn, message: f.message, aliases: f.aliases };
          const want = {
            line: e.line,
            column: e.column,
            endLine: e.endLine ?? f.endLine,
            endColumn: e.endColumn ?? f.endColumn,
            message: e.message ?? (e.messageId ? expect.stringContaining(rule.meta.messages[e.messageId].split("{{")[0]) : f.message),
            aliases: e.aliases ?? f.aliases,
          };
          expect(got).toEqual(want);
        });
        const fixes = findings.filter((f) => f.fix);
        if (c.output === undefined) {
          expect(fixes.map(describeFinding), "a fix was offered but the case gives no output").toEqual([]);
          return;
        }
        const severity = rule.meta.severity === "off" ? "warning" : rule.meta.severity;
        const config = { rules: { [rule.meta.id]: c.options ? [severity, c.options] : severity } } as never;
        const fixed = fixText(c.code, { rules: [rule], config, filePath: c.filePath, unsafe: true });
        expect(fixed.output).not.toBe(c.code);
        expect(fixed.output).toBe(c.output);
        expect(parse(fixed.output).diagnostics.filter((d) => d.severity === "error")).toEqual([]);
        expect(fixText(fixed.output, { rules: [rule], config, filePath: c.filePath, unsafe: true }).output).toBe(fixed.output);
      });
    }
  });
}
