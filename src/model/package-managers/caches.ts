/**
 * Where each package manager leaves caches and index files, what avoids them and what removes
 * them: the table rules consult to ask "does this RUN leave the cache of manager M behind?".
 */
import { globSegmentTest as segmentTest } from "../../util/glob-segment.js";
import { trimTrailing } from "../../util/text.js";
import type { FileOperation } from "../file-operations.js";
import { homeIn, type VariableLookup } from "./command-line.js";
import { hasOption, optionValue } from "./package-words.js";
import type { CacheUse, OperationDraft, PackageManager, PackageOperation, PackageOperationKind } from "./types.js";

/**
 * What a cache row needs to know about an operation.
 *
 * @example
 * ```ts
 * const query: CacheQuery = { manager: "apt", kind: "update", subcommand: ["update"], options: [], operands: [], noCache: false };
 * ```
 */
export type CacheQuery = Pick<PackageOperation, "manager" | "kind" | "subcommand" | "options" | "operands" | "noCache">;

/**
 * One cache or index directory a package manager writes.
 *
 * @example
 * ```ts
 * PACKAGE_CACHES.find((c) => c.manager === "apk")?.avoidedBy; // "apk --no-cache"
 * ```
 */
export interface PackageCache {
  /** The package manager that writes it. */
  readonly manager: PackageManager;
  /** What the directory holds, for messages: "package index lists". */
  readonly contents: string;
  /** The default location (`~` is the home directory), for documentation. */
  readonly defaultPath: string;
  /** The option or setting that stops the cache being written, if any, for messages. */
  readonly avoidedBy?: string;
  /** The commands that remove it, for messages; `rm -rf <path>` always works. */
  readonly cleanedByCommand?: string;
  /** The directory for this operation: options and environment may move it. */
  locate(draft: Pick<OperationDraft, "options" | "env">): string;
  /** Whether the operation writes to this cache. */
  creates(op: CacheQuery): boolean;
  /** Whether the operation (of the same manager) empties this cache. */
  cleans(op: CacheQuery): boolean;
}

/**
 * A cache an operation wrote and nothing later in the RUN removed.
 *
 * @example
 * ```ts
 * // RUN apt-get update && apt-get install -y curl
 * // → { manager: "apt", path: "/var/lib/apt/lists", operation: <apt-get update>, cache: <the apt lists row> }
 * ```
 */
export interface CacheLeftBehind {
  /** The package manager that wrote it. */
  readonly manager: PackageManager;
  /** The directory left behind, resolved for this RUN (options and ENV may move it), e.g. `/root/.cache/pip`. */
  readonly path: string;
  /** The last operation that wrote to the cache. */
  readonly operation: PackageOperation;
  /** The cache table row it belongs to: what it holds, and what avoids or removes it. */
  readonly cache: PackageCache;
}

/**
 * A RUN `--mount`. Writes under a `cache`, `tmpfs` or `bind` target never reach the layer
 * (BuildKit discards writes to `rw` binds; read-only binds reject them).
 */
export interface RunMount {
  readonly type: string;
  readonly target: string | undefined;
}

const MOUNTS_KEEPING_WRITES_OUT = new Set(["cache", "tmpfs", "bind"]);

const xdgCache = (env: VariableLookup): string => env.get("XDG_CACHE_HOME") ?? `${homeIn(env)}/.cache`;
const fixed = (path: string) => (): string => path;

/** An operation of one of these kinds. */
const kinds =
  (...list: PackageOperationKind[]) =>
  (op: CacheQuery): boolean =>
    list.includes(op.kind);

/** An operation whose first subcommand word is one of `words`. */
const verbs =
  (...words: string[]) =>
  (op: CacheQuery): boolean =>
    words.includes(op.subcommand[0]);

const either =
  (...tests: ((op: CacheQuery) => boolean)[]) =>
  (op: CacheQuery): boolean =>
    tests.some((t) => t(op));

const never = (): boolean => false;

/** `yum clean all`, `dnf clean all`, `microdnf clean all`. */
const cleanAll = (op: CacheQuery): boolean => op.kind === "clean" && op.operands.some((w) => w.value === "all");

const INSTALLS = kinds("install", "upgrade", "update");

/**
 * The caches of every manager. Rows are data; `locate`, `creates` and `cleans` read an operation.
 *
 * @example
 * ```ts
 * PACKAGE_CACHES.filter((c) => c.manager === "apt").map((c) => c.defaultPath); // ["/var/lib/apt/lists"]
 * ```
 */
