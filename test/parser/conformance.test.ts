/**
 * BuildKit parser conformance: our tree, printed in BuildKit's dump format, must equal what
 * BuildKit's own parser produced for its test files, for 224 edge cases and for the real corpus.
 */
import { readFileSync, readdirSync } from "node:fs";
import { join } from "node:path";
import { expect, it } from "vitest";
import { parse, print, toBuildkitDump } from "../../src/index.js";
import type { Instruction } from "../../src/index.js";
import { describeShared } from "../support/shared.js";
import { buildkitView, type BuildkitChild } from "./support/buildkit-view.js";

describeShared("conformance/buildkit-parser", "BuildKit parser test files", (dir) => {
  const positives = readdirSync(join(dir, "positive"));
  it("has the 33 positive cases", () => expect(positives).toHaveLength(33));
  it.each(positives)("positive/%s dumps as BuildKit's result", (name) => {
    const text = readFileSync(join(dir, "positive", name, "Dockerfile"), "utf8");
    const expected = readFileSync(join(dir, "positive", name, "result"), "utf8");
    const { ast, diagnostics } = parse(text);
    expect(toBuildkitDump(ast)).toBe(expected);
    expect(diagnostics.filter((d) => d.severity === "error")).toEqual([]);
    expect(print(ast)).toBe(text);
  });

  const negatives = JSON.parse(readFileSync(join(dir, "generated", "negative-errors.json"), "utf8")) as Record<string, { error: string }>;
  it.each(Object.entries(negatives))("negative/%s is an error diagnostic", (name, { error }) => {
    const text = readFileSync(join(dir, "negative", name, "Dockerfile"), "utf8");
    const { ast, diagnostics } = parse(text);
    expect(diagnostics.filter((d) => d.severity === "error").map((d) => d.code)).toContain(codeOf(error));
    expect(print(ast)).toBe(text);
  });

  it("lines/testfile-line: instruction line ranges", () => {
    const text = readFileSync(join(dir, "lines", "testfile-line", "Dockerfile"), "utf8");
    const expected = JSON.parse(readFileSync(join(dir, "lines", "testfile-line", "expected-lines.json"), "utf8")) as {
      children: [number, number][];
    };
    const { ast } = parse(text);
    expect(buildkitView(ast).map((c) => [c.startLine, c.endLine])).toEqual(expected.children);
    expect(toBuildkitDump(ast)).toBe(readFileSync(join(dir, "lines", "testfile-line", "result"), "utf8"));
  });

  interface EdgeCase {
    id: string;
    dockerfile: string;
    parse: { ok: true; dump: string; children: BuildkitChild[]; warnings: { short: string; line: number }[] } | { ok: false; error: string };
  }
  const cases = JSON.parse(readFileSync(join(dir, "generated", "edge-cases.json"), "utf8")) as EdgeCase[];
  it("has the 224 edge cases", () => expect(cases).toHaveLength(224));
  it.each(cases.map((c) => [c.id, c] as const))("edge case %s", (_id, c) => {
    const { ast, diagnostics } = parse(c.dockerfile);
    expect(print(ast)).toBe(c.dockerfile);
    const errors = diagnostics.filter((d) => d.severity === "error");
    if (!c.parse.ok) {
      expect(errors.map((e) => e.code)).toContain(expectedCode(c.parse.error, errors.map((e) => e.code)));
      return;
    }
    expect(errors).toEqual([]);
    expect(toBuildkitDump(ast)).toBe(c.parse.dump);
    expect(buildkitView(ast)).toEqual(c.parse.children.map(withoutAttributes));
    expect(diagnostics.filter((d) => d.code === "empty-continuation").map((d) => d.loc.end.line)).toEqual(c.parse.warnings.map((w) => w.line));
  });
});

/** Our diagnostic code for each error BuildKit's parser reports. */
const ERROR_CODES: [RegExp, string][] = [
  [/^file with no instructions/, "no-instructions"],
  [/^only one \w+ parser directive/, "duplicate-directive"],
  [/^invalid escape token/, "invalid-escape"],
  [/must have two arguments$/, "missing-value"],
  [/^Syntax error - can't find =/, "missing-equals"],
  [/^when using JSON array syntax/, "json-non-string"],
  [/^unterminated heredoc/, "unterminated-heredoc"],
  [/^dockerfile line greater than max allowed size/, "line-too-long"],
];

function codeOf(buildkitError: string): string {
  const found = ERROR_CODES.find(([re]) => re.test(buildkitError));
  if (!found) throw new Error(`no diagnostic code for BuildKit error: ${buildkitError}`);
  return found[1];
}

/**
 * BuildKit's scanner stops at an over-long line; when that happens before the first instruction,
 * it says "file with no instructions". We report the over-long line and parse on.
 */
function expectedCode(buildkitError: string, ours: string[]): string {
  const code = codeOf(buildkitError);
  return code === "no-instructions" && ours.includes("line-too-long") ? "line-too-long" : code;
}

/** `attributes` repeats `json`; the rest is compared field by field. */
function withoutAttributes(child: BuildkitChild & { attributes?: unknown }): BuildkitChild {
  const { attributes: _attributes, ...rest } = child;
  return { ...rest, args: rest.args.map((a) => (typeof a === "string" ? a : { sub: withoutAttributes(a.sub) })) };
}

describeShared("corpus/real", "real corpus", (dir) => {
  const dumps = JSON.parse(readFileSync(join(dir, "buildkit-dumps.json"), "utf8")) as Record<string, { dump?: string; error?: string }>;
  const files = readdirSync(join(dir, "files"));
  it("has BuildKit's reading of every file", () => expect(Object.keys(dumps).length).toBe(files.length));
  it("parses every file to BuildKit's dump and prints it back byte for byte", () => {
    const mismatches: string[] = [];
    for (const file of files) {
      const text = readFileSync(join(dir, "files", file), "utf8");
      const { ast, diagnostics } = parse(text);
      if (print(ast) !== text) mismatches.push(`${file}: print differs`);
      const expected = dumps[file];
      const errors = diagnostics.filter((d) => d.severity === "error");
      if (expected.error !== undefined) {
        if (!errors.some((e) => e.code === codeOf(expected.error!))) mismatches.push(`${file}: BuildKit rejects it (${expected.error}), we do not`);
      } else if (toBuildkitDump(ast) !== expected.dump) {
        mismatches.push(`${file}: dump differs`);
      } else if (errors.length > 0) {
        mismatches.push(`${file}: unexpected error ${errors[0].message}`);
      }
    }
    expect(mismatches).toEqual([]);
  });
});

export type { Instruction };
