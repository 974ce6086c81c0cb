/**
 * Facts derived from the layers of each stage: paths added and deleted in a later layer, caches
 * left in a layer, RUNs that could be one layer, chmod/chown after COPY, archives copied then
 * extracted, and key files copied then deleted.
 *
 * @packageDocumentation
 */
import type { Instruction } from "../../ast/nodes.js";
import type { SemanticModel } from "../analyze.js";
import { layersOfChain } from "./layers.js";
import { baseName, hasGlobChars, isSystemDirectory, pathRelation } from "./paths.js";
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

/** A layer to judge and the layers built before it in the same image. */
interface Judged {
  readonly layer: Layer;
  /** The layers built before it in the same image (walked on demand, not copied). */
  readonly earlier: Iterable<Layer>;
  /** The layers built after it in the same stage (or downstream build). */
  readonly later: readonly Layer[];
  /** Where {@link later} starts in it: later layers are `later.slice(laterFrom)`, kept as an offset to avoid copying. */
  readonly laterFrom: number;
  readonly shipped: boolean;
}

/** Whether a layer can give rise to a fact: it removes, changes modes, extracts or leaves a cache. */
function judgeable(layer: Layer): boolean {
  return layer.removes.length > 0 || layer.modes.length > 0 || layer.extracts.length > 0 || layer.adds.some((a) => a.cache !== undefined);
}

/**
 * Every layer that can give rise to a fact, with what came before it: own layers, then ONBUILD
 * triggers as a downstream build runs them.
 */
function judgedLayers(flows: readonly StageFlow[]): Judged[] {
  const out: Judged[] = [];
  for (const flow of flows) {
    flow.layers.forEach((layer, i) => {
      if (!judgeable(layer)) return;
      out.push({ layer, earlier: { [Symbol.iterator]: () => layersOfChain(flow, i) }, later: flow.layers, laterFrom: i + 1, shipped: flow.ships });
    });
  }
  for (const flow of flows) {
    flow.onbuildLayers.forEach((layer, i) => {
      if (!judgeable(layer)) return;
      const earlier = { *[Symbol.iterator]() {
        yield* layersOfChain(flow);
        yield* flow.onbuildLayers.slice(0, i);
      } };
      out.push({ layer, earlier, later: flow.onbuildLayers, laterFrom: i + 1, shipped: flow.ships });
    });
  }
  return out;
}

const both = (a: Confidence, b: Confidence): Confidence => (a === "exact" && b === "exact" ? "exact" : "heuristic");

/** How sure a match of `added` with another path is: a pattern the COPY used (`/sbin/*`) may not have included that file. */
const matched = (added: AddedPath, other: { path: string; confidence: Confidence }): Confidence =>
  hasGlobChars(added.path) && !hasGlobChars(other.path) ? "heuristic" : both(added.confidence, other.confidence);

function base(stage: number, layers: readonly Layer[], size: FactBase["size"], confidence: Confidence, shipped: boolean): FactBase {
  const instructions: Instruction[] = layers.map((l) => l.instruction);
  return { stage, instructions, lines: layers.map((l) => l.line), size, confidence, shipped };
}

/** Keeps one fact per key; a shipped duplicate wins over one that does not ship. */
class Facts<T extends FactBase> {
  private readonly byKey = new Map<string, T>();
  add(key: string, fact: T): void {
    const existing = this.byKey.get(key);
    if (existing === undefined || (!existing.shipped && fact.shipped)) this.byKey.set(key, fact);
  }
  list(): T[] {
    const end = (f: T): number => f.instructions[f.instructions.length - 1]?.range[0] ?? 0;
    const start = (f: T): number => f.instructions[0]?.range[0] ?? 0;
    return [...this.byKey.values()].sort((a, b) => end(a) - end(b) || start(a) - start(b));
  }
}

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

/** What a removal takes from the earlier layers: whole adds, or else part of the closest folder. */
function removalMatches(removed: RemovedPath, earlier: Iterable<Layer>): { layer: Layer; added: AddedPath; partial: boolean }[] {
  const full: { layer: Layer; added: AddedPath; partial: boolean }[] = [];
  let partial: { layer: Layer; added: AddedPath; partial: boolean } | undefined;
  for (const layer of earlier) {
    for (const added of layer.adds) {
      if (!DELETABLE.has(added.kind)) continue;
      const relation = pathRelation(removed.path, added.path);
      if (relation !== undefined && FULL.has(relation)) full.push({ layer, added, partial: false });
      else if (added.asFile !== undefined && FULL.has(pathRelation(removed.path, added.asFile) ?? "")) full.push({ layer, added: asFile(added, added.asFile), partial: false });
      else if (relation === "inside" && added.directory && FOLDERS.has(added.kind) && !isSystemDirectory(added.path)) partial = { layer, added, partial: true };
    }
  }
  return full.length > 0 ? full : partial === undefined ? [] : [partial];
}

