/**
 * Build plans as text (a per-stage table and the opportunities), Mermaid and Graphviz DOT stage
 * graphs (target highlighted, dead stages greyed, edges labelled FROM / COPY --from / mount), and a
 * stable JSON document ({@link PlanJson}).
 *
 * @packageDocumentation
 */
import type { EdgeKind } from "../model/index.js";
import { spanText, spanValue, totalText, totalValue, type Span } from "./count.js";
import type { ChainRoot } from "./stage-plans.js";
import type { Opportunity, Plan, PlannedBase, StagePlan } from "./types.js";

/**
 * The output formats of {@link formatPlan}.
 *
 * @example
 * ```ts
 * const format: PlanFormat = "mermaid";
 * ```
 */
export type PlanFormat = "text" | "json" | "mermaid" | "dot";

/**
 * A layer count as JSON: a number when exact, `[min, max]` when a range.
 *
 * @example
 * ```ts
 * const workdir: CountJson = [0, 1]; // the classic builder's WORKDIR on a folder that may exist
 * ```
 */
export type CountJson = number | [number, number];

/**
 * The JSON form of a plan (`dockerlint plan --format json`). Its shape is stable: fields are only
 * ever added. Counts are numbers when exact and `[min, max]` when the builder leaves them open (the
 * classic builder's WORKDIR); a total on an external image whose layers are unknown is a string
 * (`"B(debian:12) + 3"`).
 *
 * @example
 * ```ts
 * const json: PlanJson = planToJson(plan("FROM debian:12\nRUN a\n"));
 * json.image; // { base: { kind: "image", name: "debian:12", layers: null }, chain: [0], layers: 1, history: 1, total: "B(debian:12) + 1" }
 * ```
 */
export interface PlanJson {
  /** The target stage; null when it is unknown (see `diagnostics`). */
  readonly target: {
    /** The stage name (lowercased); null for an unnamed stage. */
    readonly name: string | null;
    /** The 0-based stage index. */
    readonly index: number;
  } | null;
  /** The builder whose layers were counted: `buildkit` or `classic`. */
  readonly builder: Plan["builder"];
  /** Every stage, in file order. */
  readonly stages: readonly {
    /** 0-based, in file order. */
    readonly index: number;
    /** The stage name (lowercased); null for an unnamed stage. */
    readonly name: string | null;
    /** What the stage is built on: an image by name, an earlier stage by index, or scratch. */
    readonly base: PlannedBase;
    /** Layers the stage's own instructions (and inherited ONBUILD triggers) add. */
    readonly layers: CountJson;
    /** History entries they add. */
    readonly history: number;
    /** Layers of its base: 0 for scratch, the parent stage's total, `"B(image)"` or the known count. */
    readonly inherited: CountJson | string;
    /** `inherited` + `layers`. */
    readonly total: CountJson | string;
    /** The target needs the stage. */
    readonly reachable: boolean;
    /** Stages it depends on directly. */
    readonly dependsOn: readonly number[];
  }[];
  /** The target image; null when the target is unknown. */
  readonly image: {
    /** Where the target's stage chain starts; `layers` is the known count or null. */
    readonly base:
      | {
          /** The chain starts from an empty filesystem. */
          readonly kind: "scratch";
        }
      | {
          /** The chain starts from an external image. */
          readonly kind: "image";
          /** The image as written, after expanding global ARGs. */
          readonly name: string;
          /** Its layer count from `baseImageLayers`; null when unknown. */
          readonly layers: number | null;
        };
    /** Stage indices from the chain's root to the target. */
    readonly chain: readonly number[];
    /** Layers the target adds on top of its external base along the whole stage chain. */
    readonly layers: CountJson;
    /** History entries added along the chain. */
    readonly history: number;
    /** All layers, base included: a number or range, or `"B(image) + n"` when the base's count is unknown. */
    readonly total: CountJson | string;
  } | null;
  /** The plan's opportunities, by first line, then kind (see {@link Opportunity}). */
  readonly opportunities: readonly {
    /** What the opportunity is about (`merge-runs`, `dead-stage`, …). */
    readonly kind: Opportunity["kind"];
    /** The index of the stage the instructions are in. */
    readonly stage: number;
    /** The 1-based start lines of the instructions involved. */
    readonly lines: readonly number[];
    /** How the target image's layer count changes when the suggestion is applied (0 when it does not). */
    readonly layerDelta: number;
    /** A rough size of the saving: `XS`, `S`, `M` or `L`. */
    readonly size: Opportunity["size"];
    /** Why that size. */
    readonly sizeReason: string;
    /** `exact` when the facts are certain from the Dockerfile alone, `heuristic` when guessed. */
    readonly confidence: Opportunity["confidence"];
    /** What is wrong and why it costs. */
    readonly message: string;
    /** A concrete rewrite (may span several lines). */
    readonly suggestion: string;
  }[];
  /** Null when the target is unknown. */
  readonly whatIf: {
    /** `image.layers` after applying every `merge-runs` suggestion, and the change. */
    readonly mergeRuns: {
      /** Layers the target would add on top of its external base. */
      readonly layers: CountJson;
      /** The change from `image.layers` (negative: fewer layers). */
      readonly delta: number;
    };
    /** `image.layers` with the classic builder's `--squash`. */
    readonly squash: {
      /** Layers the target would add on top of its external base: at most one. */
      readonly layers: CountJson;
    };
  } | null;
  /** The stage graph and the schedule of the target's build. */
  readonly graph: {
    /** `from` is the stage (index) or image (name) depended on, `to` the stage that depends. */
    readonly edges: readonly {
      /** The stage index, or the image name, depended on. */
      readonly from: number | string;
      /** The index of the stage that depends on it. */
      readonly to: number;
      /** How: `from` (FROM), `copy` (COPY --from) or `mount` (RUN --mount from). */
      readonly kind: EdgeKind;
      /** The 1-based line of the instruction that makes the edge. */
      readonly line: number;
    }[];
    /** The needed stages in a build order: every stage after those it depends on. */
    readonly order: readonly number[];
    /** The needed stages grouped into levels that can build in parallel, first level first. */
    readonly levels: readonly (readonly number[])[];
    /** The longest chain of dependencies, by number of stages, from the first to build to the target. */
    readonly criticalPath: readonly number[];
    /** Stages the target does not need (BuildKit skips them). */
    readonly dead: readonly number[];
  };
  /** Why the target is unknown, and BuildKit's other build errors. */
  readonly diagnostics: readonly {
    /** A stable identifier of the problem, e.g. `unknown-target`. */
    readonly code: string;
    /** `error` or `warning`. */
    readonly severity: string;
    /** What is wrong, as a sentence. */
    readonly message: string;
    /** The 1-based line where it is. */
    readonly line: number;
    /** The 1-based column where it is. */
    readonly column: number;
  }[];
}

