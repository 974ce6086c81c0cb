/**
 * The data of the file-flow analysis: the layers of each stage and what each adds, removes and
 * changes, and the facts derived from them (bytes deleted too late, caches left behind, RUNs that
 * could be one layer, …). Plain data, shared by the linter's rules and the build planner.
 *
 * @packageDocumentation
 */
import type { AddInstruction, CopyInstruction, Instruction, Range, RunInstruction, SingleValueInstruction } from "../../ast/nodes.js";
import type { ChmodOperation, ChownOperation, ExtractOperation, RemoveOperation } from "../file-operations.js";
import type { CacheLeftBehind } from "../package-managers/index.js";
import type { PackageOperation } from "../package-managers/types.js";
import type { RunAnalysis } from "../runs.js";

/**
 * How many bytes a fact is about, roughly: `XS` (a config file, an empty directory), `S` (a script,
 * a small cache), `M` (a download, package lists, a build artifact), `L` (a copied folder, an
 * extracted archive, a module cache).
 *
 * @example
 * ```ts
 * const size: SizeClass = "M";
 * ```
 */
export type SizeClass = "XS" | "S" | "M" | "L";

/**
 * A size class and why it was chosen.
 *
 * @example
 * ```ts
 * const size: SizeEstimate = { class: "M", reason: "apt package lists (typically 20-50 MB)" };
 * ```
 */
export interface SizeEstimate {
  /** The rough size: `XS`, `S`, `M` or `L`. */
  readonly class: SizeClass;
  /** Why that class, with a typical size where one is known, e.g. `apt package lists (typically 20-50 MB)`. */
  readonly reason: string;
}

/**
 * `exact` when every path involved is literal and matches; `heuristic` when a guess was needed
 * (a variable, a relative path after `cd`, a base image's unknown WORKDIR, a folder's contents).
 *
 * @example
 * ```ts
 * const confidence: Confidence = "exact";
 * ```
 */
export type Confidence = "exact" | "heuristic";

/**
 * An instruction that makes a layer: RUN, COPY, ADD, or a WORKDIR other than `/`.
 *
 * @example
 * ```ts
 * const layered: LayerInstruction = model.ast.instructions[1] as RunInstruction;
 * ```
 */
export type LayerInstruction = RunInstruction | CopyInstruction | AddInstruction | SingleValueInstruction;

/**
 * How a path came into a layer.
 *
 * @example
 * ```ts
 * const how: AddKind = "copy"; // COPY/ADD of local or stage files
 * ```
 */
export type AddKind = "copy" | "url" | "unpack" | "download" | "clone" | "mkdir" | "extract" | "cache" | "workdir";

/**
 * A path a layer adds.
 *
 * @example
 * ```ts
 * // COPY software /software
 * // → { kind: "copy", path: "/software", sources: ["software"], directory: true, size: { class: "L", … }, confidence: "exact" }
 * ```
 */
export interface AddedPath {
  /** How the path came into the layer: copied, downloaded, extracted, a cache, … */
  readonly kind: AddKind;
  /** Absolute, normalised; may hold glob characters (`/app/*.jar` for `COPY *.jar /app/`). */
  readonly path: string;
  /** COPY/ADD sources as resolved (`.`, `src/`, a URL), or the URL downloaded or cloned. */
  readonly sources: readonly string[];
  /** `COPY --from` value, as written. */
  readonly from?: string;
  /** For a source guessed to be a folder (`COPY bin /usr/local/`): where it lands if it is a file after all. */
  readonly asFile?: string;
  /** The path is (or very likely is) a directory: a copied folder, mkdir, an extraction target, a cache. */
  readonly directory: boolean;
  /** For caches: the package manager's cache or index left behind. */
  readonly cache?: CacheLeftBehind;
  /** How many bytes it roughly is, and why. */
  readonly size: SizeEstimate;
  /** Whether the path is certain or guessed. */
  readonly confidence: Confidence;
  /** The narrowest source range that names it (the destination word, the shell word, the command). */
  readonly range: Range;
}

/**
 * A path a RUN removes (`rm`).
 *
 * @example
 * ```ts
 * // rm -rf /var/lib/apt/lists/* → { path: "/var/lib/apt/lists/*", isGlob: true, recursive: true, … }
 * ```
 */
