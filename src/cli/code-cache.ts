/**
 * Running the bundled CLI program through a V8 code cache. Without one, every run parses the
 * 1.6 MB program and compiles each function it calls before linting anything: over a quarter of a
 * one-file run. The cache holds the bytecode of the functions a run compiled; the next run
 * starts from it. V8 checks the cache against its own version and flags and rejects what does not
 * fit; the file name carries the program's hash, because V8 does not compare the source itself.
 */
import { mkdirSync, readdirSync, readFileSync, rmSync, statSync } from "node:fs";
import { createRequire } from "node:module";
import { homedir } from "node:os";
import { basename, dirname, isAbsolute, join } from "node:path";
import { Script } from "node:vm";
import { nodeFileSystem } from "./fs.js";
import { writeFileAtomic } from "./write-file.js";

/** Set to anything (but "0") to run without the code cache: the program is compiled from source. */
export const NO_CODE_CACHE_VARIABLE = "DOCKERLINT_NO_CODE_CACHE";

/** What a code cache belongs to: V8 rejects a cache made by another Node or under other flags. */
export interface CodeCacheKey {
  /** The program's content hash (V8 does not compare the source itself). */
  readonly programHash: string;
  /** `process.version`. */
  readonly nodeVersion: string;
  /** The flags Node was started with (`process.execArgv` and `NODE_OPTIONS`), "" for none. */
  readonly nodeFlags: string;
}

/** A short hash of a string (FNV-1a, 32 bits): tells flag sets apart in a file name. */
function shortHash(text: string): string {
  let hash = 0x811c9dc5;
  for (let i = 0; i < text.length; i++) hash = Math.imul(hash ^ text.charCodeAt(i), 0x01000193);
  return (hash >>> 0).toString(16).padStart(8, "0");
}

/** `~/.cache`, or undefined without a home folder. */
function cacheUnderHome(home: () => string): string | undefined {
  try {
    const folder = home();
    return folder ? join(folder, ".cache") : undefined;
  } catch {
    return undefined;
  }
}

/**
 * The code cache file for `key`: in the user's own cache folder (`$XDG_CACHE_HOME/dockerlint`,
 * else `%LOCALAPPDATA%\dockerlint` on Windows, else `~/.cache/dockerlint`), never in a folder other
 * users can write to, since the cache is code. One file per program build, Node version and set
 * of Node flags, so that runs with other flags do not keep replacing each other's cache.
 * Undefined when caching is turned off or there is no home folder.
 *
 * @example
 * ```ts
 * codeCacheFile({ XDG_CACHE_HOME: "/c" }, { programHash: "ab12", nodeVersion: "v20.20.2", nodeFlags: "" }); // "/c/dockerlint/compile-ab12-v20.20.2.bin"
 * codeCacheFile({ DOCKERLINT_NO_CODE_CACHE: "1" }, { programHash: "ab12", nodeVersion: "v20.20.2", nodeFlags: "" }); // undefined
 * ```
 */
export function codeCacheFile(env: NodeJS.ProcessEnv, key: CodeCacheKey, home: () => string = homedir): string | undefined {
  const off = env[NO_CODE_CACHE_VARIABLE];
  if (off !== undefined && off !== "" && off !== "0") return undefined;
  const configured = env.XDG_CACHE_HOME || (process.platform === "win32" ? env.LOCALAPPDATA : undefined);
  // The XDG base directory spec: a relative path is invalid and ignored.
  const base = configured !== undefined && isAbsolute(configured) ? configured : cacheUnderHome(home);
  if (base === undefined) return undefined;
  const flags = key.nodeFlags === "" ? "" : `-${shortHash(key.nodeFlags)}`;
  return join(base, "dockerlint", `compile-${key.programHash}-${key.nodeVersion}${flags}.bin`);
}

/** The program hash in a cache file's name (`compile-<programHash>-<nodeVersion>[-<flags>].bin`, see {@link codeCacheFile}). */
function programHashOf(fileName: string): string | undefined {
  return fileName.split("-")[1];
}

