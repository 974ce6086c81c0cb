/**
 * Reading one Dockerfile for linting, with a clear problem instead of an exception for every
 * file-system fault: missing or vanished files, broken symlinks, symlink loops, directories,
 * devices and FIFOs, permission errors, files over the size limit, binary and non-UTF-8 data.
 */
import { errorCode, type CliFileSystem } from "./fs.js";
import type { Problem } from "./problem.js";
import { decodeText, type TextEncoding } from "./text-encoding.js";

/**
 * A file's text, or the problem that kept it from being linted.
 *
 * @example
 * ```ts
 * const read: ReadOutcome = { ok: true, text: "FROM alpine\n", encoding: "utf-8", mode: 0o644 };
 * ```
 */
export type ReadOutcome =
  | { ok: true; text: string; encoding: TextEncoding; mode: number }
  | { ok: false; problem: Problem };

/**
 * What {@link readDockerfile} needs to know.
 *
 * @example
 * ```ts
 * const options: ReadOptions = { maxFileSize: 1024 * 1024, explicit: false, fs: nodeFileSystem };
 * ```
 */
export interface ReadOptions {
  /** Files larger than this are skipped with a warning. */
  readonly maxFileSize: number;
  /** The user named the file (a fault is an error); otherwise it was found by a search (a vanished file is a warning). */
  readonly explicit: boolean;
  readonly fs: CliFileSystem;
}

function size(bytes: number): string {
  if (bytes < 1024) return `${bytes} bytes`;
  if (bytes < 1024 * 1024) return `${(bytes / 1024).toFixed(1)} KiB`;
  return `${(bytes / 1024 / 1024).toFixed(1)} MiB`;
}

/**
 * The warning for a file over the size limit.
 *
 * @example
 * ```ts
 * oversize("Dockerfile", 3 << 20, 1 << 20).message; // "Dockerfile: 3.0 MiB is over the 1.0 MiB limit (--max-file-size, maxFileSize); skipped"
 * ```
 */
export function oversize(path: string, bytes: number, limit: number): Problem {
  return { level: "warning", message: `${path}: ${size(bytes)} is over the ${size(limit)} limit (--max-file-size, maxFileSize); skipped` };
}

function describeFault(path: string, error: unknown, options: ReadOptions): Problem {
  const code = errorCode(error);
  if (code === "ENOENT") {
    let dangling = false;
    try {
      dangling = options.fs.lstat(path).isSymbolicLink();
    } catch {
      // gone entirely
    }
    if (dangling) return { level: options.explicit ? "error" : "warning", message: `${path}: broken symbolic link; skipped` };
    return options.explicit
      ? { level: "error", message: `${path}: no such file or directory` }
      : { level: "warning", message: `${path}: disappeared during the scan; skipped` };
  }
  if (code === "ELOOP") return { level: options.explicit ? "error" : "warning", message: `${path}: symbolic link loop; skipped` };
  if (code === "EACCES" || code === "EPERM") return { level: "error", message: `${path}: permission denied` };
  if (code === "EISDIR") return { level: "error", message: `${path}: is a directory` };
  return { level: "error", message: `${path}: cannot read (${code ?? (error as Error).message})` };
}

/**
 * Reads and decodes `path`; never throws.
 *
 * @example
 * ```ts
 * const read = readDockerfile("Dockerfile", { maxFileSize: 1 << 20, explicit: true, fs: nodeFileSystem });
 * if (!read.ok) io.err(formatProblem(read.problem));
 * ```
 */
export function readDockerfile(path: string, options: ReadOptions): ReadOutcome {
  try {
    const stats = options.fs.stat(path);
    if (stats.isDirectory()) return { ok: false, problem: { level: "error", message: `${path}: is a directory` } };
    if (!stats.isFile()) return { ok: false, problem: { level: "warning", message: `${path}: not a regular file; skipped` } };
    if (stats.size > options.maxFileSize) return { ok: false, problem: oversize(path, stats.size, options.maxFileSize) };
    const bytes = options.fs.readFile(path);
    if (bytes.length > options.maxFileSize) return { ok: false, problem: oversize(path, bytes.length, options.maxFileSize) };
    const decoded = decodeText(bytes);
    if (!decoded.ok) return { ok: false, problem: { level: options.explicit ? "error" : "warning", message: `${path}: ${decoded.reason}; skipped` } };
    return { ok: true, text: decoded.text, encoding: decoded.encoding, mode: stats.mode & 0o7777 };
  } catch (error) {
    return { ok: false, problem: describeFault(path, error, options) };
  }
}
