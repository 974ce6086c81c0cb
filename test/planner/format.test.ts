/**
 * Plan output: the per-stage text table, Mermaid and DOT stage graphs, the JSON document, and the
 * `dockerlint plan` command.
 */
import { mkdtempSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import { runPlan } from "../../src/cli/commands/plan.js";
import { formatDot, formatMermaid, formatPlan, formatText, planToJson } from "../../src/planner/format.js";
import { plan } from "../../src/planner/index.js";

const text = [
  "FROM golang:1.22 AS build",
  "RUN go build -o /app .",
  "FROM alpine AS unused",
  "FROM scratch",
  "COPY --from=build /app /app",
  "COPY --from=nginx:1.27 /etc/nginx/mime.types /etc/",
  "ENTRYPOINT [\"/app\"]",
].join("\n") + "\n";

describe("graphs", () => {
  const p = plan(text, { baseImageLayers: { "golang:1.22": 7 } });

  it("draws Mermaid: stages with totals, images as rounded nodes, target and dead stages styled", () => {
    expect(formatMermaid(p)).toBe([
      "flowchart LR",
      '  s0["build (0): 8"]',
      '  s1["unused (1): B(alpine)"]:::dead',
      '  s2["stage-2 (2): 2"]:::target',
      '  i0(["golang:1.22"]):::image',
      '  i1(["alpine"]):::image',
      '  i2(["nginx:1.27"]):::image',
      "  i0 -->|FROM| s0",
      "  i1 -->|FROM| s1",
      "  s0 -->|COPY --from| s2",
      "  i2 -->|COPY --from| s2",
      "  classDef target stroke:#2b6cb0,stroke-width:3px",
      "  classDef dead fill:#eeeeee,stroke:#999999,color:#999999",
      "  classDef image stroke-dasharray:4 3",
      "",
    ].join("\n"));
  });

  it("draws DOT with the same nodes and edges", () => {
    const dot = formatDot(p);
    expect(dot.startsWith("digraph plan {\n  rankdir=LR;\n  node [shape=box];\n")).toBe(true);
    expect(dot).toContain('  s1 [label="unused (1): B(alpine)", style=filled, fillcolor="#eeeeee", color="#999999", fontcolor="#999999"];');
    expect(dot).toContain('  s2 [label="stage-2 (2): 2", penwidth=3, color="#2b6cb0"];');
    expect(dot).toContain('  i2 [label="nginx:1.27", shape=ellipse, style=dashed];');
    expect(dot).toContain('  s0 -> s2 [label="COPY --from"];');
    expect(dot.endsWith("}\n")).toBe(true);
  });

  it("labels mount edges and escapes quotes", () => {
    const q = plan('FROM alpine AS "x"\nFROM alpine AS deps\nFROM alpine\nRUN --mount=type=bind,from=deps,target=/d ls /d\n');
    expect(formatMermaid(q)).toContain("  s1 -->|mount| s2");
    expect(formatDot(q)).toContain('  s1 -> s2 [label="mount"];');
  });
});

describe("text", () => {
  it("prints the target, a per-stage table, the build order, opportunities and what-if", () => {
    const out = formatText(plan(text));
    expect(out.split("\n").slice(0, 8)).toEqual([
      "Target: stage-2 (stage 2), builder: buildkit",
      "Image: 2 layers in all; 2 layers and 3 history entries over scratch",
      "",
      "#  stage    base         layers  history  inherited       total",
      "0  build    golang:1.22  1       1        B(golang:1.22)  B(golang:1.22) + 1",
      "1  unused   alpine       0       0        B(alpine)       B(alpine)           (dead)",
      "2  stage-2  scratch      2       3        0               2                   ← target",
      "",
    ]);
    expect(out).toContain("Build order: build → stage-2\nCritical path: build → stage-2\n");
    expect(out).toContain("  dead-stage (line 3; ±0 layers; size XS: BuildKit already skips it: only the Dockerfile gets shorter; exact)\n");
    expect(out).toContain("What if:\n  the RUN merges are applied: 2 layers over the base (no change)\n  built with --squash (classic builder): 1 layer over the base\n");
  });

  it("prints ranges and the diagnostic of an unknown target", () => {
    expect(formatText(plan("FROM debian\nWORKDIR /opt\n", { builder: "classic" }))).toContain("Image: B(debian) + 0–1 layers in all; 0–1 layers and 1 history entries over debian");
    expect(formatText(plan(text, { target: "nope" })).split("\n")[0]).toBe('error: target stage "nope" could not be found (line 1)');
  });
});

describe("json", () => {
  it("has the documented shape", () => {
    const json = planToJson(plan(text, { builder: "classic" }));
    expect(Object.keys(json)).toEqual(["target", "builder", "stages", "image", "opportunities", "whatIf", "graph", "diagnostics"]);
    expect(json.target).toEqual({ name: null, index: 2 });
    expect(json.stages[0]).toEqual({
      index: 0, name: "build", base: { kind: "image", name: "golang:1.22" }, layers: 1, history: 1,
      inherited: "B(golang:1.22)", total: "B(golang:1.22) + 1", reachable: true, dependsOn: [],
    });
    expect(json.image).toEqual({ base: { kind: "scratch" }, chain: [2], layers: 2, history: 3, total: 2 });
    expect(Object.keys(json.opportunities[0])).toEqual(["kind", "stage", "lines", "layerDelta", "size", "sizeReason", "confidence", "message", "suggestion"]);
    expect(json.whatIf).toEqual({ mergeRuns: { layers: 2, delta: 0 }, squash: { layers: 1 } });
    expect(json.graph.edges).toEqual([
      { from: 0, to: 2, kind: "copy", line: 5 },
      { from: "nginx:1.27", to: 2, kind: "copy", line: 6 },
    ]);
  });

  it("writes ranges as [min, max] and an unknown target as null", () => {
    const json = planToJson(plan("FROM debian\nWORKDIR /opt\n", { builder: "classic" }));
    expect(json.image?.layers).toEqual([0, 1]);
    expect(json.image?.total).toBe("B(debian) + 0–1");
    const unknown = planToJson(plan(text, { target: 9 }));
    expect([unknown.target, unknown.image, unknown.whatIf]).toEqual([null, null, null]);
    expect(JSON.parse(formatPlan(plan(text), "json")).builder).toBe("buildkit");
  });
});

describe("dockerlint plan", () => {
  const dir = mkdtempSync(join(tmpdir(), "dockerlint-plan-"));
  const file = join(dir, "Dockerfile");
  writeFileSync(file, text);
  const run = (...argv: string[]): { code: number; out: string; err: string } => {
    let out = "";
    let err = "";
    const code = runPlan(argv, { out: (t) => (out += t), err: (t) => (err += t) });
    return { code, out, err };
  };

  it("prints each format", () => {
    expect(run(file).out).toBe(formatText(plan(text)));
    expect(run(file, "--format", "mermaid").out).toBe(formatMermaid(plan(text)));
    expect(run(file, "-f", "dot").out).toBe(formatDot(plan(text)));
    expect(JSON.parse(run(file, "--format", "json", "--builder", "classic").out).builder).toBe("classic");
  });

  it("takes a target by name or index and base layers", () => {
    const json = JSON.parse(run(file, "--target", "0", "--format", "json", "--base-layers", "golang:1.22=7", "--base-layers", "alpine=1").out);
    expect(json.target).toEqual({ name: "build", index: 0 });
    expect(json.image.total).toBe(8);
    expect(JSON.parse(run(file, "--target", "BUILD", "--format", "json").out).target.index).toBe(0);
  });

  it("exits 1 for an unknown target and 2 for usage or input errors", () => {
    expect(run(file, "--target", "nope").code).toBe(1);
    expect(run(file, "--format", "yaml")).toMatchObject({ code: 2, err: 'dockerlint plan: unknown format "yaml" (expected text, json, mermaid, dot)\n' });
    expect(run(file, "--builder", "kaniko").code).toBe(2);
    expect(run(file, "--base-layers", "debian").err).toBe('dockerlint plan: --base-layers expects image=N, got "debian"\n');
    expect(run(join(dir, "missing")).err).toBe(`dockerlint plan: cannot read ${join(dir, "missing")}: no such file\n`);
    expect(run().code).toBe(2);
    expect(run("--help")).toMatchObject({ code: 0 });
  });
});
