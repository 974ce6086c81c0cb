/**
 * The file-system calls the CLI makes, behind one small interface so that tests can inject faults
 * (a read that fails with EACCES, a write that dies half-way) that cannot be produced for real when
 * running as root.
 */
import * as fs from "node:fs";

/**
 * The synchronous file-system operations the CLI uses. Each throws Node's usual errors
 * (`NodeJS.ErrnoException` with a `code`).
 *
 * @example
 * ```ts
 * const failing: CliFileSystem = { ...nodeFileSystem, readFile: () => { throw Object.assign(new Error("EACCES"), { code: "EACCES" }); } };
 * ```
 */
export interface CliFileSystem {
  /** Follows symbolic links. */
  stat(path: string): fs.Stats;
  /** Does not follow symbolic links. */
  lstat(path: string): fs.Stats;
  readdir(path: string): fs.Dirent[];
  readFile(path: string): Buffer;
  /** Creates `path` (failing if it exists) with `mode` and writes `data`. */
  writeNewFile(path: string, data: Uint8Array, mode: number): void;
  rename(from: string, to: string): void;
  unlink(path: string): void;
  realpath(path: string): string;
}

/**
 * The real file system.
 *
 * @example
 * ```ts
 * nodeFileSystem.readFile("Dockerfile").toString("utf8");
 * ```
 */
export const nodeFileSystem: CliFileSystem = {
  stat: (path) => fs.statSync(path),
  lstat: (path) => fs.lstatSync(path),
  readdir: (path) => fs.readdirSync(path, { withFileTypes: true }),
  readFile: (path) => fs.readFileSync(path),
  writeNewFile: (path, data, mode) => {
    fs.writeFileSync(path, data, { flag: "wx", mode });
    fs.chmodSync(path, mode);
  },
  rename: (from, to) => fs.renameSync(from, to),
  unlink: (path) => fs.unlinkSync(path),
  realpath: (path) => fs.realpathSync(path),
};

/**
 * The `code` of a Node error (`ENOENT`, `EACCES`, ...), if it has one.
 *
 * @example
 * ```ts
 * try { nodeFileSystem.stat("missing"); } catch (error) { errorCode(error); } // "ENOENT"
 * ```
 */
export function errorCode(error: unknown): string | undefined {
  return typeof error === "object" && error !== null && typeof (error as { code?: unknown }).code === "string"
    ? (error as { code: string }).code
    : undefined;
}
