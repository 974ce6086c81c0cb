/**
 * Image paths as the builders see them: WORKDIR normalisation (BuildKit's
 * `system.NormalizeWorkdir`) and the set of folders known to exist along a stage chain, which tells
 * whether the classic builder's WORKDIR creates its folder.
 *
 * @packageDocumentation
 */
import { posix } from "node:path";
import { absolutePath } from "../model/flow/index.js";

/**
 * Where `WORKDIR path` leads: the absolute folder when it is known, and whether it is the root `/`
 * (undefined when that depends on an unknown current folder: `.` or `..` on top of a base image's
 * WORKDIR). Windows paths lose their drive letter and use `/`, as BuildKit's `ToSlash` gives them
 * (`C:\workdir` → `/workdir`).
 *
 * @example
 * ```ts
 * normalizeWorkdir("/app", "../src", false);  // { path: "/src", root: false }
 * normalizeWorkdir(undefined, "app", false);  // { path: undefined, root: false }
 * normalizeWorkdir(undefined, "..", false);   // { path: undefined, root: undefined }
 * normalizeWorkdir("/", "C:\\workdir", true); // { path: "/workdir", root: false }
 * ```
 */
export function normalizeWorkdir(current: string | undefined, path: string, windows: boolean): Workdir {
  const slashed = windows ? path.replace(/^[A-Za-z]:/, "").replace(/\\/g, "/") : path;
  const known = absolutePath(slashed, current);
  if (known !== undefined) return { path: known, root: known === "/" };
  const relative = posix.normalize(slashed);
  // Only `.` and paths that climb with `..` can land on `/` from an unknown folder.
  return { path: undefined, root: relative === "." || relative.startsWith("..") ? undefined : false };
}

/**
 * What {@link normalizeWorkdir} returns.
 *
 * @example
 * ```ts
 * const workdir: Workdir = { path: "/app", root: false };
 * ```
 */
export interface Workdir {
  /** The absolute folder; undefined when it depends on an unknown current folder. */
  readonly path: string | undefined;
  /** True for `/`; undefined when unknown. */
  readonly root: boolean | undefined;
}

/**
 * Folders known to exist in a stage's filesystem: those created by `mkdir`, WORKDIR, or as the
 * destination (or its parent) of COPY/ADD, with all their ancestors. `complete` is true when the
 * chain starts from `scratch`, so a folder not in the set certainly does not exist.
 *
 * @example
 * ```ts
 * const dirs = new KnownFolders(true);
 * dirs.add("/go/src");
 * [dirs.has("/go"), dirs.has("/usr")]; // [true, false]
 * ```
 */
export class KnownFolders {
  private readonly folders: Set<string>;

  constructor(
    /** The chain starts from `scratch`: every folder that exists is in the set. */
    readonly complete: boolean,
    from?: KnownFolders,
  ) {
    this.folders = new Set(from?.folders ?? ["/"]);
  }

  /** A copy for a child stage. */
  clone(): KnownFolders {
    return new KnownFolders(this.complete, this);
  }

  /** Records `path` and its ancestors. */
  add(path: string): void {
    for (let at = path; !this.folders.has(at); at = posix.dirname(at)) this.folders.add(at);
  }

  /** True when `path` is known to exist. */
  has(path: string): boolean {
    return this.folders.has(path);
  }
}
