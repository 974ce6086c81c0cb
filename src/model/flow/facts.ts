/**
 * Facts derived from the layers of each stage: paths added and deleted in a later layer, caches
 * left in a layer, RUNs that could be one layer, chmod/chown after COPY, archives copied then
 * extracted, and key files copied then deleted.
 *
 * @packageDocumentation
 */
import type { Instruction } from "../../ast/nodes.js";
import type { SemanticModel } from "../analyze.js";
import type { CacheLeftBehind } from "../package-managers/index.js";
import type { PackageOperation } from "../package-managers/types.js";
import { baseName, hasGlobChars, isSystemDirectory, pathRelation } from "./paths.js";
import { mayAddRemovable } from "./run-effects.js";
import { secretFileName } from "./secret-files.js";
import { fileSize, isArchiveName, RUN_SIZES } from "./size.js";
import type {
  AddedPath,
  CacheLeftInLayer,
  ChownAfterCopy,
  Confidence,
  CopyThenExtract,
  DeleteInLaterLayer,
  FactBase,
  FileFlow,
  Layer,
  MergeableRuns,
  ModeChange,
  RemovedPath,
  SecretLeftInLayer,
  StageFlow,
} from "./types.js";

/** A layer that can give rise to a fact, where it sits, and the layers built before and after it. */
class Judged {
  #earlier: Earlier | undefined;

  constructor(
    readonly layer: Layer,
    private readonly chains: ChainLayers,
    /** The flow whose {@link StageFlow.layers} (or, for a downstream build, {@link StageFlow.onbuildLayers}) hold it. */
    private readonly flow: StageFlow,
    /** Its index in {@link later}. */
    private readonly index: number,
    /** It is an ONBUILD trigger as a downstream build runs it. */
    private readonly downstream: boolean,
  ) {}

  get shipped(): boolean {
    return this.flow.ships;
  }

  /** The layers built in the same stage (or downstream build), before and after it: later ones start at {@link laterFrom}. */
  get later(): readonly Layer[] {
    return this.downstream ? this.flow.onbuildLayers : this.flow.layers;
  }

  get laterFrom(): number {
    return this.index + 1;
  }

  /** The layers built before it in the same image, base first (found on first use: only removals, mode changes and extractions look back). */
  get earlier(): Earlier {
    if (this.#earlier === undefined) {
      const chain = this.chains.of(this.flow);
      if (this.downstream) {
        const layers = chain.layers.slice(0, chain.length).concat(this.flow.onbuildLayers.slice(0, this.index));
        this.#earlier = { layers, count: layers.length };
      } else {
        this.#earlier = { layers: chain.layers, count: chain.length - this.flow.layers.length + this.index };
      }
    }
    return this.#earlier;
  }
}

/**
 * The layers of each flow's chain (base first), made on first use and dropped with the facts'
 * derivation. A chain's list is shared: a flow's first child extends its parent's list in place
 * (the parent reads only its own prefix, `length`), so a long `FROM` chain costs one list, not one
 * per stage; a second child copies the prefix.
 */
class ChainLayers {
  /** Made on first use: many files have no removal, mode change or extraction that looks back. */
  #map: Map<StageFlow, ChainPrefix> | undefined;

  get #byFlow(): Map<StageFlow, ChainPrefix> {
    return (this.#map ??= new Map());
  }

  of(flow: StageFlow): ChainPrefix {
    const known = this.#byFlow.get(flow);
    if (known !== undefined) return known;
    const missing: StageFlow[] = [];
    let above: ChainPrefix | undefined;
    for (let f: StageFlow | undefined = flow; f !== undefined; f = f.parent) {
      above = this.#byFlow.get(f);
      if (above !== undefined) break;
      missing.push(f);
    }
    for (let k = missing.length - 1; k >= 0; k--) {
      const own = missing[k].layers;
      const layers = above === undefined ? [] : above.length === above.layers.length ? above.layers : above.layers.slice(0, above.length);
      for (const layer of own) layers.push(layer);
      above = { layers, length: layers.length };
      this.#byFlow.set(missing[k], above);
    }
    return above!;
  }
}

/** A flow's chain layers: the first `length` of `layers` (a list its descendants may have extended). */
interface ChainPrefix {
  readonly layers: Layer[];
  readonly length: number;
}

