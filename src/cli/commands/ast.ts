/** `dockerlint ast <file|-> [--format json|buildkit]`: the syntax tree, for rule authors and conformance. */
import { parseArgs } from "node:util";
import { toBuildkitDump } from "../../ast/buildkit-dump.js";
import { parse } from "../../parse.js";
import { readInput } from "../io.js";
import type { CommandIO } from "../main.js";

const astUsage = `Usage: dockerlint ast <file|-> [--format json|buildkit]

Prints the syntax tree of a Dockerfile.
  --format json       the tree and the parse diagnostics as JSON (default)
  --format buildkit   BuildKit's AST dump format (as in its parser tests)`;

/**
 * Runs the `ast` command; returns the exit code (1 when the file has parse errors).
 *
 * @example
 * ```ts
 * runAst(["Dockerfile", "--format", "buildkit"], io);
 * ```
 */
export function runAst(argv: readonly string[], io: CommandIO): number {
  let parsed;
  try {
    parsed = parseArgs({
      args: [...argv],
      options: { format: { type: "string", short: "f", default: "json" }, help: { type: "boolean", short: "h" } },
      allowPositionals: true,
      strict: true,
    });
  } catch (error) {
    io.err(`dockerlint ast: ${(error as Error).message}\n\n${astUsage}\n`);
    return 2;
  }
  const { values, positionals } = parsed;
  if (values.help) {
    io.out(astUsage + "\n");
    return 0;
  }
  if (positionals.length !== 1) {
    io.err(`dockerlint ast: expected exactly one file (or - for standard input)\n\n${astUsage}\n`);
    return 2;
  }
  if (values.format !== "json" && values.format !== "buildkit") {
    io.err(`dockerlint ast: unknown format "${values.format}" (expected json or buildkit)\n`);
    return 2;
  }
  const input = readInput(positionals[0]);
  if (!input.ok) {
    io.err(`dockerlint ast: ${input.message}\n`);
    return 2;
  }
  const { ast, diagnostics } = parse(input.text);
  if (values.format === "buildkit") io.out(toBuildkitDump(ast));
  else io.out(JSON.stringify({ ast, diagnostics }, null, 2) + "\n");
  return diagnostics.some((d) => d.severity === "error") ? 1 : 0;
}
