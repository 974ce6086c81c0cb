import { describe, expect, it } from "vitest";
import { countSeverities, describeCounts, lastLineOf, ruleIdOf, worstSeverity } from "../../src/formatters/findings.js";
import { RESULTS } from "./fixtures.js";

describe("finding helpers", () => {
  it("counts, ranks and describes severities", () => {
    const counts = countSeverities(RESULTS);
    expect(counts).toEqual({ error: 2, warning: 3, info: 1 });
    expect(worstSeverity(counts)).toBe("error");
    expect(worstSeverity({ error: 0, warning: 0, info: 0 })).toBeUndefined();
    expect(describeCounts(counts)).toBe("6 problems (2 errors, 3 warnings, 1 info)");
    expect(describeCounts({ error: 1, warning: 1, info: 2 })).toBe("4 problems (1 error, 1 warning, 2 infos)");
  });

  it("names parse errors and finds the last spanned line", () => {
    const [cache] = RESULTS[0].findings.slice(1);
    expect(ruleIdOf({ ...cache, ruleId: null })).toBe("parse-error");
    expect(lastLineOf(cache)).toBe(3);
    expect(lastLineOf({ ...cache, endLine: 4, endColumn: 1 })).toBe(3);
  });
});