const EDGE_LABEL: Readonly<Record<EdgeKind, string>> = { from: "FROM", copy: "COPY --from", mount: "mount" };

const rootJson = (root: ChainRoot): NonNullable<PlanJson["image"]>["base"] =>
  root.kind === "scratch" ? root : { kind: "image", name: root.name, layers: root.layers ?? null };

/**
 * The JSON document of a plan.
 *
 * @example
 * ```ts
 * JSON.stringify(planToJson(plan(text)), null, 2);
 * ```
 */
export function planToJson(plan: Plan): PlanJson {
  const image = plan.image;
  return {
    target: plan.target === undefined ? null : { name: plan.target.name ?? null, index: plan.target.index },
    builder: plan.builder,
    stages: plan.stages.map((s) => ({
      index: s.index,
      name: s.name ?? null,
      base: s.base,
      layers: spanValue(s.layers),
      history: s.history,
      inherited: totalValue(s.inherited),
      total: totalValue(s.total),
      reachable: s.reachable,
      dependsOn: s.dependsOn,
    })),
    image: image === undefined ? null : {
      base: rootJson(image.base),
      chain: image.chain,
      layers: spanValue(image.layers),
      history: image.history,
      total: totalValue(image.total),
    },
    opportunities: plan.opportunities.map((o) => ({
      kind: o.kind, stage: o.stage, lines: o.lines, layerDelta: o.layerDelta, size: o.size, sizeReason: o.sizeReason,
      confidence: o.confidence, message: o.message, suggestion: o.suggestion,
    })),
    whatIf: plan.whatIf === undefined ? null : {
      mergeRuns: { layers: spanValue(plan.whatIf.merged.layers), delta: plan.whatIf.merged.delta },
      squash: { layers: spanValue(plan.whatIf.squashed.layers) },
    },
    graph: {
      edges: plan.edges.map((e) => ({ from: e.target ?? e.image ?? "", to: e.stage, kind: e.kind, line: e.instruction.loc.start.line })),
      order: plan.schedule.order,
      levels: plan.schedule.levels,
      criticalPath: plan.schedule.criticalPath,
      dead: plan.schedule.dead,
    },
    diagnostics: plan.diagnostics.map((d) => ({ code: d.code, severity: d.severity, message: d.message, line: d.loc.start.line, column: d.loc.start.column })),
  };
}

