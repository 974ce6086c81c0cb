/**
 * The data a build plan is made of: options, per-stage counts, the target image, squash
 * opportunities and what-if counts.
 *
 * @packageDocumentation
 */
import type { AnalyzeOptions, ModelDiagnostic, SemanticModel, StageEdge, TargetPlan } from "../model/index.js";
import type { LayerTotal, Span } from "./count.js";
import type { Builder, Step } from "./layers.js";
import type { ChainRoot } from "./stage-plans.js";

/**
 * Options of `plan()`.
 *
 * @example
 * ```ts
 * const options: PlanOptions = { target: "app", builder: "buildkit", baseImageLayers: { "debian:12": 1 } };
 * ```
 */
export interface PlanOptions {
  /** The stage to plan the image of: a name (case-insensitive), `stage-<n>`, or an index. Default: the last stage. */
  readonly target?: string | number;
  /** The builder whose layers are counted. Default `buildkit`. */
  readonly builder?: Builder;
  /** Known layer counts of external images, keyed by reference (`debian:12`, matched after normalisation). */
  readonly baseImageLayers?: Readonly<Record<string, number>>;
  /** Build arguments (`--build-arg`), used when the input is text or a syntax tree. */
  readonly buildArgs?: AnalyzeOptions["buildArgs"];
  /** The target platform (`--platform`), used when the input is text or a syntax tree. */
  readonly platform?: AnalyzeOptions["platform"];
}

/**
 * How a stage is built on: an external image, an earlier stage, or `scratch`.
 *
 * @example
 * ```ts
 * const base: PlannedBase = { kind: "image", name: "debian:12" };
 * ```
 */
export type PlannedBase =
  | {
      /** An external image. */
      readonly kind: "image";
      /** The image as written in FROM, after expanding global ARGs (`debian:12`). */
      readonly name: string;
    }
  | {
      /** An earlier stage of the same Dockerfile. */
      readonly kind: "stage";
      /** That stage's 0-based index. */
      readonly index: number;
    }
  | {
      /** `FROM scratch`: an empty filesystem. */
      readonly kind: "scratch";
    };

/**
 * One stage of the plan.
 *
 * @example
 * ```ts
 * const stage: StagePlan = plan("FROM alpine AS a\nRUN x\n").stages[0];
 * [stage.layers, stage.totalText]; // [{ min: 1, max: 1 }, "B(alpine) + 1"]
 * ```
 */
export interface StagePlan {
  /** 0-based, in file order. */
  readonly index: number;
  /** The stage name (lowercased); undefined for an unnamed stage. */
  readonly name: string | undefined;
  /** The name, or `stage-<index>`. */
  readonly id: string;
  /** The 1-based line of its FROM. */
  readonly line: number;
  /** What it is built on. */
  readonly base: PlannedBase;
  /** What each instruction adds (inherited ONBUILD triggers first). */
  readonly steps: readonly Step[];
  /** Layers its own steps add. */
  readonly layers: Span;
  /** History entries its own steps add. */
  readonly history: number;
  /** Layers of its base. */
  readonly inherited: LayerTotal;
  /** {@link inherited} + {@link layers}. */
  readonly total: LayerTotal;
  /** The target needs it (through FROM, COPY --from or RUN --mount from). */
  readonly reachable: boolean;
  /** The stages it depends on directly. */
  readonly dependsOn: readonly number[];
}

/**
 * The image the target stage produces.
 *
 * @example
 * ```ts
 * const image: ImagePlan = plan("FROM debian:12\nRUN a\nRUN b\n").image!;
 * [image.layers, image.base]; // [{ min: 2, max: 2 }, { kind: "image", name: "debian:12" }]
 * ```
 */
export interface ImagePlan {
  /** Where the target's stage chain starts. */
  readonly base: ChainRoot;
  /** The stages from the chain's root to the target. */
  readonly chain: readonly number[];
  /** Layers the target adds on top of {@link base} along the whole stage chain. */
  readonly layers: Span;
  /** History entries added along the chain. */
  readonly history: number;
  /** All layers: `B(base) + layers`, or a number when the base's layers are known. */
  readonly total: LayerTotal;
}

/**
 * What an opportunity is about.
 *
 * @example
 * ```ts
 * const kind: OpportunityKind = "merge-runs";
 * ```
 */
