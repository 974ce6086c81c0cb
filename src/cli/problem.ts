/**
 * Problems of the run itself (not findings): a file that cannot be read, a config error. Warnings
 * leave the exit code alone; errors make it 2. The run always goes on with the other files.
 */

/**
 * One problem of the run, shown on stderr.
 *
 * @example
 * ```ts
 * const skipped: Problem = { level: "warning", message: "big/Dockerfile: 3.0 MiB is over the 1.0 MiB limit (--max-file-size); skipped" };
 * ```
 */
export interface Problem {
  readonly level: "warning" | "error";
  readonly message: string;
}

/**
 * The stderr line of a problem.
 *
 * @example
 * ```ts
 * formatProblem({ level: "error", message: "Dockerfile: permission denied" }); // "dockerlint: error: Dockerfile: permission denied\n"
 * ```
 */
export function formatProblem(problem: Problem): string {
  return `dockerlint: ${problem.level}: ${problem.message}\n`;
}
