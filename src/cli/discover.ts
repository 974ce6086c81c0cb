/**
 * Turning the command line's paths into the files to lint: folders are searched for Dockerfiles
 * (honouring `.gitignore` files, always skipping `node_modules` and `.git`, never leaving the
 * folder through a symbolic link and never looping), globs are expanded, and a file named
 * explicitly is linted whatever its name or `.gitignore` say.
 */
import picomatch from "picomatch";
import { dirname, join, relative, resolve, sep } from "node:path";
import { isDockerfileName } from "./file-names.js";
import { errorCode, type CliFileSystem } from "./fs.js";
import { ignoredBy, ignoreLayer, type IgnoreLayer } from "./ignore-rules.js";
import { isInside } from "./paths.js";
import type { Problem } from "./problem.js";

/**
 * A file to lint.
 *
 * @example
 * ```ts
 * const file: FoundFile = { path: "api/Dockerfile", absolute: "/repo/api/Dockerfile", root: "/repo", explicit: false };
 * ```
 */
export interface FoundFile {
  /** The path as shown: as given, or joined onto the folder argument it was found under. */
  readonly path: string;
  readonly absolute: string;
  /** The folder the file was found under (its own folder when named explicitly): `--fix` never writes outside it. */
  readonly root: string;
  /** Named on the command line rather than found by a search. */
  readonly explicit: boolean;
}

/**
 * What {@link discoverFiles} needs.
 *
 * @example
 * ```ts
 * const options: DiscoverOptions = { cwd: "/repo", fs: nodeFileSystem, gitignore: true, ignore: [ignoreLayer("/repo", ["vendor/"])] };
 * ```
 */
export interface DiscoverOptions {
  readonly cwd: string;
  readonly fs: CliFileSystem;
  /** Honour `.gitignore` files. */
  readonly gitignore: boolean;
  /** Patterns that exclude paths (from `--ignore-pattern`); they also exclude explicitly named files. */
  readonly ignore: readonly IgnoreLayer[];
}

/**
 * The files, and the problems met on the way (missing paths, unreadable folders, loops, folders
 * without Dockerfiles when other arguments had some).
 *
 * @example
 * ```ts
 * const { files, problems } = discoverFiles(["."], options);
 * ```
 */
export interface Discovery {
  readonly files: FoundFile[];
  readonly problems: Problem[];
}

const SKIPPED_FOLDERS = new Set(["node_modules", ".git"]);
const GLOB_CHARACTERS = /[*?[\]{}]/;

interface Search {
  readonly options: DiscoverOptions;
  readonly found: Map<string, FoundFile>;
  readonly problems: Problem[];
  readonly emptyFolders: string[];
}

/** `.gitignore` layers of the folders above `dir` up to its repository's root (none outside a repository). */
function ancestorGitignores(dir: string, fs: CliFileSystem): IgnoreLayer[] {
  const chain: string[] = [];
  for (let current = dir; !exists(join(current, ".git"), fs); ) {
    const parent = dirname(current);
    if (parent === current) return [];
    chain.unshift(parent);
    current = parent;
  }
  return chain.flatMap((d) => gitignoreOf(d, fs));
}

function exists(path: string, fs: CliFileSystem): boolean {
  try {
    fs.lstat(path);
    return true;
  } catch {
    return false;
  }
}

function gitignoreOf(dir: string, fs: CliFileSystem): IgnoreLayer[] {
  try {
    return [ignoreLayer(dir, fs.readFile(join(dir, ".gitignore")).toString("utf8"))];
  } catch {
    return [];
  }
}

function realpathOrUndefined(path: string, fs: CliFileSystem): string | undefined {
  try {
    return fs.realpath(path);
  } catch {
    return undefined;
  }
}

/**
 * Searches the folder `root` (shown as `shownRoot`); `accept` decides by the path relative to
 * `root` and the name whether a file is linted.
 */