const baseText = (plan: Plan, base: PlannedBase): string =>
  base.kind === "image" ? base.name : base.kind === "scratch" ? "scratch" : plan.stages[base.index].id;

/** Left-aligned columns. */
function table(rows: readonly (readonly string[])[]): string[] {
  const widths = rows[0].map((_, i) => Math.max(...rows.map((r) => r[i].length)));
  return rows.map((r) => r.map((cell, i) => cell.padEnd(widths[i])).join("  ").trimEnd());
}

const layersWord = (span: Span): string => `${spanText(span)} layer${span.min === 1 && span.max === 1 ? "" : "s"}`;

function opportunityText(o: Opportunity): string[] {
  const delta = o.layerDelta === 0 ? "±0 layers" : `${o.layerDelta > 0 ? "+" : "−"}${Math.abs(o.layerDelta)} layer${Math.abs(o.layerDelta) === 1 ? "" : "s"}`;
  const lines = `line${o.lines.length === 1 ? "" : "s"} ${o.lines.join(", ")}`;
  return [
    `  ${o.kind} (${lines}; ${delta}; size ${o.size}: ${o.sizeReason}; ${o.confidence})`,
    `    ${o.message}`,
    "    Suggestion:",
    ...o.suggestion.split("\n").map((l) => `      ${l}`),
  ];
}

/**
 * A plan as readable text: the target and its image, a per-stage table, the build order, the
 * opportunities and the what-if counts.
 *
 * @example
 * ```ts
 * console.log(formatText(plan("FROM debian:12\nRUN a\nRUN b\n")));
 * ```
 */
export function formatText(plan: Plan): string {
  const out: string[] = [];
  for (const d of plan.diagnostics) out.push(`${d.severity}: ${d.message} (line ${d.loc.start.line})`);
  const target = plan.target;
  const image = plan.image;
  if (target !== undefined && image !== undefined) {
    const base = image.base.kind === "scratch" ? "scratch" : image.base.name;
    out.push(`Target: ${target.id} (stage ${target.index}), builder: ${plan.builder}`);
    out.push(`Image: ${totalText(image.total)} layers in all; ${layersWord(image.layers)} and ${image.history} history entries over ${base}`);
  }
  out.push("");
  const header = ["#", "stage", "base", "layers", "history", "inherited", "total", ""];
  const rows = plan.stages.map((s: StagePlan) => [
    String(s.index), s.id, baseText(plan, s.base), spanText(s.layers), String(s.history), totalText(s.inherited), totalText(s.total),
    s.index === target?.index ? "← target" : s.reachable ? "" : "(dead)",
  ]);
  out.push(...table([header, ...rows]));
  if (plan.schedule.levels.length > 0) {
    const id = (i: number): string => plan.stages[i].id;
    out.push("", `Build order: ${plan.schedule.levels.map((l) => l.map(id).join(" + ")).join(" → ")}`);
    out.push(`Critical path: ${plan.schedule.criticalPath.map(id).join(" → ")}`);
  }
  out.push("", plan.opportunities.length === 0 ? "Opportunities: none" : `Opportunities (${plan.opportunities.length}):`);
  for (const o of plan.opportunities) out.push(...opportunityText(o));
  if (plan.whatIf !== undefined && image !== undefined) {
    out.push("", "What if:");
    out.push(`  the RUN merges are applied: ${layersWord(plan.whatIf.merged.layers)} over the base (${plan.whatIf.merged.delta === 0 ? "no change" : `${plan.whatIf.merged.delta}`})`);
    out.push(`  built with --squash (classic builder): ${layersWord(plan.whatIf.squashed.layers)} over the base`);
  }
  return out.join("\n") + "\n";
}

/** Nodes and edges of the stage graph, shared by the Mermaid and DOT writers. */
interface GraphShape {
  readonly stages: readonly { readonly id: string; readonly label: string; readonly role: "target" | "dead" | "stage" }[];
  readonly images: readonly { readonly id: string; readonly label: string }[];
  readonly edges: readonly { readonly from: string; readonly to: string; readonly label: string }[];
}

