/**
 * Rough size classes of what a layer adds, with the reason, for ranking findings and build-plan
 * opportunities. Nothing here reads the build context: sizes come from what the path looks like.
 *
 * @packageDocumentation
 */
import type { PackageManager } from "../package-managers/types.js";
import { baseName } from "./paths.js";
import type { SizeClass, SizeEstimate } from "./types.js";

const ARCHIVE = /\.(tar|tgz|tbz2?|txz|tzst|zip|jar|war|ear|whl|gem|deb|rpm|apk|7z|rar|tar\.(gz|bz2|xz|zst|lz4|lz|lzma|Z))$/i;
const SMALL_TEXT = /\.(conf|cfg|cnf|ini|json|ya?ml|toml|xml|properties|env|txt|md|pem|crt|key|pub|lock)$|^(\.[\w.-]+rc|Gemfile|Procfile|requirements[\w.-]*)$/i;
const SCRIPT = /\.(sh|bash|py|rb|js|mjs|cjs|ts|pl|php|lua|ps1)$/i;

/**
 * Whether a file name looks like an archive or package file (`.tar.gz`, `.zip`, `.jar`, `.deb`, …).
 *
 * @example
 * ```ts
 * isArchiveName("app-1.2.tar.gz"); // true
 * ```
 */
export function isArchiveName(name: string): boolean {
  return ARCHIVE.test(baseName(name));
}

/** Whether the last segment of a source names a folder: no extension and not a known file name. */
function isFolderName(name: string): boolean {
  return name !== "" && !name.includes(".") && !SMALL_TEXT.test(name) && !/^(Dockerfile|Makefile|LICENSE|VERSION|entrypoint|docker-entrypoint)$/i.test(name);
}

const size = (sizeClass: SizeClass, reason: string): SizeEstimate => ({ class: sizeClass, reason });

/** Sizes of COPY/ADD sources, made once (a size that names the `--from` stage or image is made per source). */
const SOURCE_SIZES = {
  whole: size("L", "the whole build context"),
  download: size("M", "a downloaded file"),
  archive: size("M", "an archive or package file"),
  folder: size("L", "a folder of the build context"),
  config: size("XS", "a single configuration file"),
  script: size("XS", "a single script"),
  file: size("S", "a single file"),
} as const satisfies Record<string, SizeEstimate>;

/**
 * A COPY/ADD source as written, and what the file flow asks of it: whether it names a folder, not
 * a file (`.`, a path ending in `/`, or a last segment without an extension that is not a known
 * file name such as `Gemfile`), and its size class. Its base name is read once, and whether that
 * names a folder is decided once.
 *
 * @example
 * ```ts
 * const source = new CopySource("src/app.py");
 * [source.name, source.looksLikeFolder, source.size(undefined).class]; // ["app.py", false, "XS"]
 * ```
 */
export class CopySource {
  /** The last segment of the path, without a query or trailing slashes. */
  readonly name: string;
  #folderName: boolean | undefined;

  constructor(readonly path: string) {
    this.name = baseName(path);
  }

  /** The source names a folder, not a file (see {@link looksLikeFolder}). */
  get looksLikeFolder(): boolean {
    const path = this.path;
    return path === "." || path === "./" || path.endsWith("/") || this.#isFolderName();
  }

  /** The size class of the source (see {@link copySourceSize}). */
  size(from: string | undefined): SizeEstimate {
    const { path, name } = this;
    if (path === "." || path === "./" || path === "/") return from === undefined ? SOURCE_SIZES.whole : size("L", `the whole file system of ${from}`);
    if (/^[a-z][a-z0-9+.-]*:\/\//i.test(path)) return SOURCE_SIZES.download;
    if (ARCHIVE.test(name)) return SOURCE_SIZES.archive;
    if (path.endsWith("/") || this.#isFolderName()) return from === undefined ? SOURCE_SIZES.folder : size("L", `a folder from ${from}`);
    if (SMALL_TEXT.test(name)) return SOURCE_SIZES.config;
    if (SCRIPT.test(name)) return SOURCE_SIZES.script;
    return fileSize(from);
  }

  #isFolderName(): boolean {
    return (this.#folderName ??= isFolderName(this.name));
  }
}

/**
 * The size class of a file of unknown kind, copied from the build context or from a stage.
 *
 * @example
 * ```ts
 * fileSize("build").class; // "M"
 * ```
 */
export function fileSize(from: string | undefined): SizeEstimate {
  return from === undefined ? SOURCE_SIZES.file : size("M", `a file built in ${from} (often a binary)`);
}

const CACHE_SIZES: Readonly<Record<PackageManager, SizeEstimate>> = {
  apt: size("M", "apt package lists (typically 20-50 MB)"),
  apk: size("S", "the apk index and downloaded packages (a few MB)"),
  yum: size("L", "yum repository metadata and packages (often 100 MB or more)"),
  dnf: size("L", "dnf repository metadata and packages (often 100 MB or more)"),
  microdnf: size("L", "microdnf repository metadata and packages (often 100 MB or more)"),
  zypper: size("M", "zypper repository metadata and packages (tens of MB)"),
  pip: size("M", "pip's wheel and HTTP cache (tens of MB, more with compiled wheels)"),
  npm: size("M", "npm's package cache (tens to hundreds of MB)"),
  yarn: size("L", "yarn's package cache (often hundreds of MB)"),
  pnpm: size("L", "pnpm's content-addressable store (often hundreds of MB)"),
  gem: size("S", "downloaded .gem files (a few MB)"),
  composer: size("M", "composer's package cache (tens of MB)"),
  go: size("L", "Go's module or build cache (often hundreds of MB)"),
  cargo: size("L", "cargo's crate registry (often hundreds of MB)"),
};

/**
 * The size class of a package manager's cache or index.
 *
 * @example
 * ```ts
 * cacheSize("apt").class; // "M"
 * ```
 */
export function cacheSize(manager: PackageManager): SizeEstimate {
  return CACHE_SIZES[manager];
}

/**
 * Sizes of what RUN file operations, WORKDIR and ADD of archives add, and of the facts about them.
 *
 * @example
 * ```ts
 * RUN_SIZES.extract; // { class: "L", reason: "an extracted archive" }
 * ```
 */
export const RUN_SIZES = {
  download: size("M", "a downloaded file"),
  archiveDownload: size("M", "a downloaded archive"),
  clone: size("M", "a cloned git repository with its history"),
  mkdir: size("XS", "an empty directory"),
  workdir: size("XS", "an empty directory"),
  extract: size("L", "an extracted archive"),
  unpack: size("L", "an archive ADD extracts"),
  partial: size("M", "part of a copied or extracted folder"),
  layer: size("XS", "one layer's metadata and per-layer overhead"),
} as const satisfies Record<string, SizeEstimate>;
