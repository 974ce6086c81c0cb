/**
 * File paths as the formatters show them.
 */
import { relative, resolve, sep } from "node:path";

/**
 * The path of `filePath` relative to `cwd`, with forward slashes (as CI systems expect).
 *
 * @example
 * ```ts
 * displayPath("/repo/app/Dockerfile", "/repo"); // "app/Dockerfile"
 * ```
 */
export function displayPath(filePath: string, cwd: string): string {
  return relative(cwd, resolve(cwd, filePath)).split(sep).join("/");
}
