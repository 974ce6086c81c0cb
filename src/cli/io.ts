/** Reading one input for the `ast` command: a file or standard input, with clear errors instead of exceptions. */
import { readFileSync } from "node:fs";
import { errorCode } from "./fs.js";
import { decodeText } from "./text-encoding.js";

/**
 * The text of a file or of stdin (`-`), or an error message a user can act on.
 *
 * @example
 * ```ts
 * const read: ReadResult = { ok: false, message: "cannot read Dockerfile: no such file" };
 * ```
 */
export type ReadResult = { ok: true; text: string } | { ok: false; message: string };

/**
 * Reads `path` (or stdin for `-`): UTF-8, or UTF-16 with a byte order mark.
 *
 * @example
 * ```ts
 * const input = readInput("Dockerfile");
 * if (input.ok) parse(input.text);
 * ```
 */
export function readInput(path: string): ReadResult {
  const name = path === "-" ? "standard input" : path;
  try {
    const decoded = decodeText(path === "-" ? readFileSync(0) : readFileSync(path));
    return decoded.ok ? { ok: true, text: decoded.text } : { ok: false, message: `cannot read ${name}: ${decoded.reason}` };
  } catch (error) {
    const code = errorCode(error);
    const reason =
      code === "ENOENT" ? "no such file" : code === "EISDIR" ? "it is a directory" : code === "EACCES" ? "permission denied" : (error as Error).message;
    return { ok: false, message: `cannot read ${name}: ${reason}` };
  }
}
