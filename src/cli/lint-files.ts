/**
 * The lint run over prepared inputs: one thread for few files, worker threads for many, with a
 * progress line on a terminal; outcomes come back in input order whatever the parallelism.
 */
import type { RuleModule } from "../engine/rule.js";
import { runLintTask, type LintTask, type LintTaskOutcome } from "./lint-task.js";
import { runInWorkers, workerCount } from "./pool.js";
import { createProgress, type ProgressSink } from "./progress.js";

/**
 * How to run the tasks.
 *
 * @example
 * ```ts
 * const options: RunOptions = { concurrency: undefined, rules: undefined, progress: { isTTY: false, write: () => {} }, onWorkerError: console.error };
 * ```
 */
export interface RunOptions {
  /** `--concurrency`: undefined for automatic. */
  readonly concurrency: number | undefined;
  /** Injected rules; workers only run dockerlint's own, so injected rules mean one thread. */
  readonly rules: readonly RuleModule<never>[] | undefined;
  readonly progress: ProgressSink;
  /** A worker thread failed (its files are then linted in the main thread). */
  onWorkerError(message: string): void;
}

/**
 * Runs every task; the outcome at index i belongs to `tasks[i]` (task ids are their indexes).
 *
 * @example
 * ```ts
 * const outcomes = await lintTasks(tasks, { concurrency: undefined, rules: undefined, progress: { isTTY: false, write: () => {} }, onWorkerError: console.error });
 * ```
 */
export async function lintTasks(tasks: readonly LintTask[], options: RunOptions): Promise<LintTaskOutcome[]> {
  const progress = createProgress(options.progress, tasks.length);
  const workers = options.rules === undefined ? workerCount(tasks.length, options.concurrency) : 0;
  const done =
    workers > 0
      ? await runInWorkers(tasks, workers, {
          onDone: () => progress.advance(),
          onError: (error) => options.onWorkerError(error.message),
          runHere: (task) => runLintTask(task),
        })
      : new Map<number, LintTaskOutcome>();
  const outcomes = tasks.map((task) => {
    const outcome = done.get(task.id) ?? runLintTask(task, options.rules);
    if (!done.has(task.id)) progress.advance();
    return outcome;
  });
  progress.finish();
  return outcomes;
}