/** The first `count` of `layers`: the layers built before a judged layer, a prefix of its chain's layers kept without copying. */
interface Earlier {
  readonly layers: readonly Layer[];
  readonly count: number;
}

/** Whether a layer can give rise to a fact: it removes, changes modes, extracts or leaves a cache (only a RUN does any of these). */
function judgeable(layer: Layer): boolean {
  return layer.run !== undefined && (layer.removes.length > 0 || layer.modes.length > 0 || layer.extracts.length > 0 || leavesCache(layer));
}

/** Whether a layer adds a cache (its adds are read only when its RUN leaves one behind: most do not). */
function leavesCache(layer: Layer): boolean {
  return layer.run !== undefined && layer.run.cachesLeftBehind.length > 0 && layer.adds.some(isCache);
}

const isCache = (added: AddedPath): boolean => added.cache !== undefined;

/**
 * Every layer that can give rise to a fact, with what came before it: own layers, then ONBUILD
 * triggers as a downstream build runs them.
 */
function judgedLayers(flows: readonly StageFlow[]): Judged[] {
  const out: Judged[] = [];
  const chains = new ChainLayers();
  for (const flow of flows) {
    const layers = flow.layers;
    for (let i = 0; i < layers.length; i++) if (judgeable(layers[i])) out.push(new Judged(layers[i], chains, flow, i, false));
  }
  for (const flow of flows) {
    const layers = flow.onbuildLayers;
    for (let i = 0; i < layers.length; i++) if (judgeable(layers[i])) out.push(new Judged(layers[i], chains, flow, i, true));
  }
  return out;
}

const both = (a: Confidence, b: Confidence): Confidence => (a === "exact" && b === "exact" ? "exact" : "heuristic");

/** How sure a match of `added` with another path is: a pattern the COPY used (`/sbin/*`) may not have included that file. */
const matched = (added: AddedPath, other: { path: string; confidence: Confidence }): Confidence =>
  hasGlobChars(added.path) && !hasGlobChars(other.path) ? "heuristic" : both(added.confidence, other.confidence);

/** Keeps one fact per key; a shipped duplicate wins over one that does not ship. */
class Facts<T extends FactBase> {
  /** Made on the first fact: most files have none of a kind. */
  private byKey: Map<string, T> | undefined;
  add(key: string, fact: T): void {
    const byKey = (this.byKey ??= new Map());
    const existing = byKey.get(key);
    if (existing === undefined || (!existing.shipped && fact.shipped)) byKey.set(key, fact);
  }
  /** The facts in source order of their last instruction, then of their first. */
  list(): T[] {
    if (this.byKey === undefined) return [];
    const facts = Array.from(this.byKey.values());
    return facts.length > 1 ? facts.sort(bySource) : facts;
  }
}

const bySource = (a: FactBase, b: FactBase): number => end(a) - end(b) || start(a) - start(b);
const end = (f: FactBase): number => f.instructions[f.instructions.length - 1]?.range[0] ?? 0;
const start = (f: FactBase): number => f.instructions[0]?.range[0] ?? 0;

const at = (layer: Layer): number => layer.instruction.range[0];
const FULL = new Set(["same", "ancestor", "contents"]);
/** Adds whose bytes a later delete cannot get back (RUN-made directories and caches are judged elsewhere). */
const DELETABLE = new Set<AddedPath["kind"]>(["copy", "url", "unpack", "download", "clone", "extract"]);
/** Adds holding a folder whose parts a later delete may target. */
const FOLDERS = new Set<AddedPath["kind"]>(["copy", "unpack", "extract", "clone"]);

/** A source guessed to be a folder, taken as the file it turned out to be. */
function asFile(added: AddedPath, path: string): AddedPath {
  const { asFile: _, ...file } = added;
  return { ...file, path, directory: false, size: fileSize(added.from) };
}

/** An earlier layer's add a removal takes away, in full or in part. */
interface RemovalMatch {
  readonly layer: Layer;
  readonly added: AddedPath;
  readonly partial: boolean;
}

