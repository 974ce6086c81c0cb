/**
 * The rules that mirror errors of BuildKit's instruction layer (L2), run on every conformance edge
 * case: a case BuildKit rejects in L2 gets a finding of the matching rule on the reported line, and a
 * case it accepts gets no finding from any of them.
 */
import { readFileSync } from "node:fs";
import { describe, expect, it } from "vitest";
import fromFirst from "../../rules/from-first.js";
import shellJsonForm from "../../rules/shell-json-form.js";
import unknownInstruction from "../../rules/unknown-instruction.js";
import validArguments from "../../rules/valid-arguments.js";
import validFlags from "../../rules/valid-flags.js";
import validHealthcheck from "../../rules/valid-healthcheck.js";
import { lint } from "../../src/engine/lint.js";
import type { RuleModule } from "../../src/engine/rule.js";
import { describeShared } from "../support/shared.js";

const RULES = [fromFirst, shellJsonForm, unknownInstruction, validArguments, validFlags, validHealthcheck] as RuleModule<never>[];

/**
 * Which rule (or, for `RUN` flag values, which model diagnostic) reports each L2 error, given the
 * error and the line it names; `undefined` = another concept's rule (ONBUILD triggers and flags,
 * stage names).
 */
function owner(error: string, line: string): { rule: string } | { model: string } | undefined {
  if (/Chaining ONBUILD|isn't allowed as an ONBUILD trigger|invalid name for build stage/.test(error)) return undefined;
  if (/^\s*ONBUILD\s+--/i.test(line)) return undefined;
  if (error.includes("unknown instruction")) return { rule: "unknown-instruction" };
  if (error.includes("no build stage in current context")) return { rule: "from-first" };
  if (error.includes("SHELL requires")) return { rule: "shell-json-form" };
  if (/invalid network mode/.test(error)) return { model: "invalid-network" };
  if (/security ".*" is not valid/.test(error)) return { model: "invalid-security" };
  if (error.includes("'from' doesn't support variable expansion")) return { model: "invalid-mount" };
  if (/flag/.test(error) && !error.includes("--retries")) return { rule: "valid-flags" };
  if (/HEALTHCHECK (NONE|CMD)|Unknown type|time: |Interval|--retries/.test(error)) return { rule: "valid-healthcheck" };
  return { rule: "valid-arguments" };
}

/**
 * Cases where a rule deliberately goes further than BuildKit's instruction layer: an unknown ONBUILD
 * trigger passes when the image is built, but every build FROM that image fails on it.
 */
const BEYOND_BUILDKIT: Readonly<Record<string, string>> = { "onbuild-unknown": "unknown-instruction" };

interface EdgeCase {
  readonly id: string;
  readonly dockerfile: string;
  /** BuildKit's parser (L1) result; when it fails, the instruction layer never runs. */
  readonly parse: { readonly ok: boolean };
  readonly instructionsError?: string | null;
}

describeShared("conformance/buildkit-parser/generated/edge-cases.json", "BuildKit instruction-layer errors on the edge cases", (path) => {
  const cases = JSON.parse(readFileSync(path, "utf8")) as EdgeCase[];
  const config = { rules: Object.fromEntries(RULES.map((r) => [r.meta.id, "error"])) } as never;

  it("has cases on both sides", () => {
    expect(cases.filter((c) => c.instructionsError).length).toBeGreaterThan(50);
    expect(cases.filter((c) => !c.instructionsError).length).toBeGreaterThan(50);
  });

  // A case BuildKit's parser (L1) rejects never reaches the instruction layer: nothing to compare.
  const parsed = cases.filter((c) => c.parse.ok);
  describe.each(parsed.map((c) => [c.id, c] as const))("%s", (_id, c) => {
    const { findings } = lint(c.dockerfile, { rules: RULES, config });
    const error = c.instructionsError ?? undefined;
    if (error === undefined) {
      it("gets no instruction-layer finding", () => {
        const unexpected = findings.filter((f) => f.ruleId !== null && f.ruleId !== BEYOND_BUILDKIT[c.id]);
        expect(unexpected.map((f) => `${f.line}:${f.column} ${f.ruleId} ${f.message}`)).toEqual([]);
      });
      if (BEYOND_BUILDKIT[c.id] !== undefined) {
        it(`gets a finding of ${BEYOND_BUILDKIT[c.id]} beyond BuildKit`, () => expect(findings.map((f) => f.ruleId)).toContain(BEYOND_BUILDKIT[c.id]));
      }
      return;
    }
    const line = Number(/on line (\d+)/.exec(error)?.[1] ?? Number.NaN);
    const who = owner(error, c.dockerfile.split("\n")[line - 1] ?? "");
    if (who === undefined) {
      it.skip(`${error}: another concept's rule (ONBUILD triggers, stage names)`, () => {});
      return;
    }
    it(`reports ${JSON.stringify(error)}`, () => {
      const matching = findings.filter((f) => ("rule" in who ? f.ruleId === who.rule : f.ruleId === null));
      expect(matching.length, JSON.stringify(findings.map((f) => [f.line, f.ruleId, f.message]))).toBeGreaterThan(0);
      if (!Number.isNaN(line)) expect(matching.map((f) => f.line)).toContain(line);
    });
  });
});
