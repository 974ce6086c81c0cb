/**
 * `analyze()`: inputs, RUN scripts (shell form, heredocs, `#!` interpreters, PowerShell), their
 * mapping back to the source, package and file operations with the stage env, diagnostics, and a
 * run over the real-world corpus.
 */
import { readdirSync, readFileSync } from "node:fs";
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import type { Range } from "../../src/ast/nodes.js";
import { parse } from "../../src/parse.js";
import { analyze, stagesNeededBy, type RunAnalysis, type SemanticModel } from "../../src/model/index.js";
import { describeShared } from "../support/shared.js";

/** The source text of every command of a run's shell script. */
function commandTexts(text: string, run: RunAnalysis): string[] {
  return (run.shellScript?.commands ?? []).map((c) => text.slice(c.range[0], c.range[1]));
}

describe("inputs", () => {
  const text = "FROM alpine AS a\nRUN echo hi\n";

  it("accepts text, a parse result or a bare AST", () => {
    const parsed = parse(text);
    for (const m of [analyze(text), analyze(parsed), analyze(parsed.ast)]) {
      expect(m.stages.map((s) => s.id)).toEqual(["a"]);
      expect(m.runs).toHaveLength(1);
    }
    expect(analyze(parsed.ast).parseDiagnostics).toEqual([]);
    expect(analyze("FROM a\nRUN <<EOF\n").parseDiagnostics.map((d) => d.code)).toEqual(["unterminated-heredoc"]);
  });

  it("handles empty and instruction-less text", () => {
    expect(analyze("").stages).toEqual([]);
    expect(analyze("# just a comment\n").target.diagnostics.map((d) => d.code)).toEqual(["no-stages"]);
  });
});

