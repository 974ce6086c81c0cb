/** Reading inputs for the CLI: files and standard input, with clear errors instead of exceptions. */
import { readFileSync } from "node:fs";

/** The text of a file or of stdin (`-`), or an error message a user can act on. */
export type ReadResult = { ok: true; text: string } | { ok: false; message: string };

/** Reads `path` (or stdin for `-`) as UTF-8. */
export function readInput(path: string): ReadResult {
  try {
    const text = path === "-" ? readFileSync(0, "utf8") : readFileSync(path, "utf8");
    return { ok: true, text };
  } catch (error) {
    const code = (error as NodeJS.ErrnoException).code;
    const reason =
      code === "ENOENT" ? "no such file" : code === "EISDIR" ? "it is a directory" : code === "EACCES" ? "permission denied" : (error as Error).message;
    return { ok: false, message: `cannot read ${path === "-" ? "standard input" : path}: ${reason}` };
  }
}