export const PACKAGE_CACHES: readonly PackageCache[] = [
  {
    manager: "apt",
    contents: "package index lists",
    defaultPath: "/var/lib/apt/lists",
    cleanedByCommand: "rm -rf /var/lib/apt/lists/* or apt-get distclean (apt 3.0+); apt-get clean keeps the lists",
    locate: fixed("/var/lib/apt/lists"),
    creates: kinds("update"),
    cleans: verbs("distclean", "dist-clean"),
  },
  {
    manager: "apk",
    contents: "package index and package cache",
    defaultPath: "/var/cache/apk",
    avoidedBy: "apk --no-cache",
    cleanedByCommand: "rm -rf /var/cache/apk/*",
    locate: (d) => optionValue(d, "cache-dir") ?? "/var/cache/apk",
    creates: (op) => INSTALLS(op) && !op.noCache,
    cleans: never,
  },
  ...(["yum", "dnf", "microdnf"] as const).map(
    (manager): PackageCache => ({
      manager,
      contents: "repository metadata and package cache",
      defaultPath: manager === "dnf" ? "/var/cache/dnf" : "/var/cache/yum",
      cleanedByCommand: `${manager} clean all`,
      locate: fixed(manager === "dnf" ? "/var/cache/dnf" : "/var/cache/yum"),
      creates: INSTALLS,
      cleans: cleanAll,
    }),
  ),
  {
    manager: "zypper",
    contents: "repository metadata and package cache",
    defaultPath: "/var/cache/zypp",
    cleanedByCommand: "zypper clean --all",
    locate: (d) => optionValue(d, "cache-dir") ?? "/var/cache/zypp",
    creates: INSTALLS,
    cleans: kinds("clean"),
  },
  {
    manager: "pip",
    contents: "HTTP and wheel cache",
    defaultPath: "~/.cache/pip",
    avoidedBy: "pip --no-cache-dir or ENV PIP_NO_CACHE_DIR=1",
    cleanedByCommand: "pip cache purge",
    locate: (d) => optionValue(d, "cache-dir") ?? d.env.get("PIP_CACHE_DIR") ?? `${xdgCache(d.env)}/pip`,
    creates: (op) => (op.kind === "install" || verbs("download", "wheel")(op)) && !op.noCache,
    cleans: (op) => op.kind === "cache-clean" && op.subcommand[1] === "purge",
  },
  {
    manager: "npm",
    contents: "package cache",
    defaultPath: "~/.npm",
    cleanedByCommand: "npm cache clean --force",
    locate: (d) =>
      optionValue(d, "cache") ?? d.env.get("npm_config_cache") ?? d.env.get("NPM_CONFIG_CACHE") ?? `${homeIn(d.env)}/.npm`,
    creates: kinds("install", "upgrade"),
    cleans: (op) => op.kind === "cache-clean" && hasOption(op, "force"),
  },
  {
    manager: "yarn",
    contents: "package cache",
    defaultPath: "/usr/local/share/.cache/yarn (root), ~/.cache/yarn (other users)",
    cleanedByCommand: "yarn cache clean",
    locate: (d) =>
      optionValue(d, "cache-folder") ??
      d.env.get("YARN_CACHE_FOLDER") ??
      (homeIn(d.env) === "/root" ? "/usr/local/share/.cache/yarn" : `${xdgCache(d.env)}/yarn`),
    creates: kinds("install", "upgrade"),
    cleans: kinds("cache-clean"),
  },
  {
    manager: "pnpm",
    contents: "content-addressable store",
    defaultPath: "~/.local/share/pnpm/store",
    locate: (d) =>
      optionValue(d, "store-dir") ??
      d.env.get("npm_config_store_dir") ??
      `${d.env.get("XDG_DATA_HOME") ?? `${homeIn(d.env)}/.local/share`}/pnpm/store`,
    creates: kinds("install", "upgrade"),
    cleans: never,
  },
  {
    manager: "gem",
    contents: "downloaded .gem files",
    defaultPath: "$GEM_HOME/cache (/usr/local/bundle/cache in the ruby images)",
    locate: (d) => `${optionValue(d, "install-dir") ?? d.env.get("GEM_HOME") ?? "/usr/local/bundle"}/cache`,
    creates: kinds("install", "upgrade"),
    cleans: never,
  },
  {
    manager: "composer",
    contents: "package and metadata cache",
    defaultPath: "~/.composer/cache",
    avoidedBy: "composer --no-cache or ENV COMPOSER_CACHE_DIR=/dev/null",
    cleanedByCommand: "composer clear-cache",
    locate: (d) =>
      d.env.get("COMPOSER_CACHE_DIR") ?? `${d.env.get("COMPOSER_HOME") ?? `${homeIn(d.env)}/.composer`}/cache`,
    creates: (op) => (kinds("install", "upgrade")(op) || verbs("create-project")(op)) && !op.noCache,
    cleans: kinds("cache-clean"),
  },
  {
    manager: "go",
    contents: "module cache",
    defaultPath: "$GOPATH/pkg/mod (/go/pkg/mod in the golang images)",
    cleanedByCommand: "go clean -modcache",
    locate: (d) =>
      d.env.get("GOMODCACHE") ?? `${(d.env.get("GOPATH") ?? `${homeIn(d.env)}/go`).split(":")[0]}/pkg/mod`,
    creates: either(kinds("install"), verbs("build", "run", "test", "vet", "generate")),
    cleans: (op) => op.kind === "clean" && hasOption(op, "modcache"),
  },
  {
    manager: "go",
    contents: "build cache",
    defaultPath: "~/.cache/go-build",
    cleanedByCommand: "go clean -cache",
    locate: (d) => d.env.get("GOCACHE") ?? `${xdgCache(d.env)}/go-build`,
    creates: verbs("install", "build", "run", "test", "vet", "generate"),
    cleans: (op) => op.kind === "clean" && hasOption(op, "cache"),
  },
  {
    manager: "cargo",
    contents: "crate registry cache",
    defaultPath: "$CARGO_HOME/registry (/usr/local/cargo/registry in the rust images)",
    locate: (d) => `${d.env.get("CARGO_HOME") ?? `${homeIn(d.env)}/.cargo`}/registry`,
    creates: either(kinds("install"), verbs("build", "fetch", "run", "test", "check")),
    cleans: never,
  },
];

