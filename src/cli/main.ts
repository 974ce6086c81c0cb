/** The `dockerlint` command line: argv in, exit code out (0 ok, 1 failing findings, 2 usage, config, input or internal error). */
import type { RuleModule } from "../engine/rule.js";
import type { CliFileSystem } from "./fs.js";
import { USAGE } from "./usage.js";

/**
 * What a command reads and writes. Only `out` and `err` are required; the rest default to a
 * neutral environment (no terminal, no environment variables, the process's folder, the real file
 * system, all rules), so that tests run in-process and deterministically.
 *
 * @example
 * ```ts
 * const io: CommandIO = { out: (t) => process.stdout.write(t), err: (t) => process.stderr.write(t), env: process.env };
 * ```
 */
export interface CommandIO {
  out(text: string): void;
  err(text: string): void;
  /** The folder relative paths start from (default: `process.cwd()`). */
  readonly cwd?: string;
  /** Environment variables (`NO_COLOR`, `FORCE_COLOR`); default: none. */
  readonly env?: Readonly<Record<string, string | undefined>>;
  readonly stdoutIsTTY?: boolean;
  readonly stderrIsTTY?: boolean;
  /** Reads all of standard input (default: file descriptor 0). */
  readonly readStdin?: () => Uint8Array;
  /** The file system (tests inject faults). */
  readonly fs?: CliFileSystem;
  /** The rules to run (default: all of dockerlint's; injected rules run in one thread). */
  readonly rules?: readonly RuleModule<never>[];
}

declare const DOCKERLINT_VERSION: string | undefined;

/**
 * The package version (injected by the bundler; `0.0.0-dev` when running from sources).
 *
 * @example
 * ```ts
 * io.out(`dockerlint ${version()}\n`);
 * ```
 */
export function version(): string {
  return typeof DOCKERLINT_VERSION === "string" ? DOCKERLINT_VERSION : "0.0.0-dev";
}

/**
 * Runs the CLI with `argv` (without node and script); resolves to the exit code. Never rejects:
 * an unexpected failure is reported as an internal error with exit code 2.
 *
 * @example
 * ```ts
 * process.exitCode = await main(process.argv.slice(2), { out: (t) => process.stdout.write(t), err: (t) => process.stderr.write(t) });
 * ```
 */
export async function main(argv: readonly string[], io: CommandIO): Promise<number> {
  const [first, ...rest] = argv;
  try {
    // the commands load the parser and the rules: import them only when needed, so that
    // --version and --help start as fast as Node itself
    if (argv.length === 1 && (first === "-v" || first === "--version" || first === "-h" || first === "--help")) {
      io.out((first === "-v" || first === "--version" ? version() : USAGE) + "\n");
      return 0;
    }
    if (first === "ast") return (await import("./commands/ast.js")).runAst(rest, io);
    if (first === "rules") return (await import("./commands/rules.js")).runRules(rest, io);
    if (first === "plan") return (await import("./commands/plan.js")).runPlan(rest, io);
    return await (await import("./commands/lint.js")).runLint(argv, io);
  } catch (error) {
    io.err(`dockerlint ${version()}: internal error\n${(error as Error).stack ?? String(error)}\n`);
    return 2;
  }
}
