/** Telling a lint worker thread from the main thread, without loading the linter. */
import { isMainThread, workerData } from "node:worker_threads";

/**
 * The `workerData` key that marks a lint worker.
 *
 * @example
 * ```ts
 * new Worker(url, { workerData: { [LINT_WORKER_MARKER]: true } });
 * ```
 */
export const LINT_WORKER_MARKER = "dockerlintLintWorker";

/**
 * True in a lint worker thread: the CLI's entry point then serves lint tasks instead of running
 * the command line.
 *
 * @example
 * ```ts
 * if (IS_LINT_WORKER) await import("./pool.js");
 * ```
 */
export const IS_LINT_WORKER = !isMainThread && (workerData as Record<string, unknown> | null)?.[LINT_WORKER_MARKER] === true;