function searchFolder(search: Search, root: string, shownRoot: string, accept: (rel: string, name: string) => boolean, explicitRoot: boolean): void {
  const { fs } = search.options;
  const realRoot = realpathOrUndefined(root, fs) ?? root;
  const baseLayers = search.options.gitignore ? ancestorGitignores(root, fs) : [];
  const visited = new Set<string>([realRoot]);
  const stack: { dir: string; shown: string; real: string; layers: IgnoreLayer[] }[] = [
    { dir: root, shown: shownRoot, real: realRoot, layers: baseLayers },
  ];
  while (stack.length > 0) {
    const { dir, shown, real, layers: outer } = stack.pop()!;
    let entries;
    try {
      entries = fs.readdir(dir);
    } catch (error) {
      const reason = errorCode(error) === "EACCES" ? "permission denied" : errorCode(error) === "ENOENT" ? "disappeared during the scan" : String(errorCode(error) ?? error);
      search.problems.push({ level: explicitRoot && dir === root ? "error" : "warning", message: `${shown}: cannot read folder (${reason}); skipped` });
      continue;
    }
    const layers = search.options.gitignore ? [...outer, ...gitignoreOf(dir, fs)] : outer;
    const all = [...layers, ...search.options.ignore];
    const subfolders: typeof stack = [];
    for (const entry of entries.sort((a, b) => (a.name < b.name ? -1 : a.name > b.name ? 1 : 0))) {
      if (SKIPPED_FOLDERS.has(entry.name)) continue;
      const absolute = join(dir, entry.name);
      const shownPath = join(shown, entry.name);
      const rel = relative(root, absolute);
      let isDir = entry.isDirectory();
      if (entry.isSymbolicLink()) {
        try {
          isDir = fs.stat(absolute).isDirectory();
        } catch (error) {
          if (accept(rel, entry.name)) {
            const what = errorCode(error) === "ELOOP" ? "symbolic link loop" : "broken symbolic link";
            search.problems.push({ level: "warning", message: `${shownPath}: ${what}; skipped` });
          }
          continue;
        }
      }
      if (ignoredBy(all, absolute, isDir)) continue;
      if (isDir) {
        const realDir = entry.isSymbolicLink() ? realpathOrUndefined(absolute, fs) : join(real, entry.name);
        if (realDir === undefined || visited.has(realDir)) {
          if (realDir !== undefined && isInside(real, realDir)) search.problems.push({ level: "warning", message: `${shownPath}: symbolic link loop; skipped` });
          continue;
        }
        if (!isInside(realDir, realRoot)) continue;
        visited.add(realDir);
        subfolders.push({ dir: absolute, shown: shownPath, real: realDir, layers });
      } else if (accept(rel, entry.name) && !search.found.has(absolute)) {
        search.found.set(absolute, { path: shownPath, absolute, root, explicit: false });
      }
    }
    stack.push(...subfolders.reverse());
  }
}

function addArgument(search: Search, arg: string): void {
  const { cwd, fs } = search.options;
  const absolute = resolve(cwd, arg);
  let isDir: boolean;
  try {
    isDir = fs.stat(absolute).isDirectory();
  } catch (error) {
    if (errorCode(error) === "ENOENT" && GLOB_CHARACTERS.test(arg)) return addGlob(search, arg);
    // readDockerfile reports the precise fault (missing, broken link, loop, permission)
    search.found.set(absolute, { path: arg, absolute, root: dirname(absolute), explicit: true });
    return;
  }
  if (isDir) {
    const before = search.found.size;
    searchFolder(search, absolute, arg, (_, name) => isDockerfileName(name), true);
    if (search.found.size === before) search.emptyFolders.push(arg);
    return;
  }
  if (ignoredBy(search.options.ignore, absolute, false)) {
    search.problems.push({ level: "warning", message: `${arg}: ignored by --ignore-pattern (use --no-ignore to lint it)` });
    return;
  }
  if (!search.found.has(absolute)) search.found.set(absolute, { path: arg, absolute, root: dirname(absolute), explicit: true });
}

function addGlob(search: Search, pattern: string): void {
  const { base, glob } = picomatch.scan(pattern);
  const root = resolve(search.options.cwd, base === "" ? "." : base);
  const matches = picomatch(glob);
  const before = search.found.size;
  try {
    if (!search.options.fs.stat(root).isDirectory()) throw new Error("not a folder");
    searchFolder(search, root, base === "" ? "." : base, (rel) => matches(rel.split(sep).join("/")), true);
  } catch {
    // a missing base folder matches nothing
  }
  if (search.found.size === before) search.problems.push({ level: "error", message: `no files match the pattern "${pattern}"` });
}

/**
 * Expands the command line's paths (`.` when there are none) into files, in path order.
 *
 * @example
 * ```ts
 * const { files } = discoverFiles(["services", "Dockerfile.ci"], { cwd, fs: nodeFileSystem, gitignore: true, ignore: [] });
 * ```
 */
export function discoverFiles(args: readonly string[], options: DiscoverOptions): Discovery {
  const search: Search = { options, found: new Map(), problems: [], emptyFolders: [] };
  for (const arg of args.length === 0 ? ["."] : args) addArgument(search, arg);
  if (search.found.size > 0) {
    for (const folder of search.emptyFolders) search.problems.push({ level: "warning", message: `${folder}: no Dockerfiles found in this folder` });
  }
  const files = [...search.found.values()].sort((a, b) => (a.path < b.path ? -1 : a.path > b.path ? 1 : 0));
  return { files, problems: search.problems };
}
