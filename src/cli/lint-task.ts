/**
 * Linting (and fixing) one file's text: plain data in and out, so that it runs the same in the
 * main thread and in a worker thread.
 */
import { allRules } from "../../rules/index.js";
import type { DockerlintConfig } from "../engine/config.js";
import { fixText } from "../engine/fix.js";
import { lint } from "../engine/lint.js";
import type { RuleModule } from "../engine/rule.js";
import type { Finding } from "../engine/types.js";
import { parse } from "../parse.js";

/**
 * One file to lint.
 *
 * @example
 * ```ts
 * const task: LintTask = { id: 0, filePath: "Dockerfile", text: "FROM alpine\n", config: {}, fix: undefined };
 * ```
 */
export interface LintTask {
  readonly id: number;
  readonly filePath: string;
  readonly text: string;
  readonly config: DockerlintConfig;
  /** Fix the text too (`unsafe`: also the unsafe fixes). */
  readonly fix: { readonly unsafe: boolean } | undefined;
}

/**
 * The findings of a task; `output` is the fixed text when fixing changed it.
 *
 * @example
 * ```ts
 * const outcome: LintTaskOutcome = { id: 0, findings: [], output: "FROM alpine\nCOPY a /a\n" };
 * ```
 */
export interface LintTaskOutcome {
  readonly id: number;
  readonly findings: readonly Finding[];
  readonly output?: string;
}

/**
 * Runs one task. A file with parse errors is linted but never fixed.
 *
 * @example
 * ```ts
 * runLintTask({ id: 0, filePath: "Dockerfile", text: "FROM a\nADD x /x\n", config: {}, fix: { unsafe: false } }).output;
 * // "FROM a\nCOPY x /x\n"
 * ```
 */
export function runLintTask(task: LintTask, rules: readonly RuleModule<never>[] = allRules): LintTaskOutcome {
  const options = { config: task.config, filePath: task.filePath, rules };
  if (task.fix === undefined || parse(task.text).diagnostics.some((d) => d.severity === "error")) {
    return { id: task.id, findings: lint(task.text, options).findings };
  }
  const fixed = fixText(task.text, { ...options, unsafe: task.fix.unsafe });
  return fixed.output === task.text
    ? { id: task.id, findings: fixed.result.findings }
    : { id: task.id, findings: fixed.result.findings, output: fixed.output };
}
