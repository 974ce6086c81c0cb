/**
 * `cache-busting-copy`: `COPY . …` (the whole build context) before a RUN that installs
 * dependencies in the same stage. Any source change invalidates the COPY's cache, so the install
 * runs again on every build; copying the dependency manifests first keeps it cached.
 *
 * @packageDocumentation
 */
import { trimTrailing } from "../../util/text.js";
import type { AddInstruction, CopyInstruction, Instruction } from "../../ast/nodes.js";
import type { PackageManager, PackageOperation } from "../../model/package-managers/index.js";
import type { SemanticModel } from "../../model/index.js";
import type { Opportunity } from "../types.js";
import { lineOf, sourceOf, type OpportunityFinder } from "./context.js";

/**
 * How to keep an install cached: copy the manifests it reads first (`fetch` undefined), or copy them
 * and fetch the dependencies before the sources (`fetch` set); undefined when the install names
 * registry packages only (it can simply move above the COPY).
 */
interface ManifestFirst {
  readonly files: readonly string[];
  readonly fetch?: string;
}

/**
 * What each language manager reads to install a project's dependencies, and for installs that
 * consume the sources themselves (`go install`, `pip install .`, `cargo install --path .`), the
 * command that fetches the dependencies alone.
 */
const MANIFESTS: Partial<Record<PackageManager, ManifestFirst>> = {
  npm: { files: ["package.json", "package-lock.json"] },
  yarn: { files: ["package.json", "yarn.lock"] },
  pnpm: { files: ["package.json", "pnpm-lock.yaml"] },
  pip: { files: ["requirements.txt"], fetch: "pip install -r requirements.txt" },
  composer: { files: ["composer.json", "composer.lock"] },
  gem: { files: ["Gemfile", "Gemfile.lock"] },
  go: { files: ["go.mod", "go.sum"], fetch: "go mod download" },
  cargo: { files: ["Cargo.toml", "Cargo.lock"], fetch: "cargo fetch" },
};

/** True for a source that is the whole context: `.`, `./`, `*`, `./*`. */
function isBroad(model: SemanticModel, copy: CopyInstruction | AddInstruction): boolean {
  if (copy.flags.some((f) => f.name.value === "from") || copy.heredocs.length > 0) return false;
  return copy.sources.some((word) => {
    const source = trimTrailing(model.resolve(word, copy).value.replace(/^(\.\/)+/, ""), "/");
    return source === "" || source === "." || source === "*";
  });
}

/** The broad COPY's destination as a folder (`./`, `/src/`). */
function folderOf(model: SemanticModel, copy: CopyInstruction | AddInstruction): string {
  const dest = copy.destination === undefined ? "." : model.resolve(copy.destination, copy).value;
  return dest.endsWith("/") ? dest : `${dest}/`;
}

/** How a project install can keep its cache, or undefined for registry packages only. */
function manifestsOf(op: PackageOperation): ManifestFirst | undefined {
  const spec = MANIFESTS[op.manager];
  if (spec === undefined) return undefined;
  const requirements = op.options.filter((o) => o.name === "requirement" && o.value !== undefined).map((o) => o.value!);
  if (requirements.length > 0) return { files: requirements };
  if (op.manager === "go" && op.subcommand.join(" ") === "mod download") return { files: spec.files };
  const sources = op.packages.some((p) => p.isFile);
  if (spec.fetch !== undefined && (sources || op.packages.length === 0)) return { files: spec.files, fetch: spec.fetch };
  return op.packages.length === 0 ? { files: spec.files } : undefined;
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
  const copyManifests = `COPY ${manifests.files.join(" ")} ${folderOf(model, copy)}`;
  if (manifests.fetch === undefined) {
    return {
      ...base,
      layerDelta: 1,
      sizeReason: "build time: the dependency install re-runs on every source change",
      message: `\`${op.program} ${op.subcommand.join(" ")}\` runs after \`${copyText}\`, so every change to any source file re-installs the dependencies.`,
      suggestion: `${copyManifests}\n${runText}\n${copyText}`,
    };
  }
  return {
    ...base,
    layerDelta: 2,
    sizeReason: "build time: the dependencies are fetched again on every source change",
    message: `\`${op.program} ${op.subcommand.join(" ")}\` builds from the sources \`${copyText}\` brings in, so every change to any source file fetches the dependencies again.`,
    suggestion: `${copyManifests}\nRUN ${manifests.fetch}\n${copyText}\n${runText}`,
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
      const install = model.runOf(instruction)?.packages.find((op) => op.kind === "install");
      if (install === undefined) continue;
      found.push(opportunity(model, index, copy, instruction, install));
      copy = undefined;
    }
  }
  return found;
};
