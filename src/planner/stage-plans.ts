/**
 * Per-stage layer counts: each stage's own layers and history entries, what it inherits from its
 * base (nothing from `scratch`, its parent stage's total, or an external image's unknown `B(image)`
 * unless the caller knows it), and the image a target stage produces.
 *
 * @packageDocumentation
 */
import { cutAtFirst } from "../util/text.js";
import type { SemanticModel } from "../model/index.js";
import { parseImageReference } from "../model/image-ref.js";
import type { Stage } from "../model/stages.js";
import { addSpans, exact, type LayerTotal, type Span } from "./count.js";
import { stageSteps, type Builder, type FolderState, type Step } from "./layers.js";
import { KnownFolders } from "./paths.js";

/**
 * The layer plan of one stage.
 *
 * @example
 * ```ts
 * // FROM debian:12 AS build / RUN make
 * const stage: StageLayers = { index: 0, steps, layers: { min: 1, max: 1 }, history: 1,
 *   inherited: { base: "debian:12", added: { min: 0, max: 0 } }, total: { base: "debian:12", added: { min: 1, max: 1 } },
 *   historyTotal: 1, root: { kind: "image", name: "debian:12" } };
 * ```
 */
export interface StageLayers {
  /** The stage's index. */
  readonly index: number;
  /** What each instruction adds (inherited ONBUILD triggers first). */
  readonly steps: readonly Step[];
  /** The layers the stage's own steps add. */
  readonly layers: Span;
  /** The history entries the stage's own steps add. */
  readonly history: number;
  /** The layers of its base: 0 for `scratch`, the parent stage's total, or the external image's. */
  readonly inherited: LayerTotal;
  /** {@link inherited} plus {@link layers}. */
  readonly total: LayerTotal;
  /** History entries added along the stage chain, from the external image (or `scratch`) to this stage. */
  readonly historyTotal: number;
  /** Where the stage chain starts: an external image or `scratch`. */
  readonly root: ChainRoot;
}

/**
 * Where a stage chain (`FROM <stage>` links) starts.
 *
 * @example
 * ```ts
 * const root: ChainRoot = { kind: "image", name: "debian:12", layers: 1 }; // known from options.baseImageLayers
 * ```
 */
export type ChainRoot =
  | {
      /** The chain starts from `FROM scratch`: an empty filesystem. */
      readonly kind: "scratch";
    }
  | {
      /** The chain starts from an external image. */
      readonly kind: "image";
      /** The image as written (after expanding global ARGs). */
      readonly name: string;
      /** Its layer count, when `options.baseImageLayers` gives it. */
      readonly layers?: number;
    };

/**
 * `docker.io/library/debian:12` for `debian:12`: the form `baseImageLayers` keys and FROM names are
 * matched on. A name without tag or digest means `:latest`; unparsable names are kept as written.
 *
 * @example
 * ```ts
 * normalizedReference("debian"); // "docker.io/library/debian:latest"
 * ```
 */
export function normalizedReference(name: string): string {
  const parsed = parseImageReference(name);
  if (!parsed.ok) return name;
  const { domain, repository, tag, digest } = parsed.ref;
  const tagPart = tag !== undefined ? `:${tag.value}` : digest === undefined ? ":latest" : "";
  return `${domain}/${repository}${tagPart}${digest === undefined ? "" : `@${digest.value}`}`;
}

/** The layer count the normalised table gives an image (then without its digest). */
function knownLayers(table: ReadonlyMap<string, number>, name: string): number | undefined {
  if (table.size === 0) return undefined;
  const reference = normalizedReference(name);
  return table.get(reference) ?? table.get(cutAtFirst(reference, "@"));
}

function startOf(stage: Stage, parent: StageLayers | undefined, parentEnd: FolderState | undefined, table: ReadonlyMap<string, number>) {
  const base = stage.base;
  if (base.kind === "stage" && parent !== undefined && parentEnd !== undefined) {
    return { inherited: parent.total, root: parent.root, historyBefore: parent.historyTotal, folders: parentEnd };
  }
  if (base.kind === "image") {
    const layers = knownLayers(table, base.name);
    const root: ChainRoot = layers === undefined ? { kind: "image", name: base.name } : { kind: "image", name: base.name, layers };
    const inherited: LayerTotal = layers === undefined ? { base: base.name, added: exact(0) } : { base: undefined, added: exact(layers) };
    return { inherited, root, historyBefore: 0, folders: { workdir: undefined, folders: new KnownFolders(false) } };
  }
  const root: ChainRoot = { kind: "scratch" };
  return { inherited: { base: undefined, added: exact(0) }, root, historyBefore: 0, folders: { workdir: "/", folders: new KnownFolders(true) } };
}

/**
 * The layer plan of every stage, in file order (a stage's parent always comes before it).
 *
 * @example
 * ```ts
 * const model = analyze("FROM debian:12 AS base\nRUN a\nFROM base\nCOPY x /x\n");
 * const [, last] = stageLayers(model, "buildkit", {});
 * last.total; // { base: "debian:12", added: { min: 2, max: 2 } }
 * ```
 */
export function stageLayers(model: SemanticModel, builder: Builder, baseImageLayers: Readonly<Record<string, number>>): StageLayers[] {
  const table = new Map(Object.entries(baseImageLayers).map(([key, layers]) => [normalizedReference(key), layers]));
  const plans: StageLayers[] = [];
  const ends: FolderState[] = [];
  // A parent's folders go to its last child as they are and to the others as copies, so a long
  // FROM chain shares one set instead of copying it at every stage.
  const children = model.stages.map(() => 0);
  for (const stage of model.stages) if (stage.base.kind === "stage") children[stage.base.index]++;
  for (const stage of model.stages) {
    const parentIndex = stage.base.kind === "stage" ? stage.base.index : undefined;
    const parent = parentIndex === undefined ? undefined : plans[parentIndex];
    const parentEnd = parentIndex === undefined ? undefined : ends[parentIndex];
    const inherit = parentEnd === undefined || --children[parentIndex!] === 0 ? parentEnd : { ...parentEnd, folders: parentEnd.folders.clone() };
    const start = startOf(stage, parent, inherit, table);
    const { steps, end } = stageSteps(model, stage, builder, start.folders);
    const layers = steps.reduce((sum, s) => addSpans(sum, s.layers), exact(0));
    const history = steps.reduce((sum, s) => sum + s.history, 0);
    plans.push({
      index: stage.index,
      steps,
      layers,
      history,
      inherited: start.inherited,
      total: { base: start.inherited.base, added: addSpans(start.inherited.added, layers) },
      historyTotal: start.historyBefore + history,
      root: start.root,
    });
    ends.push(end);
  }
  return plans;
}

/**
 * The stages of the chain that builds `target` (its `FROM <stage>` ancestors, root first).
 *
 * @example
 * ```ts
 * stageChain(analyze("FROM a AS x\nFROM b\nFROM x\n"), 2); // [0, 2]
 * ```
 */
export function stageChain(model: SemanticModel, target: number): number[] {
  const chain: number[] = [];
  for (let at: number | undefined = target; at !== undefined; ) {
    chain.unshift(at);
    const base: Stage["base"] = model.stages[at].base;
    at = base.kind === "stage" && base.index < at ? base.index : undefined;
  }
  return chain;
}
