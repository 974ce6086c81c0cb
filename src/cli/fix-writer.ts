/**
 * Writing fixed text back: through a symbolic link only when its target stays inside the scanned
 * folder, atomically, in the file's own encoding and mode.
 */
import type { FoundFile } from "./discover.js";
import type { CliFileSystem } from "./fs.js";
import { isInside } from "./paths.js";
import type { Problem } from "./problem.js";
import { encodeText, type TextEncoding } from "./text-encoding.js";
import { writeFileAtomic } from "./write-file.js";

/**
 * Writes `output` over `file`; returns the problem when it was not written.
 *
 * @example
 * ```ts
 * const problem = writeFix(file, fixed, "utf-8", 0o644, nodeFileSystem);
 * if (problem) io.err(formatProblem(problem));
 * ```
 */
export function writeFix(file: FoundFile, output: string, encoding: TextEncoding, mode: number, fs: CliFileSystem): Problem | undefined {
  let target: string;
  try {
    target = fs.realpath(file.absolute);
    if (!isInside(target, fs.realpath(file.root))) {
      return { level: "warning", message: `${file.path}: a symbolic link to ${target}, outside ${file.root}; fixes not written` };
    }
  } catch {
    return { level: "error", message: `${file.path}: disappeared before the fixes could be written` };
  }
  const failure = writeFileAtomic(target, encodeText(output, encoding), mode, fs);
  return failure === undefined ? undefined : { level: "error", message: failure.replace(target, file.path) };
}