describe("RUN scripts", () => {
  it("maps shell-form commands across continuation lines back to the source", () => {
    const text = "FROM debian\nRUN apt-get update \\\n    && apt-get install -y \\\n       curl\n";
    const [run] = analyze(text).runs;
    expect(run.script.form).toBe("shell");
    expect(run.shellScript?.commands.map((c) => c.name?.text)).toEqual(["apt-get", "apt-get"]);
    expect(commandTexts(text, run)).toEqual(["apt-get update", "apt-get install -y \\\n       curl"]);
    expect(run.packages.map((p) => [p.manager, p.kind])).toEqual([["apt", "update"], ["apt", "install"]]);
    expect(run.cachesLeftBehind.map((c) => c.path)).toEqual(["/var/lib/apt/lists"]);
  });

  it("lists the calls: commands with a literal program, unwrapped, with the word that names it", () => {
    const text = "FROM debian\nRUN sudo -E /usr/bin/apt-get install -y curl && $TOOL x && env A=1 cd /src && command -v git\n";
    const [run] = analyze(text).runs;
    expect(run.calls.map((c) => [c.program, c.programWord.text, c.index, c.wrappers])).toEqual([
      ["apt-get", "/usr/bin/apt-get", 0, ["sudo"]],
      ["cd", "cd", 2, ["env"]],
    ]);
    expect(run.calls[1].assignments.get("A")).toBe("1");
  });

  it("runs a lone heredoc body with the shell, mapped into the body", () => {
    const text = "FROM alpine\nRUN <<EOF\napk add --no-cache curl\nrm -rf /tmp/x\nEOF\n";
    const [run] = analyze(text).runs;
    expect(run.script).toMatchObject({ form: "heredoc", text: "apk add --no-cache curl\nrm -rf /tmp/x\n", dialect: "sh" });
    expect(commandTexts(text, run)).toEqual(["apk add --no-cache curl", "rm -rf /tmp/x"]);
    expect(run.packages[0]).toMatchObject({ manager: "apk", kind: "install", noCache: true });
    expect(run.files.map((f) => f.kind)).toEqual(["remove"]);
  });

  it("maps <<- bodies through the tabs it strips", () => {
    const text = "FROM alpine\nRUN <<-EOF\n\t\techo one\n\techo two\n\tEOF\n";
    const [run] = analyze(text).runs;
    expect(run.script.text).toBe("echo one\necho two\n");
    expect(commandTexts(text, run)).toEqual(["echo one", "echo two"]);
  });

  it("parses #! scripts only for sh, bash, dash and ash", () => {
    const text = "FROM python\nRUN <<EOF\n#!/usr/bin/env python3\nprint('hi')\nEOF\nRUN <<EOF\n#!/bin/bash -e\n[[ -d /x ]] && rm -rf /x\nEOF\n";
    const [python, bash] = analyze(text).runs;
    expect(python.script).toMatchObject({ form: "shebang", interpreter: "python3", dialect: undefined });
    expect(python.shellScript).toBeUndefined();
    expect(python.packages).toEqual([]);
    expect(bash.script).toMatchObject({ form: "shebang", interpreter: "bash", dialect: "bash" });
    expect(bash.shellScript?.commands.map((c) => c.name?.text)).toContain("rm");
  });

  it("gives a command line with heredocs the text BuildKit passes to the shell", () => {
    const text = "FROM alpine\nRUN cat <<A > /a.txt && sh <<B\nhello\nA\napk add git\nB\n";
    const [run] = analyze(text).runs;
    expect(run.script).toMatchObject({ form: "shell-heredocs", text: "cat <<A > /a.txt && sh <<B\nhello\nA\napk add git\nB\n" });
    expect(commandTexts(text, run).slice(0, 2)).toEqual(["cat <<A > /a.txt", "sh <<B"]);
    for (const command of run.shellScript!.commands) expectInside(command.range, text);
  });

  it("does not analyse exec form, PowerShell or cmd, without reporting errors", () => {
    const text = [
      "FROM mcr.microsoft.com/windows/servercore:ltsc2022",
      "RUN dir C:\\Windows",
      'SHELL ["powershell", "-Command"]',
      "RUN Install-WindowsFeature Web-Server",
      'RUN ["cmd", "/c", "echo hi"]',
      "",
    ].join("\n");
    const m = analyze(text);
    expect(m.runs.map((r) => [r.shell.kind, r.script.form, r.shellScript])).toEqual([
      ["cmd", "shell", undefined],
      ["powershell", "shell", undefined],
      ["powershell", "exec", undefined],
    ]);
    expect(m.runs.flatMap((r) => r.packages)).toEqual([]);
    expect(m.diagnostics).toEqual([]);
  });

  it("parses bash shells as bash and sh as POSIX sh", () => {
    const m = analyze('FROM debian\nRUN echo a &> /dev/null\nSHELL ["/bin/bash", "-c"]\nRUN echo a &> /dev/null\n');
    expect(m.runs.map((r) => r.script.dialect)).toEqual(["sh", "bash"]);
  });

  it("hands package operations the ENV and ARG values visible at the RUN", () => {
    const m = analyze("FROM python AS base\nENV PIP_NO_CACHE_DIR=1\nFROM base\nRUN pip install flask\nFROM python\nRUN pip install flask\n");
    expect(m.runs.map((r) => r.packages[0].noCache)).toEqual([true, false]);
    expect(m.runs.map((r) => r.scope.get("PIP_NO_CACHE_DIR"))).toEqual(["1", undefined]);
  });

  it("counts caches under a cache mount as not left behind", () => {
    const text = "FROM debian\nRUN --mount=type=cache,target=/var/lib/apt/lists apt-get update && apt-get install -y curl\n";
    const [run] = analyze(text).runs;
    expect(run.flags.mounts.map((mount) => mount.target)).toEqual(["/var/lib/apt/lists"]);
    expect(run.cachesLeftBehind).toEqual([]);
  });

  it("finds the analysis of a RUN instruction", () => {
    const m = analyze("FROM alpine\nRUN a\nRUN b\n");
    expect(m.runOf(m.ast.instructions[2] as never)?.script.text).toBe("b");
  });
});

describe("diagnostics", () => {
  it("collects model problems, sorted by position, with ranges inside the text", () => {
    const text = "FROM alpine\nCOPY --from=late / /\nRUN --mount=type=x true\nRUN --network=lan true\nFROM alpine AS late\n";
    const m = analyze(text, { target: "nope" });
    expect(m.diagnostics.map((d) => d.code)).toEqual(["unknown-target", "copy-from-forward-reference", "invalid-mount", "invalid-network"]);
    for (const d of m.diagnostics) expectInside(d.range, text);
    expect(m.diagnostics[2].loc.start).toEqual({ line: 3, column: 13 });
  });
});