/**
 * Operations that fetch nothing although their subcommand would: a bare `yarn --version` or
 * `npm -v` (yarn with no subcommand otherwise means install), and `apk add --no-network`.
 */
function fetchesNothing(op: CacheQuery): boolean {
  if (op.manager === "apk") return hasOption(op, "no-network");
  return op.subcommand.length === 0 && op.options.some((o) => /^(v|version|h|help)$/.test(o.name));
}

/**
 * The caches an operation writes, with their directories. Nothing for `/dev/null`.
 *
 * @example
 * ```ts
 * cachesWritten(pipInstallDraft).map((u) => u.path); // ["/root/.cache/pip"]
 * ```
 */
export function cachesWritten(op: CacheQuery, draft: Pick<OperationDraft, "options" | "env">): readonly CacheUse[] {
  if (fetchesNothing(op)) return NOTHING_WRITTEN;
  let written: CacheUse[] | undefined;
  for (const cache of CACHES_BY_MANAGER.get(op.manager) ?? NO_ROWS) {
    if (!cache.creates(op)) continue;
    const path = trimTrailing(cache.locate(draft), "/") || "/";
    if (path !== "/dev/null") (written ??= []).push({ cache, path });
  }
  return written ?? NOTHING_WRITTEN;
}

/** What {@link cachesWritten} gives the many operations that write no cache (`apt-get install`, `apk add --no-cache`): one shared empty list. */
export const NOTHING_WRITTEN: readonly CacheUse[] = Object.freeze([]);
const NO_ROWS: readonly PackageCache[] = [];

/** The rows of {@link PACKAGE_CACHES} by manager, in table order. */
const CACHES_BY_MANAGER: ReadonlyMap<PackageManager, readonly PackageCache[]> = new Map(
  [...new Set(PACKAGE_CACHES.map((c) => c.manager))].map((manager) => [manager, PACKAGE_CACHES.filter((c) => c.manager === manager)]),
);

/** Whether `dir` is `root` or inside it. */
function within(dir: string, root: string): boolean {
  const r = trimTrailing(root, "/");
  return dir === r || dir.startsWith(`${r}/`) || r === "";
}

/**
 * Whether an `rm` removes the directory `dirSegments` spell (`["", "var", "lib", "apt", "lists"]`)
 * or its contents: a path (or glob) names the directory or an ancestor and the removal is
 * recursive (`rm -rf /var/lib/apt`, `rm -rf /var/lib/apt/lists*`), or it is a glob over the
 * entries of the directory (`rm -rf /var/lib/apt/lists/*`, `rm /var/lib/apt/lists/*_*`).
 */