/** The source of a CommonJS module as Node wraps it: a function of the module's own variables. */
function wrapCommonJs(source: string): string {
  return `(function (exports, require, module, __filename, __dirname) { ${source}\n});`;
}

/**
 * Whether the cache folder may hold code this process runs: not there yet (it is then made private),
 * or a folder of this user's that nobody else can write to. On Windows, where modes say little,
 * the folder under the user's profile is trusted.
 */
function isPrivateFolder(folder: string): boolean {
  if (process.platform === "win32") return true;
  try {
    const stats = statSync(folder);
    return stats.isDirectory() && stats.uid === process.getuid?.() && (stats.mode & 0o022) === 0;
  } catch (error) {
    return (error as NodeJS.ErrnoException).code === "ENOENT";
  }
}

function readIfThere(file: string): Buffer | undefined {
  try {
    return readFileSync(file);
  } catch {
    return undefined;
  }
}

/**
 * Writes a new cache atomically (as `--fix` writes files, so a concurrent run reads a whole cache
 * or none) and removes the caches of other builds of the program. A cache that cannot be written
 * is no error: the next run compiles from source again.
 */
function writeCache(file: string, data: Buffer): void {
  try {
    const folder = dirname(file);
    mkdirSync(folder, { recursive: true, mode: 0o700 });
    if (writeFileAtomic(file, data, 0o600, nodeFileSystem) !== undefined) return;
    const programHash = programHashOf(basename(file));
    for (const name of readdirSync(folder)) {
      if (name.startsWith("compile-") && name.endsWith(".bin") && programHashOf(name) !== programHash) rmSync(join(folder, name), { force: true });
    }
  } catch {
    // a cache is an optimisation
  }
}

/**
 * Whether the cache made at the end of this run should replace `loaded`: when there is none, when
 * V8 rejected it, and when it is much smaller than the program. The cache holds the functions a
 * run compiled, so a `--version` run makes a small one (a fifth of the program's size; a lint run
 * about four fifths); a run that compiled more replaces it.
 */
function shouldReplace(loaded: Buffer | undefined, rejected: boolean, programLength: number, made: () => Buffer): Buffer | undefined {
  if (loaded === undefined || rejected) return made();
  if (loaded.length >= programLength / 2) return undefined;
  const data = made();
  return data.length > loaded.length * 1.25 ? data : undefined;
}

/**
 * Runs the CommonJS program `programFile` as Node would load it, through the code cache
 * `requestedCacheFile` (none, or in a folder others can write to: compiled from source). When the
 * process exits, a missing, rejected or much smaller cache is replaced by one holding every
 * function this run compiled.
 *
 * @example
 * ```ts
 * const key = { programHash: "ab12", nodeVersion: process.version, nodeFlags: "" };
 * runWithCodeCache("/usr/lib/node_modules/dockerlint-ts/dist/cli/program.cjs", codeCacheFile(process.env, key));
 * ```
 */
export function runWithCodeCache(programFile: string, requestedCacheFile: string | undefined): void {
  const cacheFile = requestedCacheFile !== undefined && isPrivateFolder(dirname(requestedCacheFile)) ? requestedCacheFile : undefined;
  const source = readFileSync(programFile, "utf8");
  const cachedData = cacheFile === undefined ? undefined : readIfThere(cacheFile);
  const script = new Script(wrapCommonJs(source), { filename: programFile, cachedData });
  const module = { exports: {} };
  const load = script.runInThisContext() as (...args: unknown[]) => void;
  if (cacheFile !== undefined) {
    process.once("exit", () => {
      const data = shouldReplace(cachedData, script.cachedDataRejected === true, source.length, () => script.createCachedData());
      if (data !== undefined) writeCache(cacheFile, data);
    });
  }
  load.call(module.exports, module.exports, createRequire(programFile), module, programFile, dirname(programFile));
}