export type OpportunityKind =
  | "merge-runs"
  | "delete-in-later-layer"
  | "cache-left-in-layer"
  | "cache-busting-copy"
  | "copy-then-extract"
  | "chown-after-copy"
  | "build-tools-in-final"
  | "dead-stage"
  | "secret-left-in-layer";

/**
 * A rough size of what an opportunity saves: `XS` (metadata, bytes), `S` (small files), `M` (package
 * caches, a dependency re-install on every change), `L` (build toolchains, whole copied trees).
 *
 * @example
 * ```ts
 * const size: OpportunitySize = "L";
 * ```
 */
export type OpportunitySize = "XS" | "S" | "M" | "L";

/**
 * A way to make the image smaller, flatter or faster to rebuild.
 *
 * @example
 * ```ts
 * const o: Opportunity = { kind: "merge-runs", stage: 0, lines: [2, 3], layerDelta: -1, size: "XS",
 *   sizeReason: "one layer's overhead", confidence: "exact", message: "…", suggestion: "RUN a && b" };
 * ```
 */
export interface Opportunity {
  /** What the opportunity is about (`merge-runs`, `dead-stage`, …). */
  readonly kind: OpportunityKind;
  /** The stage the instructions are in. */
  readonly stage: number;
  /** The 1-based start lines of the instructions involved. */
  readonly lines: readonly number[];
  /** How the target image's layer count changes when the suggestion is applied (0 when it does not). */
  readonly layerDelta: number;
  /** A rough size of what applying the suggestion saves. */
  readonly size: OpportunitySize;
  /** Why that size. */
  readonly sizeReason: string;
  /** `exact` when the facts are certain (from the Dockerfile alone), `heuristic` when guessed. */
  readonly confidence: "exact" | "heuristic";
  /** What is wrong and why it costs, in a sentence or two. */
  readonly message: string;
  /** A concrete rewrite. */
  readonly suggestion: string;
}

/**
 * Layer counts of the target image if the suggestions were applied.
 *
 * @example
 * ```ts
 * const whatIf: WhatIf = { merged: { layers: { min: 3, max: 3 }, delta: -2 }, squashed: { layers: { min: 1, max: 1 } } };
 * ```
 */
export interface WhatIf {
  /** After applying every `merge-runs` suggestion in the target's chain. */
  readonly merged: {
    /** Layers the target would add on top of its base. */
    readonly layers: Span;
    /** The change from today's count (negative: fewer layers). */
    readonly delta: number;
  };
  /** With the classic builder's `--squash`: every added layer squashed into one over the base. */
  readonly squashed: {
    /** Layers the target would add on top of its base: at most one. */
    readonly layers: Span;
  };
}

/**
 * A build plan.
 *
 * @example
 * ```ts
 * const p: Plan = plan("FROM golang AS build\nRUN go build\nFROM scratch\nCOPY --from=build /app /app\n");
 * p.image?.total; // { base: undefined, added: { min: 1, max: 1 } }
 * ```
 */
export interface Plan {
  /** The target stage; undefined when it is unknown (see {@link diagnostics}). */
  readonly target:
    | {
        /** The stage name (lowercased); undefined for an unnamed stage. */
        readonly name: string | undefined;
        /** The name, or `stage-<index>`. */
        readonly id: string;
        /** The 0-based stage index. */
        readonly index: number;
      }
    | undefined;
  /** The builder whose layers were counted. */
  readonly builder: Builder;
  /** Every stage of the Dockerfile, in file order, needed by the target or not. */
  readonly stages: readonly StagePlan[];
  /** The target image; undefined when the target is unknown. */
  readonly image: ImagePlan | undefined;
  /** The stage graph's edges (FROM, COPY --from, RUN --mount from). */
  readonly edges: readonly StageEdge[];
  /** Needed and dead stages, build order, parallel levels and the critical path. */
  readonly schedule: TargetPlan;
  /** Ways to make the target image smaller, flatter or faster to rebuild, by first line, then kind; empty when the target is unknown. */
  readonly opportunities: readonly Opportunity[];
  /** Undefined when the target is unknown. */
  readonly whatIf: WhatIf | undefined;
  /** Why the target is unknown, and BuildKit's other build errors. */
  readonly diagnostics: readonly ModelDiagnostic[];
  /** The semantic model the plan was made from. */
  readonly model: SemanticModel;
}
