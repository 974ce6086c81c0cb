/**
 * The opportunities the file-flow analysis finds (`src/model/flow`, shared with the lint rules):
 * RUNs that could be one layer, bytes deleted in a later layer, package caches left in a layer,
 * chmod/chown after COPY, archives copied then extracted, and key files copied then deleted. Each
 * fact becomes an opportunity with a concrete rewrite.
 *
 * @packageDocumentation
 */
import type { Instruction, RunInstruction } from "../../ast/nodes.js";
import {
  fileFlow,
  type AddedPath,
  type CacheLeftInLayer,
  type ChownAfterCopy,
  type CopyThenExtract,
  type DeleteInLaterLayer,
  type FactBase,
  type Layer,
  type MergeableRuns,
  type SecretLeftInLayer,
} from "../../model/flow/index.js";
import type { Opportunity, OpportunityKind } from "../types.js";
import { sourceOf, type OpportunityFinder } from "./context.js";

/** The command a RUN runs, as shell text (exec form quoted back into words). */
function runBody(run: Instruction): string {
  if (run.type !== "RUN") return sourceOf(run).trim();
  const command = (run as RunInstruction).command;
  if (command?.type === "ShellForm") return sourceOf(run, command).trim();
  if (command?.type === "ExecForm") return command.elements.map((e) => (/^[\w@%+=:,./-]+$/.test(e.value) ? e.value : `'${e.value.replace(/'/g, `'\\''`)}'`)).join(" ");
  return sourceOf(run).replace(/^\s*\S+\s*/, "").trim();
}

/** `RUN` with its flags and any extra ones, then the body. */
function runLine(run: Instruction, body: string, extraFlags: readonly string[] = []): string {
  const flags = [...extraFlags, ...run.flags.map((f) => f.text)];
  return `RUN ${flags.map((f) => `${f} \\\n    `).join("")}${body}`;
}

/** The `--mount=type=bind` that replaces a COPY of `added`. */
function bindMount(added: AddedPath): string {
  const from = added.from === undefined ? "" : `,from=${added.from}`;
  return `--mount=type=bind${from},source=${added.sources[0] ?? "."},target=${added.path},rw`;
}

function opportunity(kind: OpportunityKind, fact: FactBase, fields: Pick<Opportunity, "layerDelta" | "message" | "suggestion">): Opportunity {
  return { kind, stage: fact.stage, lines: fact.lines, size: fact.size.class, sizeReason: fact.size.reason, confidence: fact.confidence, ...fields };
}

const isCopy = (layer: Layer): boolean => layer.instruction.type === "COPY" || layer.instruction.type === "ADD";

function mergeRuns(fact: MergeableRuns): Opportunity {
  const [first] = fact.runs;
  const body = fact.runs.map((r) => runBody(r.instruction)).join(" \\\n && ");
  return opportunity("merge-runs", fact, {
    layerDelta: 1 - fact.runs.length,
    message: `${fact.runs.length} consecutive RUN instructions make ${fact.runs.length} layers; one RUN makes one.`,
    suggestion: runLine(first.instruction, body),
  });
}

/** The suggestion for part of a copied folder deleted later: do not copy it in the first place. */
function excludeFromCopy(fact: DeleteInLaterLayer): string {
  const inside = fact.removed.path.startsWith(`${fact.added.path}/`) ? fact.removed.path.slice(fact.added.path.length + 1) : fact.removed.path;
  return `Do not copy ${fact.removed.path} in the first place: add \`${inside}\` to .dockerignore, or exclude it on line ${fact.addedBy.line} with \`${fact.addedBy.instruction.keyword.value} --exclude=${inside} …\`.`;
}

function deleteLater(fact: DeleteInLaterLayer): Opportunity {
  const path = fact.added.path;
  const fromCopy = isCopy(fact.addedBy) && fact.added.kind === "copy";
  const copied = fromCopy && !fact.partial;
  const body = runBody(fact.removedBy.instruction);
  let suggestion: string;
  if (copied) suggestion = runLine(fact.removedBy.instruction, body, [bindMount(fact.added)]);
  else if (fromCopy) suggestion = excludeFromCopy(fact);
  else suggestion = `Add and remove ${path} in the same RUN:\n${runLine(fact.addedBy.instruction, `${runBody(fact.addedBy.instruction)} \\\n && ${body}`)}`;
  return opportunity("delete-in-later-layer", fact, {
    layerDelta: copied ? -1 : 0,
    message: fact.partial
      ? `${fact.removed.path}, part of ${path} added on line ${fact.addedBy.line}, is removed on line ${fact.removedBy.line}: its bytes still ship in the earlier layer.`
      : `${path} is added on line ${fact.addedBy.line} and removed on line ${fact.removedBy.line}: the bytes still ship in the earlier layer.`,
    suggestion,
  });
}

function cacheLeft(fact: CacheLeftInLayer): Opportunity {
  const { cache } = fact;
  const avoid = cache.cache.avoidedBy === undefined ? "" : ` (or ${cache.cache.avoidedBy})`;
  return opportunity("cache-left-in-layer", fact, {
    layerDelta: 0,
    message: `The ${cache.manager} ${cache.cache.contents} in ${cache.path} stay in the layer of line ${fact.layer.line}${fact.removedLater === undefined ? "" : `; removing them on line ${fact.removedLater.line} is too late`}.`,
    suggestion: `${runLine(fact.layer.instruction, `${runBody(fact.layer.instruction)} \\\n && rm -rf ${cache.path}`)}\n# or keep the cache out of the image${avoid}:\n${runLine(fact.layer.instruction, runBody(fact.layer.instruction), [`--mount=type=cache,target=${cache.path}`])}`,
  });
}

function chownAfterCopy(fact: ChownAfterCopy): Opportunity {
  const { change, addedBy, changedBy } = fact;
  const copy = addedBy.instruction;
  const flag = change.kind === "chown"
    ? `--chown=${[change.operation.kind === "chown" ? change.operation.owner : undefined, change.operation.kind === "chown" ? change.operation.group : undefined].filter((x) => x !== undefined).join(":")}`
    : `--chmod=${change.operation.kind === "chmod" ? (change.operation.mode ?? "") : ""}`;
  const only = changedBy.run?.shellScript?.commands.length === 1;
  const keyword = copy.keyword.value.toUpperCase();
  const rest = sourceOf(copy).replace(/^\s*\S+\s*/, "");
  return opportunity("chown-after-copy", fact, {
    layerDelta: only ? -1 : 0,
    message: `${change.kind} on line ${changedBy.line} stores the files ${keyword} added on line ${addedBy.line} a second time.`,
    suggestion: `${keyword} ${flag} ${rest}`.trim() + (only ? "" : `\n# and drop the ${change.kind} from line ${changedBy.line}`),
  });
}

function copyThenExtract(fact: CopyThenExtract): Opportunity {
  const body = runBody(fact.extractedBy.instruction);
  return opportunity("copy-then-extract", fact, {
    layerDelta: isCopy(fact.addedBy) ? -1 : 0,
    message: `The archive ${fact.added.path} copied on line ${fact.addedBy.line} stays in that layer after line ${fact.extractedBy.line} extracts it.`,
    suggestion: runLine(fact.extractedBy.instruction, body, [bindMount(fact.added)]),
  });
}

function secretLeft(fact: SecretLeftInLayer): Opportunity {
  const body = runBody(fact.removedBy.instruction);
  return opportunity("secret-left-in-layer", fact, {
    layerDelta: isCopy(fact.addedBy) ? -1 : 0,
    message: `${fact.file} copied on line ${fact.addedBy.line} is deleted on line ${fact.removedBy.line}, but anyone who pulls the image can read it from the earlier layer.`,
    suggestion: runLine(fact.removedBy.instruction, body, [`--mount=type=secret,id=${fact.file.replace(/^\./, "")},target=${fact.added.path}`]),
  });
}

/**
 * Opportunities from the shared file-flow facts: RUN merges in every stage the target needs; the
 * rest in the stages whose layers make the target image.
 *
 * @example
 * ```ts
 * // FROM centos / COPY software /software / RUN make -C /software && rm -rf /software
 * fileFlowOpportunities(context).map((o) => o.kind); // ["delete-in-later-layer"]
 * ```
 */
export const fileFlowOpportunities: OpportunityFinder = ({ model, schedule, chain }) => {
  const flow = fileFlow(model);
  const needed = new Set(schedule.needed);
  const image = new Set(chain);
  const inImage = <T extends FactBase>(facts: readonly T[]): T[] => facts.filter((f) => image.has(f.stage));
  return [
    ...flow.mergeableRuns.filter((f) => needed.has(f.stage)).map(mergeRuns),
    ...inImage(flow.deleteInLaterLayer).map(deleteLater),
    ...inImage(flow.cacheLeftInLayer).map(cacheLeft),
    ...inImage(flow.chownAfterCopy).map(chownAfterCopy),
    ...inImage(flow.copyThenExtract).map(copyThenExtract),
    ...inImage(flow.secretLeftInLayer).map(secretLeft),
  ];
};
