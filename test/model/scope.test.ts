/**
 * Variables as BuildKit scopes them (§11) and expands them (§10.1), through `analyze()`:
 * platform and meta ARGs, FROM against the global scope only, stage ARG/ENV, inheritance across
 * `FROM <stage>`, and where expansion does and does not happen.
 */
import { describe, expect, it } from "vitest";
import type { CopyInstruction, ExposeInstruction, FromInstruction, Instruction, RunInstruction } from "../../src/ast/nodes.js";
import { analyze, type AnalyzeOptions, type SemanticModel } from "../../src/model/index.js";

function model(lines: string[], options?: AnalyzeOptions): SemanticModel {
  return analyze(lines.join("\n") + "\n", options);
}

/** The n-th instruction of a given type. */
function nth<T extends Instruction["type"]>(m: SemanticModel, type: T, n = 0): Instruction & { type: T } {
  return m.ast.instructions.filter((i) => i.type === type)[n] as Instruction & { type: T };
}

describe("global scope", () => {
  it("evaluates meta ARGs in order and expands FROM against them", () => {
    const m = model(["ARG TAG=3.20", "ARG IMG=alpine:${TAG}", "FROM ${IMG} AS base"]);
    expect(m.globals.get("IMG")).toBe("alpine:3.20");
    expect(m.stages[0].base).toMatchObject({ kind: "image", name: "alpine:3.20", unresolved: [] });
    const base = m.stages[0].base;
    expect(base.kind === "image" && base.ref?.familiarName).toBe("alpine");
  });

  it("lets later declarations of one meta ARG instruction see earlier ones", () => {
    expect(model(["ARG A=x B=${A}y", "FROM scratch"]).globals.get("B")).toBe("xy");
  });

  it("keeps platform ARGs unknown unless the options give them", () => {
    const m = model(["ARG BASE=img-${TARGETARCH}", "FROM --platform=$BUILDPLATFORM ${BASE}"]);
    expect(m.globals.variable("TARGETARCH")).toMatchObject({ kind: "platform", value: undefined });
    expect(m.globals.get("BASE")).toBeUndefined();
    expect(m.stages[0].base).toMatchObject({ kind: "image", ref: undefined, unresolved: ["BASE"] });
    expect(m.stages[0].platform).toMatchObject({ value: "", unresolved: ["BUILDPLATFORM"] });
    // BuildKit always sets the platform ARGs: a name unknown only through them is no warning.
    expect(m.diagnostics).toEqual([]);
  });

  it("warns about a base name only when it needs a build argument, not when it needs the platform", () => {
    const codes = (lines: string[]): string[] => model(lines).diagnostics.map((d) => `${d.code}: ${d.message}`);
    expect(codes(["FROM alpine AS base-linux", "FROM base-${TARGETOS}"])).toEqual([]);
    expect(codes(["ARG D=${TARGETPLATFORM#linux/amd64}", "ARG D=${D:+unsupported}", "ARG D=${D:-supported}", "FROM img-${D}"])).toEqual([]);
    expect(codes(["ARG V", "FROM img-${TARGETOS}-${V}"])).toEqual(["unresolved-base: base name (img-${TARGETOS}-${V}) depends on V, which has no known value"]);
    expect(codes(["ARG BASE", "ARG IMG=${BASE}-${TARGETARCH}", "FROM ${IMG}"])).toEqual(["unresolved-base: base name (${IMG}) depends on IMG, which has no known value"]);
  });

  it("derives the platform ARGs from the options, and build args override them", () => {
    const options = { platform: "linux/arm64/v8", buildPlatform: "linux/amd64", buildArgs: { TARGETOS: "freebsd" } };
    const m = model(["ARG BASE=img-${TARGETARCH}-${TARGETVARIANT}", "FROM --platform=$BUILDPLATFORM ${BASE}"], options);
    expect(m.globals.get("TARGETPLATFORM")).toBe("linux/arm64/v8");
    expect(m.globals.get("TARGETOS")).toBe("freebsd");
    expect(m.globals.get("BUILDARCH")).toBe("amd64");
    expect(m.globals.get("TARGETSTAGE")).toBe("default");
    expect(m.stages[0].base).toMatchObject({ kind: "image", name: "img-arm64-v8" });
    expect(m.stages[0].platform).toMatchObject({ value: "linux/amd64", unresolved: [] });
  });

  it("names the target stage in TARGETSTAGE", () => {
    expect(model(["FROM scratch AS app"], { target: "app" }).globals.get("TARGETSTAGE")).toBe("app");
  });

  it("replaces a meta ARG default with a build arg, unexpanded", () => {
    const m = model(["ARG TAG=1", "FROM alpine:$TAG"], { buildArgs: { TAG: "$NOT_EXPANDED" } });
    expect(m.globals.get("TAG")).toBe("$NOT_EXPANDED");
  });

  it("treats an undeclared name in FROM as unset: a blank base name is an error", () => {
    const m = model(["FROM ${NOPE}"]);
    expect(m.stages[0].base).toMatchObject({ kind: "image", name: "", unresolved: [] });
    expect(m.diagnostics.map((d) => d.code)).toEqual(["blank-base-name"]);
    expect(m.diagnostics[0].message).toBe("base name (${NOPE}) should not be blank");
  });

  it("does not let FROM see stage ARGs or ENV", () => {
    const m = model(["FROM alpine", "ARG V=3", "ENV W=4", "FROM alpine:${V}${W}"]);
    expect(m.stages[1].base).toMatchObject({ kind: "image", name: "alpine:" });
  });

  it("reports a lexer error in FROM", () => {
    const m = model(["ARG X=1", "FROM alpine:${X"]);
    expect(m.diagnostics.map((d) => d.code)).toContain("expansion-error");
  });
});

