/** `dockerlint plan <file|-> [--target S] [--builder buildkit|classic] [--format text|json|mermaid|dot] [--base-layers image=N ...]`. */
import { parseArgs } from "node:util";
import { formatPlan, type PlanFormat } from "../../planner/format.js";
import { plan, type Builder } from "../../planner/index.js";
import { readInput } from "../io.js";
import type { CommandIO } from "../main.js";

/**
 * The help text of `dockerlint plan`.
 *
 * @example
 * ```ts
 * io.out(planUsage + "\n");
 * ```
 */
export const planUsage = `Usage: dockerlint plan <file|-> [options]

Counts the layers and history entries of the target image and of each stage, draws the stage
graph and lists ways to make the image smaller or flatter.
  --target <stage>         the stage to plan (name or index; default: the last stage)
  --builder <name>         buildkit (default) or classic
  --format <name>          text (default), json, mermaid or dot
  --base-layers <image=N>  the layer count of a base image (repeatable), e.g. debian:12=1`;

const FORMATS: readonly PlanFormat[] = ["text", "json", "mermaid", "dot"];
const BUILDERS: readonly Builder[] = ["buildkit", "classic"];

/** `image=N` pairs as a table; a message for the first malformed one. */
function baseLayers(pairs: readonly string[]): { table: Record<string, number> } | { error: string } {
  const table: Record<string, number> = {};
  for (const pair of pairs) {
    const match = /^(.+)=(\d+)$/.exec(pair);
    if (match === null) return { error: `--base-layers expects image=N, got "${pair}"` };
    table[match[1]] = Number(match[2]);
  }
  return { table };
}

/**
 * Runs the `plan` command; returns the exit code (0, 1 when the target is unknown or the
 * Dockerfile has errors, 2 for usage or input errors).
 *
 * @example
 * ```ts
 * runPlan(["Dockerfile", "--format", "mermaid"], { out: (t) => process.stdout.write(t), err: (t) => process.stderr.write(t) });
 * ```
 */
export function runPlan(argv: readonly string[], io: CommandIO): number {
  const { values, positionals } = parseArgs({
    args: [...argv],
    options: {
      target: { type: "string", short: "t" },
      builder: { type: "string", short: "b", default: "buildkit" },
      format: { type: "string", short: "f", default: "text" },
      "base-layers": { type: "string", multiple: true, default: [] },
      help: { type: "boolean", short: "h" },
    },
    allowPositionals: true,
    strict: true,
  });
  if (values.help) {
    io.out(planUsage + "\n");
    return 0;
  }
  if (positionals.length !== 1) {
    io.err(`dockerlint plan: expected exactly one file (or - for standard input)\n\n${planUsage}\n`);
    return 2;
  }
  const format = FORMATS.find((f) => f === values.format);
  if (format === undefined) {
    io.err(`dockerlint plan: unknown format "${values.format}" (expected ${FORMATS.join(", ")})\n`);
    return 2;
  }
  const builder = BUILDERS.find((b) => b === values.builder);
  if (builder === undefined) {
    io.err(`dockerlint plan: unknown builder "${values.builder}" (expected ${BUILDERS.join(" or ")})\n`);
    return 2;
  }
  const layers = baseLayers(values["base-layers"]);
  if ("error" in layers) {
    io.err(`dockerlint plan: ${layers.error}\n`);
    return 2;
  }
  const input = readInput(positionals[0]);
  if (!input.ok) {
    io.err(`dockerlint plan: ${input.message}\n`);
    return 2;
  }
  const target = values.target === undefined ? undefined : /^\d+$/.test(values.target) ? Number(values.target) : values.target;
  const result = plan(input.text, { target, builder, baseImageLayers: layers.table });
  io.out(formatPlan(result, format));
  return result.diagnostics.some((d) => d.severity === "error") ? 1 : 0;
}