export interface RemovedPath {
  /** Absolute, normalised; globs kept. */
  readonly path: string;
  /** The path has an unquoted glob (`/var/lib/apt/lists/*`): it removes what matches. */
  readonly isGlob: boolean;
  /** `rm -r`: folders go with their contents. */
  readonly recursive: boolean;
  /** The `rm` command it comes from. */
  readonly operation: RemoveOperation;
  /** Whether the path is certain or guessed (a variable, a relative path after `cd`). */
  readonly confidence: Confidence;
  /** The shell word that names it. */
  readonly range: Range;
}

/**
 * A `chmod` or `chown` target.
 *
 * @example
 * ```ts
 * // chown -R app:app /app → { kind: "chown", path: "/app", recursive: true, … }
 * ```
 */
export interface ModeChange {
  /** A permission change (`chmod`) or an owner change (`chown`). */
  readonly kind: "chmod" | "chown";
  /** The path changed: absolute, normalised; globs kept. */
  readonly path: string;
  /** `-R`: a folder's contents change too. */
  readonly recursive: boolean;
  /** The command it comes from. */
  readonly operation: ChmodOperation | ChownOperation;
  /** Whether the path is certain or guessed. */
  readonly confidence: Confidence;
  /** The shell word that names the path. */
  readonly range: Range;
}

/**
 * An archive a RUN extracts (`tar -x`, `unzip`).
 *
 * @example
 * ```ts
 * // tar -xzf /tmp/app.tgz -C /opt → { archive: "/tmp/app.tgz", destination: "/opt", … }
 * ```
 */
export interface Extraction {
  /** The archive, absolute; undefined when read from standard input. */
  readonly archive?: string;
  /** Where it is extracted, absolute; undefined when the working directory is unknown. */
  readonly destination?: string;
  /** The `tar` or `unzip` command it comes from. */
  readonly operation: ExtractOperation;
  /** Whether the paths are certain or guessed. */
  readonly confidence: Confidence;
  /** The archive word, or the command. */
  readonly range: Range;
}

/**
 * One layer of a stage, in build order, with its file effects.
 *
 * @example
 * ```ts
 * const [copy, run] = fileFlow(analyze("FROM centos\nCOPY software /software\nRUN rm -rf /software\n")).stages[0].layers;
 * copy.adds[0].path;    // "/software"
 * run.removes[0].path;  // "/software"
 * ```
 */
export interface Layer {
  /** The stage the layer is built in. */
  readonly stage: number;
  /** The RUN, COPY, ADD or WORKDIR (for a trigger: the instruction inside ONBUILD). */
  readonly instruction: LayerInstruction;
  /** The instruction is an ONBUILD trigger: inherited, or (for {@link StageFlow.onbuildLayers}) as a downstream build runs it. */
  readonly onbuild: boolean;
  /** 1-based line of the instruction. */
  readonly line: number;
  /** The RUN's analysis. */
  readonly run?: RunAnalysis;
  /** The working directory the layer runs in, absolute; undefined when a relative WORKDIR sits on a base image's unknown one. */
  readonly workdir: string | undefined;
  /** Paths the layer adds (copied, downloaded, extracted, created, caches written), in source order. */
  readonly adds: readonly AddedPath[];
  /** Paths its RUN deletes with `rm`. */
  readonly removes: readonly RemovedPath[];
  /** Paths its RUN changes with `chmod` or `chown`. */
  readonly modes: readonly ModeChange[];
  /** Archives its RUN extracts. */
  readonly extracts: readonly Extraction[];
  /** Package operations that empty a cache (`yum clean all`, `apt-get distclean`). */
  readonly cleans: readonly PackageOperation[];
}

/**
 * The layers of one stage and of the chain of stages it is built FROM.
 *
 * @example
 * ```ts
 * const { chain, layers, ships } = fileFlow(model).stages[1];
 * ```
 */