describe("stage scope", () => {
  it("hides globals until redeclared; ARG NAME imports the global value", () => {
    const m = model(["ARG TAG=3.19", "FROM alpine:${TAG} AS base", 'RUN echo "$TAG"', "ARG TAG", 'RUN echo "$TAG"']);
    expect(m.scopeAt(nth(m, "RUN", 0)).variable("TAG")).toBeUndefined();
    expect(m.scopeAt(nth(m, "RUN", 1)).variable("TAG")).toMatchObject({ kind: "arg", value: "3.19", stage: 0 });
  });

  it("prefers a build arg over a local default over the global value", () => {
    const unknown = model(["ARG V=global", "FROM alpine", "ARG V=local-${W}", "ENV W=x", "RUN x"]);
    // W is not known when the default is expanded (the base image may set it), so V is unknown too.
    expect(unknown.scopeAt(nth(unknown, "RUN")).variable("V")).toMatchObject({ kind: "arg", value: undefined });
    const m = model(["ARG V=global", "FROM scratch", "ARG V=local", "RUN x"]);
    expect(m.scopeAt(nth(m, "RUN")).get("V")).toBe("local");
    const withArg = model(["ARG V=global", "FROM scratch", "ARG V=local", "RUN x"], { buildArgs: { V: "cli" } });
    expect(withArg.scopeAt(nth(withArg, "RUN")).get("V")).toBe("cli");
  });

  it("keeps the value an ARG with no default already has when no global value replaces it", () => {
    const m = model(["ARG G", "ARG K=global", "FROM scratch AS base", "ARG V=1", "ENV G=env K=env", "FROM base", "ARG V G K", "RUN x"]);
    const scope = m.scopeAt(nth(m, "RUN"));
    expect(scope.variable("V")).toMatchObject({ value: "1", kind: "arg", stage: 1 });
    expect(scope.variable("G")).toMatchObject({ value: "env", kind: "arg" });
    expect(scope.get("K")).toBe("global");
  });

  it("expands meta ARG defaults against the globals before them", () => {
    const m = model(["ARG A=1", "ARG B=${A}2", "FROM scratch"]);
    const arg = nth(m, "ARG", 1);
    expect(m.resolve(arg.declarations[0].defaultValue!, arg)).toMatchObject({ value: "12", matched: ["A"] });
  });

  it("keeps an ARG with no default and no global declared but unknown", () => {
    const m = model(["FROM alpine", "ARG VERSION", "WORKDIR /src/$VERSION"]);
    const workdir = nth(m, "WORKDIR");
    expect(m.scopeAt(workdir).variable("VERSION")).toMatchObject({ value: undefined, kind: "arg" });
    expect(m.resolve(workdir.value!, workdir)).toMatchObject({ value: "/src/", unresolved: ["VERSION"], expanded: true });
  });

  it("writes ENV and ARG to one env where the later wins, and expands each instruction against the env before it", () => {
    const m = model(["FROM scratch", "ENV A=1", "ARG A=2", "ENV A=3 B=$A", "RUN x"]);
    const scope = m.scopeAt(nth(m, "RUN"));
    expect(scope.get("A")).toBe("3");
    expect(scope.get("B")).toBe("2");
    expect(scope.variable("A")?.kind).toBe("env");
  });

  it("inherits env and args across FROM <stage>, not into unrelated stages", () => {
    const m = model([
      "ARG TAG=3.19",
      "FROM alpine:${TAG} AS base",
      "ARG TAG",
      "ENV APP=/app",
      "FROM base AS child",
      "RUN echo $TAG",
      "FROM alpine AS other",
      "RUN echo $TAG",
    ]);
    const child = m.scopeAt(nth(m, "RUN", 0));
    expect(child.get("TAG")).toBe("3.19");
    expect(child.get("APP")).toBe("/app");
    expect(m.stages[1].env).toEqual(new Map([["APP", "/app"]]));
    expect(m.scopeAt(nth(m, "RUN", 1)).variable("TAG")).toBeUndefined();
    expect(m.stages[2].env.size).toBe(0);
  });

  it("keeps ARGs out of the image env", () => {
    const m = model(["FROM scratch", "ARG A=1", "ENV B=$A"]);
    expect([...m.stages[0].env]).toEqual([["B", "1"]]);
  });

  it("knows undeclared names are unset in a stage from scratch, but not over an image", () => {
    const scratch = model(["FROM scratch", "WORKDIR $HOME/x"]);
    expect(scratch.resolve(nth(scratch, "WORKDIR").value!, nth(scratch, "WORKDIR"))).toMatchObject({ value: "/x", unresolved: [] });
    const image = model(["FROM debian", "WORKDIR $HOME/x"]);
    expect(image.resolve(nth(image, "WORKDIR").value!, nth(image, "WORKDIR")).unresolved).toEqual(["HOME"]);
  });

  it("imports platform ARGs with ARG TARGETARCH", () => {
    const m = model(["FROM alpine", "ARG TARGETARCH", "COPY bin-${TARGETARCH} /bin/app"], { platform: "linux/amd64" });
    const copy = nth(m, "COPY");
    expect(m.resolve(copy.sources[0], copy)).toMatchObject({ value: "bin-amd64", matched: ["TARGETARCH"] });
  });

  it("looks scopes up by instruction index too", () => {
    const m = model(["FROM scratch", "ENV A=1", "RUN x"]);
    expect(m.scopeAt(2).get("A")).toBe("1");
    expect(m.scopeAt(99).variables).toEqual([]);
  });
});

