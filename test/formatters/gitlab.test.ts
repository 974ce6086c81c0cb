import { describe, expect, it } from "vitest";
import { gitlab } from "../../src/formatters/gitlab.js";
import { CONTEXT, RESULTS } from "./fixtures.js";

interface Issue {
  description: string;
  check_name: string;
  fingerprint: string;
  severity: string;
  location: { path: string; lines: { begin: number; end: number } };
}

describe("gitlab", () => {
  it("matches the golden output", async () => {
    await expect(gitlab(RESULTS, CONTEXT)).toMatchFileSnapshot("./__golden__/gitlab.txt");
  });

  it("writes a Code Quality issue per finding", () => {
    const issues = JSON.parse(gitlab(RESULTS, CONTEXT)) as Issue[];
    expect(issues.map((issue) => issue.severity)).toEqual(["minor", "major", "info", "minor", "minor", "major"]);
    expect(issues.map((issue) => issue.check_name)).toContain("parse-error");
    expect(issues[1].location).toEqual({ path: "Dockerfile", lines: { begin: 2, end: 3 } });
    expect(issues[4].location.path).toBe("services/api/Dockerfile");
    expect(new Set(issues.map((issue) => issue.fingerprint)).size).toBe(issues.length);
    expect(issues.every((issue) => /^[0-9a-f]{64}$/.test(issue.fingerprint))).toBe(true);
  });

  it("writes an empty array without findings", () => {
    expect(gitlab([], CONTEXT)).toBe("[]\n");
  });
});