function removes(op: FileOperation, dirSegments: readonly string[]): boolean {
  if (op.kind !== "remove") return false;
  for (const p of op.paths) {
    if (p.isVariable) continue;
    const segments = pathSegments(p.path);
    if (segments.length <= dirSegments.length && leadingMatch(segments, dirSegments, segments.length, p.isGlob)) {
      if (op.recursive) return true;
      continue;
    }
    const entries = segments[segments.length - 1];
    if (p.isGlob && /[*?[]/.test(entries) && segments.length === dirSegments.length + 1 && leadingMatch(segments, dirSegments, dirSegments.length, true)) {
      return true;
    }
  }
  return false;
}

/** `/var//lib/apt/` → `["", "var", "lib", "apt"]`: a path's segments, repeated and trailing slashes dropped. */
function pathSegments(path: string): string[] {
  const untidy = path.includes("//") || (path.length > 1 && path.endsWith("/"));
  return (untidy ? path.replace(/\/+/g, "/").replace(/(.)\/$/, "$1") : path).split("/");
}

/** Characters that make a segment a pattern rather than a name (`\` escapes). */
const GLOB_CHARS = /[*?[\\]/;

/** Whether the first `count` path segments name the first `count` directory segments (as globs when `isGlob`). */
function leadingMatch(segments: readonly string[], dirSegments: readonly string[], count: number, isGlob: boolean): boolean {
  for (let i = 0; i < count; i++) {
    const segment = segments[i];
    // A segment without glob characters matches only itself: no pattern to build.
    const same = isGlob && GLOB_CHARS.test(segment) ? segmentTest(segment)(dirSegments[i]) : segment === dirSegments[i];
    if (!same) return false;
  }
  return true;
}

/** Whether writes to `path` stay out of the layer: it is under a `cache`, `tmpfs` or `bind` mount. */
function mounted(path: string, mounts: readonly RunMount[]): boolean {
  return mounts.some((m) => MOUNTS_KEEPING_WRITES_OUT.has(m.type) && m.target !== undefined && within(path, m.target));
}

/** Whether a later operation of the RUN (the manager's cleanup, or an `rm`) removes the cache again. */
function cleanedLater(left: CacheLeftBehind, ops: readonly PackageOperation[], fileOps: readonly FileOperation[]): boolean {
  const after = left.operation.command.range[0];
  for (const o of ops) if (o.command.range[0] > after && o.manager === left.manager && left.cache.cleans(o)) return true;
  let dirSegments: readonly string[] | undefined;
  for (const f of fileOps) {
    if (f.kind !== "remove" || f.command.range[0] <= after) continue;
    dirSegments ??= left.path.split("/");
    if (removes(f, dirSegments)) return true;
  }
  return false;
}

/**
 * The caches that operations in one RUN leave in the layer: written by an operation, not removed
 * later in the same RUN (by the manager's cleanup or an `rm`), and not under a `cache`, `tmpfs`
 * or `bind` mount. One entry per cache directory, naming the last operation that wrote it.
 *
 * @example
 * ```ts
 * const commands = run.shell.commands;
 * cacheLeftBehind(packageOperations(commands), fileOperations(commands), [{ type: "cache", target: "/var/lib/apt" }]);
 * // [] for `apt-get update && apt-get install -y curl` under that mount
 * ```
 */
export function cacheLeftBehind(
  ops: readonly PackageOperation[],
  fileOps: readonly FileOperation[],
  mounts: readonly RunMount[],
): CacheLeftBehind[] {
  const left: CacheLeftBehind[] = [];
  if (ops.length === 0) return left;
  // One candidate per manager and directory, where it was first written, naming the last operation
  // that wrote it. A RUN writes few caches: a list searched end to end, not a map with string keys.
  for (const operation of ops) {
    for (const use of operation.caches) {
      let at = 0;
      while (at < left.length && (left[at].manager !== operation.manager || left[at].path !== use.path)) at++;
      left[at] = { manager: operation.manager, path: use.path, operation, cache: use.cache };
    }
  }
  // Then the list keeps, in order, those that stay in the layer.
  let kept = 0;
  for (const candidate of left) {
    if (!mounted(candidate.path, mounts) && !cleanedLater(candidate, ops, fileOps)) left[kept++] = candidate;
  }
  left.length = kept;
  return left;
}