describe("resolve: where BuildKit expands", () => {
  const m = model([
    "FROM scratch",
    "ENV DIR=/opt NAME=app PORTS='80 443'",
    'RUN echo $DIR',
    "COPY --from=$NAME --chown=${NAME}:${NAME} $NAME.conf $DIR/",
    "EXPOSE $PORTS",
    "LABEL ${NAME}.dir=$DIR",
    "CMD echo $DIR",
  ]);

  it("leaves RUN and CMD text and COPY --from as written", () => {
    const run = nth(m, "RUN");
    expect(m.resolve(run.args[0], run)).toEqual({ value: "echo $DIR", unresolved: [], matched: [], expanded: false });
    const cmd = nth(m, "CMD");
    expect(m.resolve(cmd.args[0], cmd).expanded).toBe(false);
    const copy = nth(m, "COPY");
    expect(m.resolve(copy.flags[0].value!, copy).value).toBe("$NAME");
  });

  it("expands COPY sources, destination and --chown", () => {
    const copy = nth(m, "COPY") as CopyInstruction;
    expect(m.resolve(copy.sources[0], copy).value).toBe("app.conf");
    expect(m.resolve(copy.destination!, copy).value).toBe("/opt/");
    expect(m.resolve(copy.flags[1].value!, copy).value).toBe("app:app");
  });

  it("splits EXPOSE into words", () => {
    const expose = nth(m, "EXPOSE") as ExposeInstruction;
    expect(m.resolve(expose.args[0], expose)).toMatchObject({ value: "80 443", words: ["80", "443"] });
  });

  it("expands LABEL keys and values", () => {
    const label = nth(m, "LABEL");
    expect(m.resolve(label.pairs[0].key, label).value).toBe("app.dir");
    expect(m.resolve(label.pairs[0].value, label).value).toBe("/opt");
  });

  it("expands FROM words against the global scope", () => {
    const g = model(["ARG V=1", "FROM img:$V"]);
    const from = nth(g, "FROM") as FromInstruction;
    expect(g.resolve(from.image!.tag!, from).value).toBe("1");
  });

  it("uses the escape directive: with a backtick, a backslash is literal", () => {
    const w = model(["# escape=`", "FROM mcr.microsoft.com/windows/servercore:ltsc2022", "WORKDIR C:\\app\\$NAME"]);
    const workdir = nth(w, "WORKDIR");
    expect(w.resolve(workdir.value!, workdir).value).toBe("C:\\app\\");
  });

  it("expands COPY heredoc bodies unless the marker is quoted, keeping quotes", () => {
    const h = model(["FROM scratch", "ENV V=1", "COPY <<A <<'B' /d/", "v='$V'", "A", "$V", "B"]);
    const copy = nth(h, "COPY");
    expect(h.resolve(copy.heredocs[0].body, copy)).toMatchObject({ value: "v='1'\n", expanded: true });
    expect(h.resolve(copy.heredocs[1].body, copy)).toMatchObject({ value: "$V\n", expanded: false });
  });

  it("reports lexer errors instead of throwing", () => {
    const e = model(["FROM scratch", "WORKDIR ${X"]);
    const workdir = nth(e, "WORKDIR");
    expect(e.resolve(workdir.value!, workdir).error).toMatch(/failed to process/);
  });

  it("does not expand inside a word it does not know", () => {
    const run = nth(m, "RUN") as RunInstruction;
    expect(m.resolve(run.keyword, run).expanded).toBe(false);
  });
});

