/**
 * The source lines a finding points at.
 */
import type { Finding } from "../engine/types.js";
import { lastLineOf } from "./findings.js";

/**
 * Splits source text into lines the way BuildKit reads a Dockerfile: on `\n`, dropping a `\r`
 * before it.
 *
 * @example
 * ```ts
 * splitLines("FROM a\r\nRUN b\n"); // ["FROM a", "RUN b", ""]
 * ```
 */
export function splitLines(source: string): string[] {
  return source.split(/\r?\n/);
}

/**
 * The trimmed text of the lines a finding spans, joined with `\n`; undefined when the lines are
 * unknown or blank. Independent of where the lines are in the file, so it identifies a finding
 * across edits that move it.
 *
 * @example
 * ```ts
 * flaggedText(["FROM a", "  RUN b  "], { ...finding, line: 2, endLine: 2 }); // "RUN b"
 * ```
 */
export function flaggedText(lines: readonly string[] | undefined, finding: Finding): string | undefined {
  const text = lines
    ?.slice(finding.line - 1, lastLineOf(finding))
    .map((line) => line.trim())
    .join("\n");
  return text === undefined || text === "" ? undefined : text;
}
