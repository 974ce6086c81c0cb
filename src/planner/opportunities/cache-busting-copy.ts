/**
 * `cache-busting-copy`: `COPY . …` (the whole build context) before a RUN that installs
 * dependencies in the same stage. Any source change invalidates the COPY's cache, so the install
 * runs again on every build; copying the dependency manifests first keeps it cached.
 *
 * @packageDocumentation
 */
import type { AddInstruction, CopyInstruction, Instruction } from "../../ast/nodes.js";
import type { PackageManager, PackageOperation } from "../../model/package-managers/index.js";
import type { SemanticModel } from "../../model/index.js";
import type { Opportunity } from "../types.js";
import { lineOf, sourceOf, type OpportunityFinder } from "./context.js";

/** The files each language manager reads to install a project's dependencies. */
const MANIFESTS: Partial<Record<PackageManager, readonly string[]>> = {
  npm: ["package.json", "package-lock.json"],
  yarn: ["package.json", "yarn.lock"],
  pnpm: ["package.json", "pnpm-lock.yaml"],
  pip: ["requirements.txt"],
  composer: ["composer.json", "composer.lock"],
  gem: ["Gemfile", "Gemfile.lock"],
  go: ["go.mod", "go.sum"],
  cargo: ["Cargo.toml", "Cargo.lock"],
};

/** True for a source that is the whole context: `.`, `./`, `*`, `./*`. */
function isBroad(model: SemanticModel, copy: CopyInstruction | AddInstruction): boolean {
  if (copy.flags.some((f) => f.name.value === "from") || copy.heredocs.length > 0) return false;
  return copy.sources.some((word) => {
    const source = model.resolve(word, copy).value.replace(/^(\.\/)+/, "").replace(/\/+$/, "");
    return source === "" || source === "." || source === "*";
  });
}

/** The broad COPY's destination as a folder (`./`, `/src/`). */
function folderOf(model: SemanticModel, copy: CopyInstruction | AddInstruction): string {
  const dest = copy.destination === undefined ? "." : model.resolve(copy.destination, copy).value;
  return dest.endsWith("/") ? dest : `${dest}/`;
}

/** The manifests a project install reads, or undefined when the install names registry packages only. */
function manifestsOf(op: PackageOperation): readonly string[] | undefined {
  const manifests = MANIFESTS[op.manager];
  if (manifests === undefined) return undefined;
  if (op.manager === "pip") {
    const files = op.options.filter((o) => o.name === "requirement" && o.value !== undefined).map((o) => o.value!);
    if (files.length > 0) return files;
    return op.packages.some((p) => p.isFile && /^\.(\[.*\])?$/.test(p.name)) ? ["pyproject.toml"] : undefined;
  }
  if (op.manager === "go" && op.subcommand.join(" ") === "mod download") return manifests;
  return op.packages.length === 0 || op.packages.some((p) => p.isFile) ? manifests : undefined;
}

function opportunity(model: SemanticModel, stage: number, copy: CopyInstruction | AddInstruction, run: Instruction, op: PackageOperation): Opportunity {
  const manifests = manifestsOf(op);
  const runText = sourceOf(run);
  const copyText = sourceOf(copy);
  const base = { kind: "cache-busting-copy" as const, stage, lines: [lineOf(copy), lineOf(run)], size: "M" as const, confidence: "heuristic" as const };
  if (manifests === undefined) {
    return {
      ...base,
      layerDelta: 0,
      sizeReason: "build time: the install re-runs on every source change",
      message: `\`${op.program} ${op.subcommand.join(" ")}\` runs after \`${copyText}\`, so every change to the build context re-runs it.`,
      suggestion: `${runText}\n${copyText}`,
    };
  }
  return {
    ...base,
    layerDelta: 1,
    sizeReason: "build time: the dependency install re-runs on every source change",
    message: `\`${op.program} ${op.subcommand.join(" ")}\` runs after \`${copyText}\`, so every change to any source file re-installs the dependencies.`,
    suggestion: `COPY ${manifests.join(" ")} ${folderOf(model, copy)}\n${runText}\n${copyText}`,
  };
}

/**
 * One opportunity per broad COPY followed by a dependency install in a stage the target needs.
 *
 * @example
 * ```ts
 * // FROM node:22 / COPY . . / RUN npm ci → suggestion "COPY package.json package-lock.json ./\nRUN npm ci\nCOPY . ."
 * cacheBustingCopies(context)[0].lines; // [2, 3]
 * ```
 */
export const cacheBustingCopies: OpportunityFinder = ({ model, schedule }) => {
  const found: Opportunity[] = [];
  for (const index of schedule.needed) {
    const stage = model.stages[index];
    let copy: CopyInstruction | AddInstruction | undefined;
    for (const instruction of stage.instructions) {
      if ((instruction.type === "COPY" || instruction.type === "ADD") && copy === undefined && isBroad(model, instruction)) copy = instruction;
      if (instruction.type !== "RUN" || copy === undefined) continue;
      const run = model.runs.find((r) => r.instruction === instruction && r.stage === index);
      const install = run?.packages.find((op) => op.kind === "install");
      if (install === undefined) continue;
      found.push(opportunity(model, index, copy, instruction, install));
      copy = undefined;
    }
  }
  return found;
};