export interface StageFlow {
  /** The stage's 0-based index. */
  readonly stage: number;
  /** The flow of the stage this one is built FROM, when that is a stage. */
  readonly parent: StageFlow | undefined;
  /** The stages whose layers this stage's image holds, base first, this stage last. */
  readonly chain: readonly number[];
  /** This stage's own layers, inherited ONBUILD triggers first. */
  readonly layers: readonly Layer[];
  /** The layers of every stage of {@link chain}, in build order. */
  readonly chainLayers: readonly Layer[];
  /** The stage's own ONBUILD triggers as a downstream build would run them (after {@link chainLayers}). */
  readonly onbuildLayers: readonly Layer[];
  /** The stage's layers end up in an image: it is the target, an unused final stage, or a FROM base of one. */
  readonly ships: boolean;
}

/**
 * Fields every derived fact has.
 *
 * @example
 * ```ts
 * const { stage, lines, size, confidence, shipped }: FactBase = fileFlow(model).deleteInLaterLayer[0];
 * ```
 */
export interface FactBase {
  /** The stage the fact is judged in (the stage of the later layer). */
  readonly stage: number;
  /** The instructions involved, in order. */
  readonly instructions: readonly Instruction[];
  /** Their 1-based lines. */
  readonly lines: readonly number[];
  /** How many bytes the fact is about, roughly, and why. */
  readonly size: SizeEstimate;
  /** `exact` when every path involved is literal and matches; `heuristic` when guessed. */
  readonly confidence: Confidence;
  /** The layers involved end up in an image (see {@link StageFlow.ships}). */
  readonly shipped: boolean;
}

/**
 * A path added by one layer and removed by a later one: the bytes still ship in the earlier layer.
 * `partial` when the removal is inside a copied or extracted folder (only part of it goes).
 *
 * @example
 * ```ts
 * // COPY software /software … RUN rm -rf /software → { kind: "deleteInLaterLayer", lines: [3, 5], partial: false, … }
 * ```
 */
export interface DeleteInLaterLayer extends FactBase {
  /** Always `"deleteInLaterLayer"`. */
  readonly kind: "deleteInLaterLayer";
  /** The path as the earlier layer added it (for a `partial` removal, the whole folder). */
  readonly added: AddedPath;
  /** The earlier layer, which still holds the bytes. */
  readonly addedBy: Layer;
  /** The removal. */
  readonly removed: RemovedPath;
  /** The later layer whose RUN removes it. */
  readonly removedBy: Layer;
  /** Only part of the added folder is removed (`COPY . /app` then `rm -rf /app/docs`). */
  readonly partial: boolean;
}

/**
 * A package-manager cache or index a RUN leaves in its layer (not under a cache/tmpfs mount, not
 * cleaned in the same RUN).
 *
 * @example
 * ```ts
 * // RUN apt-get update && apt-get install -y curl → { kind: "cacheLeftInLayer", cache: { manager: "apt", path: "/var/lib/apt/lists" }, … }
 * ```
 */
export interface CacheLeftInLayer extends FactBase {
  /** Always `"cacheLeftInLayer"`. */
  readonly kind: "cacheLeftInLayer";
  /** The RUN layer that holds the cache. */
  readonly layer: Layer;
  /** The cache: its manager, resolved directory and table row. */
  readonly cache: CacheLeftBehind;
  /** A later layer that removes it (too late: the bytes still ship). */
  readonly removedLater?: Layer;
}

/**
 * Consecutive RUNs of a stage (comments between them allowed) with the same flags and one command
 * each, which could be one layer (hadolint DL3059).
 *
 * @example
 * ```ts
 * // RUN a\nRUN b → { kind: "mergeableRuns", runs: [layerA, layerB], … }
 * ```
 */
export interface MergeableRuns extends FactBase {
  /** Always `"mergeableRuns"`. */
  readonly kind: "mergeableRuns";
  /** The consecutive RUN layers that could be one, in order (two or more). */
  readonly runs: readonly Layer[];
}

/**
 * A RUN `chmod`/`chown` of files an earlier COPY/ADD added: the files are stored again in the
 * RUN's layer.
 *
 * @example
 * ```ts
 * // COPY app /app … RUN chown -R app /app → { kind: "chownAfterCopy", change: { kind: "chown", … }, … }
 * ```
 */