function graphShape(plan: Plan): GraphShape {
  const images = new Map<string, string>();
  const imageNode = (name: string): string => {
    if (!images.has(name)) images.set(name, `i${images.size}`);
    return images.get(name)!;
  };
  const edges: { from: string; to: string; label: string }[] = [];
  const seen = new Set<string>();
  const edge = (from: string, to: string, label: string): void => {
    const key = `${from}>${to}>${label}`;
    if (!seen.has(key)) edges.push({ from, to, label });
    seen.add(key);
  };
  for (const s of plan.stages) if (s.base.kind === "image") edge(imageNode(s.base.name), `s${s.index}`, "FROM");
  for (const e of plan.edges) {
    if (e.target === e.stage) continue; // a stage naming itself: BuildKit's error, not an edge
    const from = e.target !== undefined ? `s${e.target}` : imageNode(e.image ?? "");
    edge(from, `s${e.stage}`, EDGE_LABEL[e.kind]);
  }
  const stages = plan.stages.map((s) => ({
    id: `s${s.index}`,
    label: `${s.id} (${s.index}): ${totalText(s.total)}`,
    role: s.index === plan.target?.index ? ("target" as const) : s.reachable ? ("stage" as const) : ("dead" as const),
  }));
  return { stages, images: [...images].map(([label, id]) => ({ id, label })), edges };
}

const mermaidText = (text: string): string => text.replace(/"/g, "#quot;");

/**
 * The stage graph as a Mermaid flowchart: stages with their layer totals, external images as
 * rounded nodes, the target highlighted, dead stages greyed.
 *
 * @example
 * ```ts
 * formatMermaid(plan("FROM golang AS build\nRUN go build\nFROM scratch\nCOPY --from=build /app /app\n"));
 * // flowchart LR … s0 -->|COPY --from| s1 …
 * ```
 */
export function formatMermaid(plan: Plan): string {
  const shape = graphShape(plan);
  const out = ["flowchart LR"];
  for (const s of shape.stages) out.push(`  ${s.id}["${mermaidText(s.label)}"]${s.role === "stage" ? "" : `:::${s.role}`}`);
  for (const i of shape.images) out.push(`  ${i.id}(["${mermaidText(i.label)}"]):::image`);
  for (const e of shape.edges) out.push(`  ${e.from} -->|${mermaidText(e.label)}| ${e.to}`);
  out.push("  classDef target stroke:#2b6cb0,stroke-width:3px");
  out.push("  classDef dead fill:#eeeeee,stroke:#999999,color:#999999");
  out.push("  classDef image stroke-dasharray:4 3");
  return out.join("\n") + "\n";
}

const dotText = (text: string): string => `"${text.replace(/\\/g, "\\\\").replace(/"/g, '\\"')}"`;

const DOT_STYLE: Readonly<Record<GraphShape["stages"][number]["role"], string>> = {
  target: ", penwidth=3, color=\"#2b6cb0\"",
  dead: ", style=filled, fillcolor=\"#eeeeee\", color=\"#999999\", fontcolor=\"#999999\"",
  stage: "",
};

/**
 * The stage graph in Graphviz DOT: stages as boxes, external images as dashed ellipses, the target
 * highlighted, dead stages greyed.
 *
 * @example
 * ```ts
 * formatDot(plan(text)); // digraph plan { rankdir=LR; … s0 -> s1 [label="COPY --from"]; }
 * ```
 */
export function formatDot(plan: Plan): string {
  const shape = graphShape(plan);
  const out = ["digraph plan {", "  rankdir=LR;", "  node [shape=box];"];
  for (const s of shape.stages) out.push(`  ${s.id} [label=${dotText(s.label)}${DOT_STYLE[s.role]}];`);
  for (const i of shape.images) out.push(`  ${i.id} [label=${dotText(i.label)}, shape=ellipse, style=dashed];`);
  for (const e of shape.edges) out.push(`  ${e.from} -> ${e.to} [label=${dotText(e.label)}];`);
  out.push("}");
  return out.join("\n") + "\n";
}

/**
 * A plan in one of the {@link PlanFormat}s.
 *
 * @example
 * ```ts
 * process.stdout.write(formatPlan(plan(text), "dot"));
 * ```
 */
export function formatPlan(plan: Plan, format: PlanFormat): string {
  switch (format) {
    case "json":
      return JSON.stringify(planToJson(plan), null, 2) + "\n";
    case "mermaid":
      return formatMermaid(plan);
    case "dot":
      return formatDot(plan);
    default:
      return formatText(plan);
  }
}
