/**
 * `build-tools-in-final`: compilers, headers and git installed by a system package manager in the
 * target's stage chain and never removed, so they ship in the image. A build stage keeps them out.
 *
 * @packageDocumentation
 */
import type { PackageOperation } from "../../model/package-managers/index.js";
import { invocation } from "../../model/package-managers/command-line.js";
import type { RunAnalysis } from "../../model/runs.js";
import type { Opportunity, OpportunitySize } from "../types.js";
import { lineOf, sourceOf, type OpportunityFinder } from "./context.js";

const SYSTEM_MANAGERS = new Set(["apt", "apk", "yum", "dnf", "microdnf", "zypper"]);

/** Toolchains: hundreds of megabytes. */
const COMPILERS = new Set(["gcc", "g++", "gcc-c++", "clang", "build-essential", "build-base", "make", "cmake", "autoconf", "automake", "libtool"]);

/** What a package weighs as a build tool, or undefined when it is not one. */
function toolSize(name: string): OpportunitySize | undefined {
  if (COMPILERS.has(name) || /^(gcc|g\+\+|clang)-[\d.]+$/.test(name)) return "L";
  if (/-(dev|devel|headers)$/.test(name) || name === "git") return "M";
  return undefined;
}

/** The names a remove operation takes away (apk `del .virtual` removes the group). */
const removed = (op: PackageOperation): string[] => op.packages.map((p) => p.name);

/** The apk `--virtual` group an install puts its packages in. */
const virtualGroup = (op: PackageOperation): string | undefined => op.options.find((o) => o.name === "virtual")?.value;

/**
 * The docker-library idiom: `apt-mark auto '.*'` (after saving the manual list) and then
 * `apt-get purge --auto-remove` removes every package the RUN installed without naming it.
 */
function autoRemoves(run: RunAnalysis, op: PackageOperation): boolean {
  if (op.manager !== "apt") return false;
  const auto = op.subcommand[0] === "autoremove" || op.subcommand[0] === "autopurge" || op.options.some((o) => o.name === "auto-remove" || o.name === "autoremove");
  const marked = (run.shellScript?.commands ?? []).some((c) => {
    const call = invocation(c);
    return call?.program === "apt-mark" && call.args[0]?.value === "auto" && c.range[0] < op.command.range[0];
  });
  return auto && marked;
}

interface Installed {
  readonly run: RunAnalysis;
  readonly op: PackageOperation;
  /** The build tools it installs that no later RUN removes. */
  tools: readonly string[];
}

/**
 * One opportunity per RUN in the target's chain that installs build tools it never removes.
 *
 * @example
 * ```ts
 * // FROM debian:12 / RUN apt-get install -y gcc make && make → kind "build-tools-in-final", size "L"
 * buildToolsInFinal(context)[0].lines; // [2]
 * ```
 */
export const buildToolsInFinal: OpportunityFinder = ({ model, chain }) => {
  const inChain = new Set(chain);
  const runs = model.runs.filter((r) => inChain.has(r.stage));
  const installed: Installed[] = [];
  for (const run of runs) {
    for (const op of run.packages) {
      if (!SYSTEM_MANAGERS.has(op.manager)) continue;
      if (op.kind === "remove") {
        const names = new Set(removed(op));
        const sweep = autoRemoves(run, op);
        for (const entry of installed) {
          const group = virtualGroup(entry.op);
          const swept = sweep && entry.run === run && entry.op.manager === "apt";
          entry.tools = swept || (group !== undefined && names.has(group)) ? [] : entry.tools.filter((t) => !names.has(t));
        }
      }
      if (op.kind !== "install") continue;
      const tools = op.packages.filter((p) => !p.isVariable && !p.isFile && toolSize(p.name) !== undefined).map((p) => p.name);
      if (tools.length > 0) installed.push({ run, op, tools });
    }
  }
  const found: Opportunity[] = [];
  for (const { run, tools: kept } of installed) {
    if (kept.length === 0) continue;
    const size = kept.some((t) => toolSize(t) === "L") ? "L" : "M";
    const stage = model.stages[run.stage];
    const base = stage.base.kind === "image" ? stage.base.name : stage.base.kind === "scratch" ? "scratch" : model.stages[stage.base.index].id;
    found.push({
      kind: "build-tools-in-final",
      stage: run.stage,
      lines: [lineOf(run.instruction)],
      layerDelta: 0,
      size,
      sizeReason: size === "L" ? "a compiler toolchain weighs hundreds of megabytes" : "headers and git add tens of megabytes",
      confidence: "heuristic",
      message: `${kept.join(", ")} ${kept.length === 1 ? "is" : "are"} installed in the image the target ships and never removed.`,
      suggestion: [
        `FROM ${base} AS build`,
        sourceOf(run.instruction),
        "# … build here …",
        "",
        `FROM ${base}`,
        "COPY --from=build /path/to/artifact /path/to/artifact",
      ].join("\n"),
    });
  }
  return found;
};
