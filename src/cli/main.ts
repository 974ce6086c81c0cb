/** The `dockerlint` command line: argv in, exit code out (0 ok, 1 problems found, 2 usage or input error). */
import { runAst } from "./commands/ast.js";

/** Where a command writes. */
export interface CommandIO {
  out(text: string): void;
  err(text: string): void;
}

declare const DOCKERLINT_VERSION: string | undefined;

/** The package version (injected by the bundler; read from package.json otherwise). */
export function version(): string {
  return typeof DOCKERLINT_VERSION === "string" ? DOCKERLINT_VERSION : "0.0.0-dev";
}

export const usage = `Usage: dockerlint <command> [options]

Commands:
  ast <file|->     print the syntax tree (--format json|buildkit)

Options:
  -v, --version    print the version
  -h, --help       print this help`;

/** Runs the CLI with `argv` (without node and script); returns the exit code. */
export function main(argv: readonly string[], io: CommandIO): number {
  const [first, ...rest] = argv;
  try {
    if (first === "-v" || first === "--version") {
      io.out(version() + "\n");
      return 0;
    }
    if (first === undefined || first === "-h" || first === "--help") {
      io.out(usage + "\n");
      return 0;
    }
    if (first === "ast") return runAst(rest, io);
    io.err(`dockerlint: unknown command "${first}"\n\n${usage}\n`);
    return 2;
  } catch (error) {
    if ((error as { code?: string }).code?.startsWith("ERR_PARSE_ARGS")) {
      io.err(`dockerlint: ${(error as Error).message}\n`);
      return 2;
    }
    io.err(`dockerlint ${version()}: internal error\n${(error as Error).stack ?? String(error)}\n`);
    return 2;
  }
}
