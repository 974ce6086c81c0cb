/**
 * The parser's shortcuts (exec-form strings taken as written, non-JSON brackets rejected without
 * JSON.parse, flag values built from runs of the source, single-line instructions, upper-case
 * keywords) give what the general paths give.
 */
import { describe, expect, it } from "vitest";
import { scanJsonStringArray } from "../../grammar/dockerfile/json-array.js";
import { splitCommand } from "../../grammar/dockerfile/instruction-line.js";
import { parse } from "../../src/index.js";

const scan = (text: string) => scanJsonStringArray(text, 0, text.length);

describe("exec-form scan", () => {
  it("decodes strings with and without escapes alike", () => {
    expect(scan('["a b", "c\\"d", "\\u00e9", ""]')).toEqual({
      kind: "array",
      elements: [
        { start: 1, end: 6, value: "a b" },
        { start: 8, end: 14, value: 'c"d' },
        { start: 16, end: 24, value: "é" },
        { start: 26, end: 28, value: "" },
      ],
    });
  });
  it("replaces lone surrogates whether escaped or written", () => {
    expect(scan('["\\ud800", "\ud800x"]')).toMatchObject({ kind: "array", elements: [{ value: "\ufffd" }, { value: "\ufffdx" }] });
  });
  it("tells JSON with other values from text that is not JSON", () => {
    for (const text of ['["a", 1]', "[1]", "[-1]", '[true, "a"]', "[null]", "[[]]", '[{"a": 1}]']) {
      expect(scan(text), text).toEqual({ kind: "non-string" });
    }
    for (const text of ["[ -f /x ]", "[ -d x ] && y", '["a" "b"]', '["a"; "b"]', "[tru]", "[-]", "[", '["a",]', "[x]", '["a"] b']) {
      expect(scan(text), text).toEqual({ kind: "invalid" });
    }
  });
  it("keeps a shell test in shell form", () => {
    const run = parse("RUN [ -f /etc/x ] || echo missing\n").ast.instructions[0];
    expect(run.type === "RUN" && run.command?.type).toBe("ShellForm");
  });
});

describe("flags", () => {
  it("drop quotes and escapes and keep everything else", () => {
    const flags = (line: string) => splitCommand(line).flags.map((f) => [f.value, f.equalsAt]);
    expect(flags('RUN --mount=type=cache,target="/root/.cache go" --x=a\\ b\\"c\\\\ make')).toEqual([
      ["--mount=type=cache,target=/root/.cache go", 11],
      ['--x=a b"c\\', 51],
    ]);
    expect(flags("COPY --chown='' --link=\"\" a b")).toEqual([
      ["--chown=", 12],
      ["--link=", 22],
    ]);
    expect(flags("COPY --a\\")).toEqual([["--a", -1]]);
    expect(flags("COPY \u00a0--from=x a b")).toEqual([["--from=x", 12]]);
  });
});

describe("single-line instructions and keywords", () => {
  it("parse as the same instruction in any keyword case and after continuation", () => {
    const shape = (text: string) => {
      const i = parse(text).ast.instructions[0];
      return { type: i.type, args: i.args.map((a) => a.value), original: i.original, map: i.originalMap };
    };
    expect(shape("  copy a b\n")).toEqual({ type: "COPY", args: ["a", "b"], original: "copy a b", map: [0, 2] });
    expect(shape("COPY a b")).toEqual({ type: "COPY", args: ["a", "b"], original: "COPY a b", map: [0, 0] });
    expect(shape("CoPy a \\\n b\n")).toEqual({ type: "COPY", args: ["a", "b"], original: "CoPy a  b", map: [0, 0, 7, 9] });
    expect(shape("RUN a \\")).toMatchObject({ type: "RUN", original: "RUN a ", map: [0, 0] });
  });
});