function expectInside(range: Range, text: string): void {
  expect(range[0]).toBeGreaterThanOrEqual(0);
  expect(range[1]).toBeGreaterThanOrEqual(range[0]);
  expect(range[1]).toBeLessThanOrEqual(text.length);
}

/** Every range the model hands out, for the corpus check. */
function modelRanges(m: SemanticModel): Range[] {
  return [
    ...m.diagnostics.map((d) => d.range),
    ...m.stages.map((s) => s.range),
    ...m.graph.edges.map((e) => e.reference.range),
    ...m.runs.flatMap((r) => r.flags.mounts.map((mount) => mount.flag.range)),
    ...m.runs.flatMap((r) => (r.shellScript?.commands ?? []).map((c) => c.range)),
  ];
}

describeShared("corpus/real/files", "analyze over the real-world corpus", (dir) => {
  it("never throws, has one stage per FROM and keeps every range inside the text", () => {
    const files = readdirSync(dir).filter((f) => f.endsWith(".Dockerfile"));
    expect(files.length).toBe(4771);
    let outside = 0;
    for (const file of files) {
      const text = readFileSync(join(dir, file), "utf8");
      const m = analyze(text);
      expect(m.stages.length, file).toBe(m.ast.instructions.filter((i) => i.type === "FROM").length);
      expect(m.target.order.length + m.target.dead.length, file).toBe(m.stages.length);
      for (const [start, end] of modelRanges(m)) if (start < 0 || end < start || end > text.length) outside++;
    }
    expect(outside).toBe(0);
  });
});

describe("stagesNeededBy", () => {
  it("marks the targets and every stage they depend on, through FROM, COPY --from and mounts", () => {
    const model = analyze("FROM alpine AS a\nFROM a AS b\nFROM alpine AS c\nCOPY --from=a /x /x\nFROM alpine AS d\nRUN --mount=from=c,target=/c true\nFROM alpine AS e\n");
    expect(stagesNeededBy(model.graph, [1], model.stages.length)).toEqual([true, true, false, false, false]);
    expect(stagesNeededBy(model.graph, [3, 1], model.stages.length)).toEqual([true, true, true, true, false]);
    expect(stagesNeededBy(model.graph, [], model.stages.length)).toEqual([false, false, false, false, false]);
  });
});

describe("derived", () => {
  it("computes a derived value once per model and key, and keeps it with that model only", () => {
    const text = "FROM alpine\nRUN apk add curl\n";
    const [one, two] = [analyze(text), analyze(text)];
    const keyA = {};
    const keyB = {};
    let calls = 0;
    const count = (): number => ++calls;
    expect([one.derived(keyA, count), one.derived(keyA, count), one.derived(keyB, count), two.derived(keyA, count)]).toEqual([1, 1, 2, 3]);
    expect(one.derived(keyA, () => undefined)).toBe(1);
    expect(two.derived(keyB, () => undefined)).toBeUndefined();
    expect(two.derived(keyB, count)).toBeUndefined();
  });

  it("hands the model to the computation, so a module-level function needs no closure", () => {
    const model = analyze("FROM alpine\n");
    const stageCount = (m: typeof model): number => m.stages.length;
    expect(model.derived(stageCount, stageCount)).toBe(1);
    expect(model.derived({}, (m) => m)).toBe(model);
  });
});

describe("triggerRunOf", () => {
  it("analyses an ONBUILD RUN trigger where it is declared, once", () => {
    const model = analyze("FROM alpine\nENV PIP_NO_CACHE_DIR=1\nONBUILD RUN apk add curl\nONBUILD COPY . /app\n");
    const [onRun, onCopy] = model.ast.instructions.filter((i) => i.type === "ONBUILD");
    const run = model.triggerRunOf(onRun as never);
    expect(run?.onbuild).toBe(true);
    expect(run?.stage).toBe(0);
    expect(run?.packages.map((p) => p.manager)).toEqual(["apk"]);
    expect(run?.scope.get("PIP_NO_CACHE_DIR")).toBe("1");
    expect(model.triggerRunOf(onRun as never)).toBe(run);
    expect(model.triggerRunOf(onCopy as never)).toBeUndefined();
  });
});
