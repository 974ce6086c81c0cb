/**
 * Stages, the stage graph and build plans (§12): base resolution, `COPY --from` and
 * `RUN --mount from=` lookups, ONBUILD edges, forward references, cycles and targets.
 */
import { describe, expect, it } from "vitest";
import { parse } from "../../src/parse.js";
import { analyze, type AnalyzeOptions, type SemanticModel } from "../../src/model/index.js";

function model(lines: string[], options?: AnalyzeOptions): SemanticModel {
  return analyze(lines.join("\n") + "\n", options);
}

/** Edges as `[kind, stage, target or image, onbuild]`. */
function edges(m: SemanticModel): [string, number, number | string | undefined, boolean][] {
  return m.graph.edges.map((e) => [e.kind, e.stage, e.target ?? e.image, e.onbuild]);
}

const codes = (m: SemanticModel): string[] => m.diagnostics.map((d) => d.code);

describe("stages", () => {
  const m = model([
    "ARG GO=1.22",
    "FROM golang:${GO} AS Builder",
    "RUN go build -o /app .",
    "ONBUILD RUN echo child",
    "FROM alpine:3.20",
    "COPY --from=builder /app /app",
    "FROM scratch",
  ]);

  it("gives each FROM a stage with its index, lowercased name and as-written word", () => {
    expect(m.stages.map((s) => [s.index, s.name, s.id])).toEqual([
      [0, "builder", "builder"],
      [1, undefined, "stage-1"],
      [2, undefined, "stage-2"],
    ]);
    expect(m.stages[0].nameWord?.value).toBe("Builder");
    expect(m.metaArgs).toHaveLength(1);
  });

  it("keeps the stage's own instructions, ONBUILD included as such, and its range", () => {
    expect(m.stages[0].instructions.map((i) => i.type)).toEqual(["RUN", "ONBUILD"]);
    expect(m.stages[2].instructions).toEqual([]);
    const text = m.ast.instructions[1].range[0];
    expect(m.stages[0].range).toEqual([text, m.ast.instructions[3].range[1]]);
    expect(m.stageOf(m.ast.instructions[5])?.index).toBe(1);
    expect(m.stageOf(0)).toBeUndefined(); // the meta ARG
  });

  it("resolves bases: images (parsed), scratch, stages", () => {
    expect(m.stages[0].base).toMatchObject({ kind: "image", name: "golang:1.22", error: undefined });
    expect(m.stages[2].base).toEqual({ kind: "scratch" });
    expect(model(["FROM alpine AS a", "FROM a"]).stages[1].base).toEqual({ kind: "stage", index: 0 });
  });

  it("matches FROM case-sensitively: FROM Build is an image, not stage build", () => {
    const b = model(["FROM alpine AS build", "FROM Build"]);
    expect(b.stages[1].base).toMatchObject({ kind: "image", name: "Build", ref: undefined, error: "invalid reference format: repository name (library/Build) must be lowercase" });
    expect(b.graph.edges).toEqual([]);
    expect(b.diagnostics.map((d) => [d.code, d.message])).toEqual([
      ["invalid-base-image", "invalid reference format: repository name (library/Build) must be lowercase (FROM matches stage names case-sensitively: did you mean build?)"],
    ]);
    expect(b.diagnostics[0].range).toEqual(b.stages[1].from.image!.range);
  });

  it("lets FROM see only earlier stages, the most recent duplicate winning", () => {
    const d = model(["FROM alpine AS x", "FROM debian AS x", "FROM x", "FROM later", "FROM alpine AS later"]);
    expect(d.stages[2].base).toEqual({ kind: "stage", index: 1 });
    expect(d.stages[3].base).toMatchObject({ kind: "image", name: "later" });
  });

  it("expands FROM against globals before looking for a stage", () => {
    const g = model(["ARG BASE=builder", "FROM alpine AS builder", "FROM ${BASE}"]);
    expect(g.stages[1].base).toEqual({ kind: "stage", index: 0 });
    expect(edges(g)).toEqual([["from", 1, 0, false]]);
  });

  it("counts one stage per FROM even without instructions or arguments", () => {
    const { ast } = parse("FROM\nFROM alpine\n");
    expect(analyze(ast).stages).toHaveLength(2);
  });
});