describe("shell", () => {
  it("defaults to /bin/sh -c and follows SHELL", () => {
    const m = model(["FROM alpine", "RUN a", 'SHELL ["/bin/bash", "-o", "pipefail", "-c"]', "RUN b", 'SHELL ["pwsh", "-Command"]']);
    expect(m.shellAt(nth(m, "RUN", 0))?.argv).toEqual(["/bin/sh", "-c"]);
    expect(m.shellAt(nth(m, "RUN", 1))).toMatchObject({ kind: "posix", argv: ["/bin/bash", "-o", "pipefail", "-c"] });
    expect(m.stages[0].shellKind).toBe("powershell");
  });

  it("guesses Windows from the base image or the escape directive, and passes the shell on", () => {
    expect(model(["FROM mcr.microsoft.com/windows/servercore:ltsc2019 AS w", "FROM w"]).stages.map((s) => s.shellKind)).toEqual(["cmd", "cmd"]);
    expect(model(["# escape=`", "FROM microsoft/iis"]).stages[0]).toMatchObject({ windows: true, shellKind: "cmd" });
    expect(model(["FROM golang:1.22-nanoserver"]).stages[0].windows).toBe(true);
    expect(model(["FROM debian"]).stages[0]).toMatchObject({ windows: false, shellKind: "posix" });
  });
});
