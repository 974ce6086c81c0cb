/**
 * BuildKit's `wordsTest` (ProcessWords) with the driver of upstream `TestShellParser4Words`, as
 * described in ../shared/conformance/buildkit-shell/README.md. Only the normal mode runs: upstream's
 * second mode reuses a consumed file handle and checks nothing.
 */
import { readFileSync } from "node:fs";
import { expect, it } from "vitest";
import { envFrom, processWords } from "../../src/expand/index.js";
import { describeShared } from "../support/shared.js";

interface Case {
  line: number;
  source: string;
  expected: string[];
  env: Map<string, string>;
}

function readCases(path: string): Case[] {
  const cases: Case[] = [];
  const env = new Map<string, string>();
  readFileSync(path, "utf8")
    .split("\n")
    .forEach((line, index) => {
      if (line.startsWith("#") || (line === "" && index > 0)) return;
      if (line.startsWith("ENV ")) {
        const entry = line.slice(3).replace(/^ +/, "");
        const eq = entry.indexOf("=");
        env.set(entry.slice(0, eq), entry.slice(eq + 1));
        return;
      }
      const fields = line.split("|");
      if (fields.length !== 2) throw new Error(`wordsTest line ${index + 1}: expected one |`);
      cases.push({
        line: index + 1,
        source: fields[0].trim(),
        expected: fields[1].replace(/^ +/, "").split(","),
        env: new Map(env),
      });
    });
  return cases;
}

describeShared("conformance/buildkit-shell/wordsTest", "BuildKit wordsTest (ProcessWords)", (path) => {
  const cases = readCases(path);

  it("has the documented number of test lines", () => {
    expect(cases.length).toBe(24);
  });

  it.each(cases.map((c) => [`line ${c.line}: ${c.source}`, c] as const))("%s", (_name, c) => {
    const result = processWords(c.source, envFrom(c.env));
    expect(result.ok ? result.words : ["error"]).toEqual(c.expected);
  });
});