describe("COPY --from and RUN --mount from=", () => {
  it("takes an integer as a stage index and a name case-insensitively, last duplicate winning", () => {
    const m = model([
      "FROM alpine AS builder",
      "FROM alpine AS builder",
      "FROM alpine",
      "COPY --from=0 /a /a",
      "COPY --from=Builder /b /b",
      "COPY --from=nginx:latest /c /c",
    ]);
    expect(edges(m)).toEqual([
      ["copy", 2, 0, false],
      ["copy", 2, 1, false],
      ["copy", 2, "nginx:latest", false],
    ]);
    expect(m.diagnostics).toEqual([]);
  });

  it("rejects forward references and out-of-range indexes, and never expands --from", () => {
    const m = model(["FROM alpine", "COPY --from=later /a /a", "COPY --from=7 /b /b", "COPY --from=$X /c /c", "FROM alpine AS later", "COPY --from=1 /d /d"]);
    expect(codes(m)).toEqual(["copy-from-forward-reference", "invalid-stage-index", "from-expansion-not-supported", "copy-from-forward-reference"]);
    expect(m.diagnostics[0].message).toBe('cannot copy from stage "later", it needs to be defined before current stage "stage-0"');
    expect(m.diagnostics[1].message).toBe("invalid stage index 7");
    expect(m.graph.edges.filter((e) => e.forward).map((e) => [e.stage, e.target])).toEqual([[0, 1], [1, 1]]);
    expect(m.graph.dependencies).toEqual([[1], []]);
    const flag = m.ast.instructions[1].flags[0];
    expect(m.diagnostics[0].range).toEqual(flag.value!.range);
  });

  it("looks mount sources up by name only, case-insensitively", () => {
    const m = model(["FROM alpine AS Deps", "FROM alpine", "RUN --mount=from=DEPS,target=/d --mount=type=cache,from=0,target=/c ls"]);
    expect(edges(m)).toEqual([
      ["mount", 1, 0, false],
      ["mount", 1, "0", false],
    ]);
  });

  it("rejects a mount from a stage that is not built yet", () => {
    const m = model(["FROM alpine", "RUN --mount=from=next,target=/n ls", "FROM alpine AS next"]);
    expect(m.diagnostics.map((d) => d.message)).toEqual(['cannot mount from stage "next" to "/n", stage needs to be defined before current command']);
  });

  it("adds the edges of the parent's ONBUILD triggers to the child, not to grandchildren", () => {
    const m = model([
      "FROM alpine AS assets",
      "FROM node AS base",
      "ONBUILD COPY --from=assets /a /a",
      "ONBUILD RUN --mount=from=assets,target=/m ls",
      "FROM base AS child",
      "FROM child",
    ]);
    expect(m.stages[2].triggers.map((t) => t.type)).toEqual(["COPY", "RUN"]);
    expect(m.stages[3].triggers).toEqual([]);
    expect(edges(m)).toEqual([
      ["from", 2, 1, false],
      ["copy", 2, 0, true],
      ["mount", 2, 0, true],
      ["from", 3, 2, false],
    ]);
    expect(m.graph.dependencies).toEqual([[], [], [0, 1], [2]]);
    expect(m.runs.map((r) => [r.stage, r.onbuild])).toEqual([[2, true]]);
  });
});

describe("build plans", () => {
  const lines = [
    "FROM golang AS build",
    "FROM node AS web",
    "FROM alpine AS unused",
    "FROM build AS test",
    "FROM alpine AS final",
    "COPY --from=build /app /app",
    "COPY --from=web /dist /dist",
  ];
  const m = model(lines);

  it("builds the last stage by default: needed, dead, order, parallel levels, critical path", () => {
    expect(m.target).toEqual({ target: 4, needed: [0, 1, 4], dead: [2, 3], order: [0, 1, 4], levels: [[0, 1], [4]], criticalPath: [0, 4], diagnostics: [] });
  });

  it("plans a target by name (case-insensitive), id or index", () => {
    expect(m.plan("Test")).toMatchObject({ target: 3, needed: [0, 3], levels: [[0], [3]], criticalPath: [0, 3] });
    expect(m.plan(2)).toMatchObject({ target: 2, needed: [2], dead: [0, 1, 3, 4] });
    expect(model(["FROM a", "FROM b"]).plan("stage-0").target).toBe(0);
    expect(model(lines, { target: "web" }).target.needed).toEqual([1]);
  });

  it("follows the longest chain for the critical path", () => {
    const chain = model(["FROM a AS s0", "FROM s0 AS s1", "FROM s1 AS s2", "FROM b AS side", "FROM s2", "COPY --from=side / /"]);
    expect(chain.target.criticalPath).toEqual([0, 1, 2, 4]);
    expect(chain.target.levels).toEqual([[0, 3], [1], [2], [4]]);
  });

  it("returns an unknown target as a diagnostic, never an exception", () => {
    const plan = m.plan("tset");
    expect(plan).toMatchObject({ target: undefined, needed: [], order: [], dead: [0, 1, 2, 3, 4] });
    expect(plan.diagnostics[0]).toMatchObject({ code: "unknown-target", message: 'target stage "tset" could not be found (did you mean test?)', range: [0, 0] });
    expect(codes(model(lines, { target: 9 }))).toEqual(["unknown-target"]);
    expect(codes(analyze("ARG A=1\n"))).toEqual(["no-stages"]);
  });

  it("detects cycles without looping and leaves them out of the order", () => {
    const c = model(["FROM alpine AS a", "COPY --from=b / /", "FROM a AS b", "FROM alpine AS c", "COPY --from=b / /"]);
    expect(c.graph.cycles).toEqual([[0, 1]]);
    expect(codes(c)).toEqual(["circular-dependency", "copy-from-forward-reference"]);
    expect(c.diagnostics[0].message).toBe("circular dependency detected on stage: a");
    expect(c.target).toMatchObject({ target: 2, needed: [0, 1, 2], order: [], levels: [], criticalPath: [] });
  });
});