/** What a removal takes from the earlier layers: whole adds, or else part of the closest folder. */
function removalMatches(removed: RemovedPath, earlier: Earlier): readonly RemovalMatch[] {
  let full: RemovalMatch[] | undefined;
  let partial: RemovalMatch | undefined;
  for (let i = 0; i < earlier.count; i++) {
    const layer = earlier.layers[i];
    // A RUN that only makes directories and leaves caches adds nothing DELETABLE: its adds stay unread.
    if (layer.run !== undefined && !mayAddRemovable(layer.run)) continue;
    for (const added of layer.adds) {
      if (!DELETABLE.has(added.kind)) continue;
      const relation = pathRelation(removed.path, added.path);
      if (relation !== undefined && FULL.has(relation)) (full ??= []).push({ layer, added, partial: false });
      else if (added.asFile !== undefined && FULL.has(pathRelation(removed.path, added.asFile) ?? "")) (full ??= []).push({ layer, added: asFile(added, added.asFile), partial: false });
      else if (relation === "inside" && added.directory && FOLDERS.has(added.kind) && !isSystemDirectory(added.path)) partial = { layer, added, partial: true };
    }
  }
  return full ?? (partial === undefined ? NO_MATCHES : [partial]);
}

const NO_MATCHES: readonly RemovalMatch[] = [];

/** `deleteInLaterLayer` and `secretLeftInLayer`. */
function deletions(judged: readonly Judged[]): { deletes: DeleteInLaterLayer[]; secrets: SecretLeftInLayer[] } {
  const deletes = new Facts<DeleteInLaterLayer>();
  const secrets = new Facts<SecretLeftInLayer>();
  for (const judgedLayer of judged) {
    const layer = judgedLayer.layer;
    if (layer.removes.length === 0) continue;
    const shipped = judgedLayer.shipped;
    /** The adds removed in full so far, by `<layer offset>:<add offset>`. */
    let gone: Set<string> | undefined;
    for (const removed of layer.removes) {
      for (const { layer: addedBy, added, partial } of removalMatches(removed, judgedLayer.earlier)) {
        const id = `${at(addedBy)}:${added.range[0]}`;
        if (gone?.has(id) === true) continue;
        if (!partial) (gone ??= new Set()).add(id);
        const key = `${id}:${at(layer)}:${removed.range[0]}`;
        const confidence = partial ? "heuristic" : matched(added, removed);
        const size = partial ? (added.size.class === "XS" ? added.size : RUN_SIZES.partial) : added.size;
        const instructions = [addedBy.instruction, layer.instruction];
        const fact: DeleteInLaterLayer = { stage: layer.stage, instructions, lines: [addedBy.line, layer.line], size, confidence, shipped, added, addedBy, removed, removedBy: layer, partial, kind: "deleteInLaterLayer" };
        deletes.add(key, fact);
        const file = addedBy.instruction.type === "RUN" ? undefined : secretFileName(partial ? removed.path : added.path) ?? secretFileName(added.sources[0] ?? "");
        if (file !== undefined) secrets.add(key, { ...fact, kind: "secretLeftInLayer", file });
      }
    }
  }
  return { deletes: deletes.list(), secrets: secrets.list() };
}

/** The first layer of `later`, from `laterFrom` on, that removes `cache` too late: it removes the cache's directory or cleans it. */
function removalOf(cache: CacheLeftBehind, later: readonly Layer[], laterFrom: number): Layer | undefined {
  for (let k = laterFrom; k < later.length; k++) {
    const layer = later[k];
    if (layer.removes.length > 0 && removesAll(layer.removes, cache.path)) return layer;
    if (layer.cleans.length > 0 && cleans(layer.cleans, cache)) return layer;
  }
  return undefined;
}

/** Whether one of `removes` takes away all of `path`. */
function removesAll(removes: readonly RemovedPath[], path: string): boolean {
  for (const removed of removes) if (FULL.has(pathRelation(removed.path, path) ?? "")) return true;
  return false;
}

/** Whether one of `operations` empties `cache`. */
function cleans(operations: readonly PackageOperation[], cache: CacheLeftBehind): boolean {
  for (const op of operations) if (op.manager === cache.manager && cache.cache.cleans(op)) return true;
  return false;
}

