/**
 * BuildKit's `envVarTest` (ProcessWord) with the driver of upstream `TestShellParser4EnvVars`,
 * as described in ../shared/conformance/buildkit-shell/README.md.
 */
import { readFileSync } from "node:fs";
import { expect, it } from "vitest";
import { envFrom, processWord } from "../../src/expand/index.js";
import { describeShared } from "../support/shared.js";

const ENV = envFrom({ PWD: "/home", SHELL: "bash", KOREAN: "한국어", NULL: "" });

interface Case {
  line: number;
  platform: string;
  source: string;
  expected: string;
}

function readCases(path: string): Case[] {
  const cases: Case[] = [];
  readFileSync(path, "utf8")
    .split("\n")
    .forEach((raw, index) => {
      if (raw.startsWith("#")) return;
      const line = raw.trim();
      if (line === "") return;
      const fields = line.split("|");
      if (fields.length !== 3) throw new Error(`envVarTest line ${index + 1}: expected 3 fields`);
      const [platform, source, expected] = fields.map((f) => f.trim());
      cases.push({ line: index + 1, platform, source, expected });
    });
  return cases;
}

describeShared("conformance/buildkit-shell/envVarTest", "BuildKit envVarTest (ProcessWord)", (path) => {
  const cases = readCases(path);

  it("has the documented number of test lines", () => {
    expect(cases.length).toBe(230);
  });

  // `W` lines run only on Windows upstream, where environment keys are case-insensitive
  // ($pwd finds PWD). dockerlint follows BuildKit's Linux behaviour, as the reference build did.
  const unix = cases.filter((c) => c.platform !== "W");
  it("runs every non-Windows line (228)", () => {
    expect(unix.length).toBe(228);
  });

  it.each(unix.map((c) => [`line ${c.line}: ${c.source}`, c] as const))("%s", (_name, c) => {
    const result = processWord(c.source, ENV);
    if (c.expected === "error") expect(result.ok).toBe(false);
    else expect(result).toMatchObject({ ok: true, value: c.expected });
  });
});
