/**
 * Writing a file atomically: the new content goes to a temporary file in the same folder, which is
 * then renamed over the original, so a crash or a full disk never leaves a half-written file.
 */
import { basename, dirname, join } from "node:path";
import { errorCode, type CliFileSystem } from "./fs.js";

/**
 * Replaces `path` with `data`, keeping `mode`; returns an error message instead of throwing. The
 * temporary file is removed when anything fails, and the original is then untouched.
 *
 * @example
 * ```ts
 * const failure = writeFileAtomic("Dockerfile", Buffer.from(fixed), 0o644, nodeFileSystem);
 * if (failure !== undefined) io.err(`dockerlint: error: ${failure}\n`);
 * ```
 */
export function writeFileAtomic(path: string, data: Uint8Array, mode: number, fs: CliFileSystem): string | undefined {
  const temporary = join(dirname(path), `.${basename(path)}.dockerlint-${process.pid}-${Math.random().toString(36).slice(2, 10)}.tmp`);
  try {
    fs.writeNewFile(temporary, data, mode);
    fs.rename(temporary, path);
    return undefined;
  } catch (error) {
    try {
      fs.unlink(temporary);
    } catch {
      // never created, or already gone
    }
    const code = errorCode(error);
    const reason = code === "EACCES" || code === "EPERM" ? "permission denied" : code === "EROFS" ? "read-only file system" : code ?? (error as Error).message;
    return `${path}: cannot write (${reason}); the file is unchanged`;
  }
}
