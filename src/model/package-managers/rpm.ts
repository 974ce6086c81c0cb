/**
 * yum, dnf and microdnf (RHEL, Fedora, CentOS, UBI): one table, three managers.
 * Package words are `name-version[-release]`, `.rpm` files, `@group`s or, for modules, `name:stream`.
 */
import type { ManagerSpec, OperationDraft, PackageManager, PackageParts, SubcommandSpec } from "./types.js";
import type { OptionSpec } from "./command-line.js";
import { NO_SETTINGS, fileParts, hasOption, optionValues } from "./package-words.js";

const OPTIONS: readonly OptionSpec[] = [
  { names: ["-y", "--assumeyes"], canonical: "yes" },
  { names: ["--assumeno"], canonical: "assumeno" },
  { names: ["-q", "--quiet"], canonical: "quiet" },
  { names: ["--setopt"], canonical: "setopt", value: "required" },
  { names: ["--nodocs"], canonical: "nodocs" },
  { names: ["--enablerepo"], canonical: "enablerepo", value: "required" },
  { names: ["--disablerepo"], canonical: "disablerepo", value: "required" },
  { names: ["--repo", "--repoid"], canonical: "repo", value: "required" },
  { names: ["--installroot"], canonical: "installroot", value: "required" },
  { names: ["--releasever"], canonical: "releasever", value: "required" },
  { names: ["-x", "--exclude"], canonical: "exclude", value: "required" },
  { names: ["-c", "--config"], canonical: "config", value: "required" },
  { names: ["--disableplugin"], canonical: "disableplugin", value: "required" },
  { names: ["--enableplugin"], canonical: "enableplugin", value: "required" },
  { names: ["--forcearch"], canonical: "forcearch", value: "required" },
  { names: ["--downloaddir", "--destdir"], canonical: "downloaddir", value: "required" },
  { names: ["-C", "--cacheonly"], canonical: "cacheonly" },
];

const SUBCOMMANDS: readonly SubcommandSpec[] = [
  ...["install", "groupinstall", "localinstall", "reinstall"].map((w) => ({ words: [w], kind: "install" as const })),
  ...["remove", "erase", "autoremove", "groupremove"].map((w) => ({ words: [w], kind: "remove" as const })),
  ...["update", "upgrade", "distro-sync", "update-minimal", "upgrade-minimal", "groupupdate"].map((w) => ({
    words: [w],
    kind: "upgrade" as const,
  })),
  ...["group", "groups", "module"].flatMap((noun) => [
    { words: [noun, "install"], kind: "install" as const },
    { words: [noun, "remove"], kind: "remove" as const },
    { words: [noun, "update"], kind: "upgrade" as const },
    { words: [noun, "upgrade"], kind: "upgrade" as const },
  ]),
  { words: ["makecache"], kind: "update" },
  { words: ["clean"], kind: "clean" },
];

/** `--setopt key=value` values, keys compared case-insensitively; the last one wins. */
function setopt(draft: OperationDraft, key: string): string | undefined {
  let found: string | undefined;
  for (const s of optionValues(draft, "setopt")) {
    const eq = s.indexOf("=");
    if (eq !== -1 && s.slice(0, eq).toLowerCase() === key) found = s.slice(eq + 1);
  }
  return found;
}

const VERSION_CHARS = /^[\w.~^:+*]+$/;

/** Every `-`-separated segment of an rpm version-release has a digit: `1.2.3-4.el8`, not `11-openjdk`. */
function isVersionRelease(text: string): boolean {
  const segments = text.split("-");
  return /^\d/.test(text) && segments.every((s) => VERSION_CHARS.test(s) && /\d/.test(s));
}

/** A version from a variable: `MariaDB-server-${MARIADB_VERSION}`. */
const VARIABLE_VERSION = /^\$\{?[A-Za-z_][A-Za-z0-9_]*\}?$/;

const RPM_FILES = [".rpm"];

/** Splits `name-version[-release]` at the first `-` that starts a plausible version-release. */
function parseRpmPackage(text: string, subcommand: readonly string[]): PackageParts {
  const file = fileParts(text, RPM_FILES);
  if (file !== undefined) return file;
  if (subcommand[0] === "module") {
    const colon = text.indexOf(":");
    return colon > 0
      ? { name: text.slice(0, colon), operator: ":", version: text.slice(colon + 1), isFile: false }
      : { name: text, isFile: false };
  }
  for (let dash = text.indexOf("-"); dash > 0; dash = text.indexOf("-", dash + 1)) {
    const version = text.slice(dash + 1);
    if (isVersionRelease(version) || VARIABLE_VERSION.test(version)) {
      return { name: text.slice(0, dash), operator: "-", version, isFile: false };
    }
  }
  return { name: text, isFile: false };
}

/** One rpm-family manager; microdnf never prompts, so it always assumes yes. */
function rpmManager(manager: PackageManager, programs: RegExp, alwaysYes: boolean): ManagerSpec {
  return {
    manager,
    programs,
    options: OPTIONS,
    subcommands: SUBCOMMANDS,
    parsePackage: parseRpmPackage,
    settings(draft) {
      const weakDeps = setopt(draft, "install_weak_deps");
      return {
        ...NO_SETTINGS,
        assumeYes: alwaysYes || hasOption(draft, "yes"),
        noInstallRecommends: weakDeps !== undefined && /^(0|false|no|off)$/i.test(weakDeps),
        noDocs: hasOption(draft, "nodocs") || (setopt(draft, "tsflags") ?? "").split(",").includes("nodocs"),
      };
    },
  };
}

/**
 * yum.
 *
 * @example
 * ```ts
 * packageOperations(sh("yum install -y httpd-2.4.57"))[0].packages[0].version; // "2.4.57"
 * ```
 */
export const yum: ManagerSpec = rpmManager("yum", /^yum$/, false);

/**
 * dnf (and dnf5, which reads the same command line).
 *
 * @example
 * ```ts
 * packageOperations(sh("dnf -y --setopt=tsflags=nodocs install nginx"))[0].noDocs; // true
 * ```
 */
export const dnf: ManagerSpec = rpmManager("dnf", /^dnf5?$/, false);

/**
 * microdnf (UBI minimal images).
 *
 * @example
 * ```ts
 * packageOperations(sh("microdnf install nginx"))[0].assumeYes; // true: microdnf never prompts
 * ```
 */
export const microdnf: ManagerSpec = rpmManager("microdnf", /^microdnf$/, true);
