/**
 * The layer model: what each instruction adds under BuildKit and the classic builder, WORKDIR
 * normalisation, ONBUILD triggers, and what stages inherit.
 */
import { describe, expect, it } from "vitest";
import { plan, type Plan, type PlanOptions } from "../../src/planner/index.js";
import { normalizeWorkdir } from "../../src/planner/paths.js";

const planOf = (lines: string[], options?: PlanOptions): Plan => plan(lines.join("\n") + "\n", options);

/** `[line, layers, history]` per step of a stage; layers as a number or `[min, max]`. */
function steps(p: Plan, stage = 0): [number, number | [number, number], number][] {
  return p.stages[stage].steps.map((s) => [s.line, s.layers.min === s.layers.max ? s.layers.min : [s.layers.min, s.layers.max], s.history]);
}

describe("BuildKit", () => {
  it("adds one layer per RUN, COPY and ADD and one empty history entry per config instruction", () => {
    const p = planOf([
      "ARG GLOBAL=1",
      "FROM debian:12",
      "RUN true",
      "COPY a /a",
      "ADD b /b",
      "ENV A=1",
      "LABEL l=v",
      "ARG X",
      "ARG X=2",
      "CMD [\"x\"]",
      "ENTRYPOINT [\"y\"]",
      "EXPOSE 80",
      "VOLUME /data",
      "USER app",
      "HEALTHCHECK CMD true",
      "SHELL [\"/bin/bash\", \"-c\"]",
      "STOPSIGNAL SIGTERM",
      "MAINTAINER me",
      "ONBUILD RUN echo child",
    ]);
    expect(steps(p)).toEqual([
      [3, 1, 1], [4, 1, 1], [5, 1, 1],
      ...[6, 7, 8, 9, 10, 11, 12, 13, 14, 15, 16, 17, 18].map((line): [number, number, number] => [line, 0, 1]),
      [19, 0, 0],
    ]);
    expect(p.image?.layers).toEqual({ min: 3, max: 3 });
    expect(p.image?.history).toBe(16);
  });

  it("adds a layer for WORKDIR unless it normalises to /", () => {
    const p = planOf(["FROM scratch", "WORKDIR /", "WORKDIR /app/..", "WORKDIR .", "WORKDIR //", "WORKDIR /app", "WORKDIR ..", "WORKDIR src"]);
    expect(steps(p)).toEqual([[2, 0, 1], [3, 0, 1], [4, 0, 1], [5, 0, 1], [6, 1, 1], [7, 0, 1], [8, 1, 1]]);
  });

  it("expands WORKDIR against ENV and ARG, and leaves it open only when / is possible", () => {
    const p = planOf(["FROM debian", "ENV ROOT=/", "WORKDIR $ROOT", "WORKDIR ${UNKNOWN}", "WORKDIR $UNKNOWN/app", "WORKDIR app", "WORKDIR ..", "WORKDIR /srv", "WORKDIR .."]);
    expect(steps(p)).toEqual([[2, 0, 1], [3, 0, 1], [4, [0, 1], 1], [5, 1, 1], [6, 1, 1], [7, [0, 1], 1], [8, 1, 1], [9, 0, 1]]);
    expect(p.stages[0].steps[2].note).toMatch(/base image's WORKDIR or an unknown variable/);
  });

  it("normalises Windows WORKDIRs without their drive letter", () => {
    const p = planOf(["FROM mcr.microsoft.com/windows/nanoserver:ltsc2022", "WORKDIR C:\\workdir", "WORKDIR C:/"]);
    expect(steps(p)).toEqual([[2, 1, 1], [3, 0, 1]]);
    expect(normalizeWorkdir("/", "C:\\workdir", true)).toEqual({ path: "/workdir", root: false });
    expect(normalizeWorkdir(undefined, "a/../..", false)).toEqual({ path: undefined, root: undefined });
  });

  it("runs a parent stage's ONBUILD triggers in its child, and only there", () => {
    const p = planOf(["FROM alpine AS base", "ONBUILD RUN echo one", "ONBUILD COPY . /src", "ONBUILD ENV A=1", "FROM base AS child", "RUN x", "FROM child"]);
    expect(steps(p, 0)).toEqual([[2, 0, 0], [3, 0, 0], [4, 0, 0]]);
    expect(steps(p, 1)).toEqual([[2, 1, 1], [3, 1, 1], [4, 0, 1], [6, 1, 1]]);
    expect(p.stages[1].steps.slice(0, 3).every((s) => s.onbuild)).toBe(true);
    expect(steps(p, 2)).toEqual([]);
    expect(p.image?.layers).toEqual({ min: 3, max: 3 });
  });
});

describe("classic builder", () => {
  it("adds a WORKDIR layer only when it creates the folder", () => {
    const p = planOf(["FROM debian:12", "WORKDIR /usr", "RUN mkdir -p /go/src", "WORKDIR /go", "COPY app /srv/app/", "WORKDIR /srv", "WORKDIR /"], { builder: "classic" });
    expect(steps(p)).toEqual([[2, [0, 1], 1], [3, 1, 1], [4, 0, 1], [5, 1, 1], [6, 0, 1], [7, 0, 1]]);
    expect(p.image?.layers).toEqual({ min: 2, max: 3 });
    expect(p.stages[0].steps[0].note).toMatch(/only when WORKDIR creates the folder/);
  });

  it("knows every folder of a scratch chain, across FROM <stage>", () => {
    const p = planOf(["FROM scratch AS a", "COPY app /app/", "WORKDIR /app", "WORKDIR /data", "FROM a", "WORKDIR /data", "WORKDIR rel"], { builder: "classic" });
    expect(steps(p, 0)).toEqual([[2, 1, 1], [3, 0, 1], [4, 1, 1]]);
    expect(steps(p, 1)).toEqual([[6, 0, 1], [7, 1, 1]]);
  });

  it("may commit no layer for a RUN that writes nothing, and records ONBUILD in the history", () => {
    const p = planOf(["FROM busybox", "RUN [\"ls\"]", "RUN echo hi > /dev/null && test -e /etc/passwd", "RUN echo hi > /x", "RUN ls | sort", "ONBUILD RUN x"], { builder: "classic" });
    expect(steps(p)).toEqual([[2, [0, 1], 1], [3, [0, 1], 1], [4, 1, 1], [5, 1, 1], [6, 0, 1]]);
  });

  it("squashes everything into one layer over the base", () => {
    const p = planOf(["FROM debian", "RUN a", "RUN b", "COPY c /c"], { builder: "classic" });
    expect(p.whatIf?.squashed.layers).toEqual({ min: 1, max: 1 });
    expect(planOf(["FROM debian", "ENV A=1"]).whatIf?.squashed.layers).toEqual({ min: 0, max: 0 });
  });
});

describe("stages and the target image", () => {
  const lines = ["FROM golang:1.22 AS build", "RUN go build", "FROM build AS test", "RUN go test", "FROM scratch", "COPY --from=build /app /app", "FROM debian AS other"];

  it("inherits nothing from scratch, the parent's total from a stage, B(image) from an image", () => {
    const p = planOf(lines, { target: 2 });
    expect(p.stages.map((s) => [s.id, s.inherited, s.total])).toEqual([
      ["build", { base: "golang:1.22", added: { min: 0, max: 0 } }, { base: "golang:1.22", added: { min: 1, max: 1 } }],
      ["test", { base: "golang:1.22", added: { min: 1, max: 1 } }, { base: "golang:1.22", added: { min: 2, max: 2 } }],
      ["stage-2", { base: undefined, added: { min: 0, max: 0 } }, { base: undefined, added: { min: 1, max: 1 } }],
      ["other", { base: "debian", added: { min: 0, max: 0 } }, { base: "debian", added: { min: 0, max: 0 } }],
    ]);
    expect(p.target).toEqual({ name: undefined, id: "stage-2", index: 2 });
    expect(p.image).toMatchObject({ base: { kind: "scratch" }, chain: [2], layers: { min: 1, max: 1 }, history: 1 });
    expect(p.stages.map((s) => [s.reachable, s.dependsOn])).toEqual([[true, []], [false, [0]], [true, [0]], [false, []]]);
  });

  it("counts the whole FROM chain for a target given by name", () => {
    const p = planOf(lines, { target: "TEST" });
    expect(p.image).toMatchObject({ base: { kind: "image", name: "golang:1.22" }, chain: [0, 1], layers: { min: 2, max: 2 }, history: 2 });
    expect(p.image?.total).toEqual({ base: "golang:1.22", added: { min: 2, max: 2 } });
  });

  it("uses known base layers, matched on the normalised reference", () => {
    const p = planOf(lines, { target: "test", baseImageLayers: { "docker.io/library/golang:1.22": 4, "debian:latest": 1 } });
    expect(p.image?.total).toEqual({ base: undefined, added: { min: 6, max: 6 } });
    expect(p.image?.base).toEqual({ kind: "image", name: "golang:1.22", layers: 4 });
    expect(p.stages[3].total).toEqual({ base: undefined, added: { min: 1, max: 1 } });
    const pinned = planOf(["FROM debian:12@sha256:" + "a".repeat(64)], { baseImageLayers: { "debian:12": 1 } });
    expect(pinned.image?.total.base).toBeUndefined();
  });

  it("gives a diagnostic, not an exception, for an unknown target", () => {
    const p = planOf(lines, { target: "tset" });
    expect(p.target).toBeUndefined();
    expect(p.image).toBeUndefined();
    expect(p.whatIf).toBeUndefined();
    expect(p.opportunities).toEqual([]);
    expect(p.diagnostics.map((d) => [d.code, d.message])).toEqual([["unknown-target", 'target stage "tset" could not be found (did you mean test?)']]);
    expect(plan("").diagnostics.map((d) => d.code)).toEqual(["no-stages"]);
  });

  it("plans from a semantic model, a parse result or a syntax tree alike", async () => {
    const { analyze } = await import("../../src/model/index.js");
    const { parse } = await import("../../src/parse.js");
    const text = lines.join("\n");
    const expected = plan(text).image;
    for (const input of [analyze(text), parse(text), parse(text).ast]) expect(plan(input).image).toEqual(expected);
  });
});