/** `cacheLeftInLayer`: caches a RUN leaves, with the later layer of the same stage that removes them, if any. */
function caches(judged: readonly Judged[]): CacheLeftInLayer[] {
  const facts = new Facts<CacheLeftInLayer>();
  for (const judgedLayer of judged) {
    const layer = judgedLayer.layer;
    if (!leavesCache(layer)) continue;
    for (const added of layer.adds) {
      const cache = added.cache;
      if (cache === undefined) continue;
      const removedLater = removalOf(cache, judgedLayer.later, judgedLayer.laterFrom);
      const fact: { -readonly [K in keyof CacheLeftInLayer]: CacheLeftInLayer[K] } = {
        stage: layer.stage,
        instructions: removedLater === undefined ? [layer.instruction] : [layer.instruction, removedLater.instruction],
        lines: removedLater === undefined ? [layer.line] : [layer.line, removedLater.line],
        size: added.size,
        confidence: "exact",
        shipped: judgedLayer.shipped,
        kind: "cacheLeftInLayer",
        layer,
        cache,
      };
      if (removedLater !== undefined) fact.removedLater = removedLater;
      facts.add(`${at(layer)}:${cache.manager}:${cache.path}`, fact);
    }
  }
  return facts.list();
}

/**
 * Whether a RUN can be merged with its neighbours by `&&`: it runs one command at most (hadolint
 * counts named commands outside substitutions), in shell or exec form, without heredocs.
 */
function singleCommand(layer: Layer): boolean {
  const run = layer.run;
  if (run === undefined || layer.instruction.heredocs.length > 0) return false;
  if (run.script.form === "exec") return true;
  if (run.script.form !== "shell" || run.shellScript === undefined) return false;
  let count = 0;
  for (const command of run.shellScript.commands) {
    if (command.name !== undefined && !command.context.includes("command-substitution") && ++count > 1) return false;
  }
  return true;
}

/** The flags of an instruction, in a form equal for the same set of flags. */
function flagsKey(instruction: Instruction): string {
  return instruction.flags.length === 0 ? "" : instruction.flags.map((f) => f.text).sort().join("\n");
}

/** `mergeableRuns`: groups of consecutive single-command RUNs of a stage's own instructions with the same flags. */
function mergeable(model: SemanticModel, flows: readonly StageFlow[]): MergeableRuns[] {
  const facts: MergeableRuns[] = [];
  for (const flow of flows) {
    // The stage's own layers come in the order of its instructions, after the inherited triggers.
    const layers = flow.layers;
    let next = 0;
    while (next < layers.length && layers[next].onbuild) next++;
    const instructions = model.stages[flow.stage].instructions;
    let group: Layer[] = [];
    let flags = "";
    for (let i = 0; i < instructions.length; i++) {
      const instruction = instructions[i];
      const layer = next < layers.length && layers[next].instruction === instruction ? layers[next++] : undefined;
      // A RUN between two other instructions makes no group whatever it runs: its commands are not counted.
      const joins = layer?.instruction.type === "RUN" && (instructions[i - 1]?.type === "RUN" || instructions[i + 1]?.type === "RUN") && singleCommand(layer);
      const key = joins ? flagsKey(instruction) : "";
      if ((!joins || key !== flags) && group.length > 0) {
        if (group.length > 1) facts.push(mergeableRuns(flow, group));
        group = [];
      }
      if (!joins) continue;
      flags = key;
      group.push(layer);
    }
    if (group.length > 1) facts.push(mergeableRuns(flow, group));
  }
  return facts;
}

function mergeableRuns(flow: StageFlow, runs: Layer[]): MergeableRuns {
  const instructions: Instruction[] = runs.map((l) => l.instruction);
  return { stage: flow.stage, instructions, lines: runs.map((l) => l.line), size: RUN_SIZES.layer, confidence: "exact", shipped: flow.ships, kind: "mergeableRuns", runs };
}

/**
 * What of an added path a chmod/chown rewrites in full: a file it names, a folder it changes
 * recursively, or a folder's entries (`chmod +x /app/*`); a folder itself without `-R` is only
 * its own entry. A source guessed to be a folder counts as the file it may be when the path names
 * that file inside the destination folder.
 */