export interface ChownAfterCopy extends FactBase {
  /** Always `"chownAfterCopy"`. */
  readonly kind: "chownAfterCopy";
  /** The copied path whose files are stored again. */
  readonly added: AddedPath;
  /** The COPY/ADD layer that added it. */
  readonly addedBy: Layer;
  /** The `chmod`/`chown` of it. */
  readonly change: ModeChange;
  /** The RUN layer that changes it (and so stores the files a second time). */
  readonly changedBy: Layer;
}

/**
 * An archive a COPY/ADD puts in a layer and a later RUN extracts: the archive stays in the earlier
 * layer (hadolint DL3010).
 *
 * @example
 * ```ts
 * // COPY app.tar.gz /tmp/ … RUN tar -xzf /tmp/app.tar.gz → { kind: "copyThenExtract", … }
 * ```
 */
export interface CopyThenExtract extends FactBase {
  /** Always `"copyThenExtract"`. */
  readonly kind: "copyThenExtract";
  /** The archive as the COPY/ADD added it. */
  readonly added: AddedPath;
  /** The COPY/ADD layer that still holds the archive. */
  readonly addedBy: Layer;
  /** The extraction of it. */
  readonly extraction: Extraction;
  /** The RUN layer that extracts it. */
  readonly extractedBy: Layer;
}

/**
 * A key or credential file a COPY/ADD puts in a layer and a later RUN deletes: it is still in the
 * earlier layer, readable by anyone who pulls the image.
 *
 * @example
 * ```ts
 * // COPY .npmrc /root/ … RUN npm ci && rm /root/.npmrc → { kind: "secretLeftInLayer", file: ".npmrc", … }
 * ```
 */
export interface SecretLeftInLayer extends FactBase {
  /** Always `"secretLeftInLayer"`. */
  readonly kind: "secretLeftInLayer";
  /** The file name that looks like a secret. */
  readonly file: string;
  /** The secret as the COPY/ADD added it. */
  readonly added: AddedPath;
  /** The COPY/ADD layer that still holds it. */
  readonly addedBy: Layer;
  /** The removal. */
  readonly removed: RemovedPath;
  /** The later RUN layer that deletes it (too late). */
  readonly removedBy: Layer;
  /** The file was deleted inside a copied folder (`COPY . /app` then `rm /app/.env`), not named by the COPY. */
  readonly partial: boolean;
}

/**
 * Any derived fact.
 *
 * @example
 * ```ts
 * const facts: FlowFact[] = [...flow.deleteInLaterLayer, ...flow.cacheLeftInLayer];
 * ```
 */
export type FlowFact = DeleteInLaterLayer | CacheLeftInLayer | MergeableRuns | ChownAfterCopy | CopyThenExtract | SecretLeftInLayer;

/**
 * What {@link fileFlow} returns: the layers of every stage and the derived facts, each list in
 * source order of its last instruction. Facts of stages that do not ship are kept, with
 * `shipped: false`.
 *
 * @example
 * ```ts
 * const flow: FileFlow = fileFlow(model);
 * flow.deleteInLaterLayer.filter((f) => f.shipped).map((f) => f.lines); // [[3, 5]]
 * ```
 */
export interface FileFlow {
  /** One entry per stage, by stage index. */
  readonly stages: readonly StageFlow[];
  /** The target stage's flow; undefined when there is no target. */
  readonly target: StageFlow | undefined;
  /** Paths added by one layer and removed by a later one. */
  readonly deleteInLaterLayer: readonly DeleteInLaterLayer[];
  /** Package-manager caches RUNs leave in their layers. */
  readonly cacheLeftInLayer: readonly CacheLeftInLayer[];
  /** Runs of consecutive RUNs that could be one layer. */
  readonly mergeableRuns: readonly MergeableRuns[];
  /** `chmod`/`chown` in a RUN of files an earlier COPY/ADD added. */
  readonly chownAfterCopy: readonly ChownAfterCopy[];
  /** Archives copied in one layer and extracted in a later one. */
  readonly copyThenExtract: readonly CopyThenExtract[];
  /** Secret files copied in one layer and deleted in a later one. */
  readonly secretLeftInLayer: readonly SecretLeftInLayer[];
}
