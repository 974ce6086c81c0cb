/**
 * The pieces that keep the model cheap without changing what it says: the variable log that
 * scopes share, the lexer's "nothing to expand" test, and RUN analyses made on first read.
 */
import { describe, expect, it } from "vitest";
import type { OnbuildInstruction } from "../../src/ast/nodes.js";
import { needsLexing, processWord, emptyEnv } from "../../src/expand/index.js";
import { analyze } from "../../src/model/index.js";
import { emptyScope, scopeOf, VariableLog, type Variable } from "../../src/model/scope.js";

const env = (name: string, value: string | undefined): Variable => ({ name, value, kind: "env", definition: undefined, stage: 0 });

describe("VariableLog", () => {
  it("gives each snapshot the variables defined before it, later definitions moved last", () => {
    const base = scopeOf(new Map([["HOME", env("HOME", "/root")], ["PATH", env("PATH", "/bin")]]), false);
    const log = new VariableLog(base);
    expect(log.scope()).toBe(base);
    log.define(env("A", "1"));
    const first = log.scope();
    log.define(env("HOME", "/home/app"));
    log.define(env("A", "2"));
    const second = log.scope();
    expect(log.scope()).toBe(second);
    expect([first.get("A"), first.get("HOME"), first.variables.map((v) => v.name)]).toEqual(["1", "/root", ["HOME", "PATH", "A"]]);
    expect([second.get("A"), second.get("HOME"), second.variables.map((v) => v.name)]).toEqual(["2", "/home/app", ["PATH", "HOME", "A"]]);
    expect(log.current("A")?.value).toBe("2");
    expect([second.isUnset("NOPE"), second.closed]).toEqual([false, false]);
  });

  it("in kept order leaves a redefined variable where a map would (the global scope's order)", () => {
    const base = scopeOf(new Map([["HOME", env("HOME", "/root")], ["PATH", env("PATH", "/bin")]]), true);
    const log = new VariableLog(base, "kept");
    log.define(env("A", "1"));
    log.define(env("B", "1"));
    const first = log.scope();
    log.define(env("HOME", "/home/app"));
    log.define(env("A", "2"));
    const map = new Map([["HOME", "/root"], ["PATH", "/bin"], ["A", "1"], ["B", "1"]]).set("HOME", "/home/app").set("A", "2");
    expect(first.variables.map((v) => [v.name, v.value])).toEqual([["HOME", "/root"], ["PATH", "/bin"], ["A", "1"], ["B", "1"]]);
    expect(log.scope().variables.map((v) => [v.name, v.value])).toEqual([...map]);
    expect([log.scope().get("A"), first.get("A"), log.scope().isUnset("C")]).toEqual(["2", "1", true]);
  });

  it("keeps a closed base closed", () => {
    const log = new VariableLog(emptyScope(true));
    log.define(env("A", undefined));
    expect([log.scope().isUnset("A"), log.scope().isUnset("B"), log.scope().get("A")]).toEqual([false, true, undefined]);
  });
});

describe("needsLexing", () => {
  it("is false exactly when processWord gives the input back untouched", () => {
    for (const text of ["/usr/bin", "a b", "", "x=1", "é😀"]) {
      expect(needsLexing(text, {})).toBe(false);
      expect(processWord(text, emptyEnv)).toEqual({ ok: true, value: text, matched: [], unmatched: [] });
    }
    for (const text of ["$A", "'a'", '"a"', "a\\b", "\uFEFFa"]) expect(needsLexing(text, {})).toBe(true);
    expect(needsLexing("a\\b", { escapeToken: "`" })).toBe(false);
    expect(needsLexing("a`b", { escapeToken: "`" })).toBe(true);
    expect(needsLexing("'a'", { skipProcessQuotes: true })).toBe(false);
  });
});

describe("RUN analyses made on first read", () => {
  const text = [
    "FROM alpine AS base",
    "ONBUILD RUN echo trigger",
    "RUN --mount=type=cache,target=/root/.cache echo one",
    "FROM base",
    "RUN --mount=from=base,target=/b echo two",
    "RUN echo three",
    "",
  ].join("\n");

  it("lists every RUN in model order, the flagged ones being the same analyses the graph used", () => {
    const model = analyze(text);
    const runs = model.runs;
    expect(model.runs).toBe(runs);
    expect(runs.map((r) => [r.stage, r.onbuild, r.instruction.range[0]])).toEqual([
      [0, false, model.ast.instructions[2].range[0]],
      [1, true, (model.ast.instructions[1] as OnbuildInstruction).trigger!.range[0]],
      [1, false, model.ast.instructions[4].range[0]],
      [1, false, model.ast.instructions[5].range[0]],
    ]);
    expect(model.graph.edges.map((e) => [e.kind, e.stage, e.target])).toEqual([["from", 1, 0], ["mount", 1, 0]]);
    expect(runs[2].flags.mounts[0].from).toBe("base");
    expect(model.runOf(runs[3].instruction)).toBe(runs[3]);
  });

  it("answers runOf before the list is read", () => {
    const model = analyze(text);
    const run = model.runOf(model.ast.instructions[5] as never);
    expect(run?.stage).toBe(1);
    expect(model.runs[3]).toBe(run);
  });
});