function changedPart(change: ModeChange, added: AddedPath): AddedPath | undefined {
  const relation = pathRelation(change.path, added.path);
  if ((relation === "same" && (!added.directory || change.recursive)) || (relation === "ancestor" && change.recursive) || (relation === "contents" && added.directory)) return added;
  // Where the file would land is the folder's own path: which one it is stays unknown.
  if (added.asFile === undefined || added.asFile === added.path) return undefined;
  const file = pathRelation(change.path, added.asFile);
  return file === "same" || (file === "ancestor" && change.recursive) ? asFile(added, added.asFile) : undefined;
}

/** `chownAfterCopy`: chmod/chown of what an earlier COPY/ADD added. */
function modeChanges(judged: readonly Judged[]): ChownAfterCopy[] {
  const facts = new Facts<ChownAfterCopy>();
  for (const judgedLayer of judged) {
    const layer = judgedLayer.layer;
    for (const change of layer.modes) {
      const earlier = judgedLayer.earlier;
      for (let i = 0; i < earlier.count; i++) {
        const addedBy = earlier.layers[i];
        if (addedBy.instruction.type !== "COPY" && addedBy.instruction.type !== "ADD") continue;
        for (const candidate of addedBy.adds) {
          const added = changedPart(change, candidate);
          if (added === undefined) continue;
          const instructions = [addedBy.instruction, layer.instruction];
          const fact: ChownAfterCopy = {
            stage: layer.stage,
            instructions,
            lines: [addedBy.line, layer.line],
            size: added.size,
            confidence: matched(added, change),
            shipped: judgedLayer.shipped,
            kind: "chownAfterCopy",
            added,
            addedBy,
            change,
            changedBy: layer,
          };
          facts.add(`${at(addedBy)}:${added.range[0]}:${at(layer)}:${change.range[0]}`, fact);
        }
      }
    }
  }
  return facts.list();
}

/** `copyThenExtract`: an archive COPY/ADD put in a layer, extracted by a later RUN. */
function extractions(judged: readonly Judged[]): CopyThenExtract[] {
  const facts = new Facts<CopyThenExtract>();
  for (const judgedLayer of judged) {
    const layer = judgedLayer.layer;
    for (const extraction of layer.extracts) {
      if (extraction.archive === undefined) continue;
      const earlier = judgedLayer.earlier;
      for (let i = 0; i < earlier.count; i++) {
        const addedBy = earlier.layers[i];
        if (addedBy.instruction.type !== "COPY" && addedBy.instruction.type !== "ADD") continue;
        for (const added of addedBy.adds) {
          if ((added.kind !== "copy" && added.kind !== "url") || !isArchiveName(added.path)) continue;
          const same = pathRelation(extraction.archive, added.path) === "same";
          if (!same && baseName(extraction.archive) !== baseName(added.path)) continue;
          const confidence = same ? matched(added, { path: extraction.archive, confidence: extraction.confidence }) : "heuristic";
          const instructions = [addedBy.instruction, layer.instruction];
          const fact: CopyThenExtract = {
            stage: layer.stage,
            instructions,
            lines: [addedBy.line, layer.line],
            size: added.size,
            confidence,
            shipped: judgedLayer.shipped,
            kind: "copyThenExtract",
            added,
            addedBy,
            extraction,
            extractedBy: layer,
          };
          facts.add(`${at(addedBy)}:${added.range[0]}:${at(layer)}:${extraction.range[0]}`, fact);
        }
      }
    }
  }
  return facts.list();
}

/**
 * Derives every fact from the stage flows.
 *
 * @example
 * ```ts
 * const facts = deriveFacts(model, stageFlows(model));
 * facts.deleteInLaterLayer[0]?.lines; // [3, 5]
 * ```
 */
export function deriveFacts(model: SemanticModel, flows: readonly StageFlow[]): Omit<FileFlow, "stages" | "target"> {
  const judged = judgedLayers(flows);
  const { deletes, secrets } = deletions(judged);
  return {
    deleteInLaterLayer: deletes,
    cacheLeftInLayer: caches(judged),
    mergeableRuns: mergeable(model, flows),
    chownAfterCopy: modeChanges(judged),
    copyThenExtract: extractions(judged),
    secretLeftInLayer: secrets,
  };
}