/** `deleteInLaterLayer` and `secretLeftInLayer`. */
function deletions(judged: readonly Judged[]): { deletes: DeleteInLaterLayer[]; secrets: SecretLeftInLayer[] } {
  const deletes = new Facts<DeleteInLaterLayer>();
  const secrets = new Facts<SecretLeftInLayer>();
  for (const { layer, earlier, shipped } of judged) {
    const gone = new Set<string>();
    for (const removed of layer.removes) {
      for (const { layer: addedBy, added, partial } of removalMatches(removed, earlier)) {
        const id = `${at(addedBy)}:${added.range[0]}`;
        if (gone.has(id)) continue;
        if (!partial) gone.add(id);
        const key = `${at(addedBy)}:${added.range[0]}:${at(layer)}:${removed.range[0]}`;
        const confidence = partial ? "heuristic" : matched(added, removed);
        const size = partial ? (added.size.class === "XS" ? added.size : RUN_SIZES.partial) : added.size;
        const common = { ...base(layer.stage, [addedBy, layer], size, confidence, shipped), added, addedBy, removed, removedBy: layer, partial };
        deletes.add(key, { ...common, kind: "deleteInLaterLayer" });
        const file = addedBy.instruction.type === "RUN" ? undefined : secretFileName(partial ? removed.path : added.path) ?? secretFileName(added.sources[0] ?? "");
        if (file !== undefined) secrets.add(key, { ...common, kind: "secretLeftInLayer", file });
      }
    }
  }
  return { deletes: deletes.list(), secrets: secrets.list() };
}

/** `cacheLeftInLayer`: caches a RUN leaves, with the later layer of the same stage that removes them, if any. */
function caches(judged: readonly Judged[]): CacheLeftInLayer[] {
  const facts = new Facts<CacheLeftInLayer>();
  for (const { layer, later, laterFrom, shipped } of judged) {
    for (const added of layer.adds) {
      const cache = added.cache;
      if (cache === undefined) continue;
      const removedLater = later.find(
        (l, k) =>
          k >= laterFrom &&
          l.removes.some((r) => FULL.has(pathRelation(r.path, cache.path) ?? "")) ||
          l.cleans.some((op) => op.manager === cache.manager && cache.cache.cleans(op)),
      );
      const fact: CacheLeftInLayer = {
        ...base(layer.stage, removedLater === undefined ? [layer] : [layer, removedLater], added.size, "exact", shipped),
        kind: "cacheLeftInLayer",
        layer,
        cache,
        ...(removedLater === undefined ? {} : { removedLater }),
      };
      facts.add(`${at(layer)}:${cache.manager}:${cache.path}`, fact);
    }
  }
  return facts.list();
}

/** The number of commands a RUN runs (hadolint counts named commands outside substitutions); undefined when it cannot be merged by `&&`. */
function commandCount(layer: Layer): number | undefined {
  const run = layer.run;
  if (run === undefined || layer.instruction.heredocs.length > 0) return undefined;
  if (run.script.form === "exec") return 1;
  if (run.script.form !== "shell" || run.shellScript === undefined) return undefined;
  return run.shellScript.commands.filter((c) => c.name !== undefined && !c.context.includes("command-substitution")).length;
}

/** `mergeableRuns`: groups of consecutive single-command RUNs of a stage's own instructions with the same flags. */
function mergeable(model: SemanticModel, flows: readonly StageFlow[]): MergeableRuns[] {
  const facts: MergeableRuns[] = [];
  for (const flow of flows) {
    const byInstruction = new Map<Instruction, Layer>();
    for (const layer of flow.layers) if (!layer.onbuild) byInstruction.set(layer.instruction, layer);
    let group: Layer[] = [];
    let flags = "";
    const close = (): void => {
      if (group.length > 1) facts.push({ ...base(flow.stage, group, RUN_SIZES.layer, "exact", flow.ships), kind: "mergeableRuns", runs: group });
      group = [];
    };
    for (const instruction of model.stages[flow.stage].instructions) {
      const layer = byInstruction.get(instruction);
      const count = layer?.instruction.type === "RUN" ? commandCount(layer) : undefined;
      if (layer === undefined || count === undefined || count > 1) {
        close();
        continue;
      }
      const key = instruction.flags.length === 0 ? "" : instruction.flags.map((f) => f.text).sort().join("\n");
      if (group.length > 0 && key !== flags) close();
      flags = key;
      group.push(layer);
    }
    close();
  }
  return facts;
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
  for (const { layer, earlier, shipped } of judged) {
    for (const change of layer.modes) {
      for (const addedBy of earlier) {
        if (addedBy.instruction.type !== "COPY" && addedBy.instruction.type !== "ADD") continue;
        for (const candidate of addedBy.adds) {
          const added = changedPart(change, candidate);
          if (added === undefined) continue;
          const fact: ChownAfterCopy = {
            ...base(layer.stage, [addedBy, layer], added.size, matched(added, change), shipped),
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
  for (const { layer, earlier, shipped } of judged) {
    for (const extraction of layer.extracts) {
      if (extraction.archive === undefined) continue;
      for (const addedBy of earlier) {
        if (addedBy.instruction.type !== "COPY" && addedBy.instruction.type !== "ADD") continue;
        for (const added of addedBy.adds) {
          if ((added.kind !== "copy" && added.kind !== "url") || !isArchiveName(added.path)) continue;
          const same = pathRelation(extraction.archive, added.path) === "same";
          if (!same && baseName(extraction.archive) !== baseName(added.path)) continue;
          const confidence = same ? matched(added, { path: extraction.archive, confidence: extraction.confidence }) : "heuristic";
          const fact: CopyThenExtract = {
            ...base(layer.stage, [addedBy, layer], added.size, confidence, shipped),
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
