/**
 * apt-get and apt (Debian, Ubuntu): subcommands, options and `pkg=version` / `pkg/release` words.
 */
import type { ManagerSpec, OperationDraft, PackageOperationKind } from "./types.js";
import { NO_SETTINGS, extended, fileParts, hasOption, optionValue, splitVersion, versionOperators } from "./package-words.js";

const DEB_FILES = [".deb"];
const VERSION_OPERATORS = versionOperators("=");

/** `-o Key=value` settings of apt, keys compared case-insensitively (`key` is given in lower case). */
function aptConfig(draft: OperationDraft, key: string): string | undefined {
  let found: string | undefined;
  for (const o of draft.options) {
    if (o.name !== "option" || o.value === undefined) continue;
    const eq = o.value.indexOf("=");
    if (eq !== -1 && o.value.slice(0, eq).toLowerCase() === key) found = o.value.slice(eq + 1);
  }
  return found;
}

const isTrue = (v: string | undefined): boolean => v !== undefined && /^(1|true|yes|on)$/i.test(v);
const isFalse = (v: string | undefined): boolean => v !== undefined && /^(0|false|no|off)$/i.test(v);

/** apt's quiet level: one per `-q`, or the number in `-q=2` / `--quiet=2`. Level 2 implies `-y`. */
function quietLevel(draft: OperationDraft): number {
  let level = 0;
  for (const o of draft.options) {
    if (o.name !== "quiet") continue;
    const n = o.value === undefined ? NaN : Number(o.value);
    level = Number.isInteger(n) ? n : level + 1;
  }
  return level;
}

/** The kinds apt asks to confirm; update and clean never ask. */
const CONFIRMING_KINDS: readonly PackageOperationKind[] = ["install", "upgrade", "remove"];

/**
 * apt-get / apt.
 *
 * @example
 * ```ts
 * packageOperations(sh("apt-get install -qq --no-install-recommends curl=7.*"))[0].assumeYes; // true
 * ```
 */
export const apt: ManagerSpec = {
  manager: "apt",
  programs: /^apt(-get)?$/,
  options: [
    { names: ["-y", "--yes", "--assume-yes"], canonical: "yes" },
    { names: ["-q", "--quiet", "--silent"], canonical: "quiet" },
    { names: ["--no-install-recommends"], canonical: "no-install-recommends" },
    { names: ["--install-recommends"], canonical: "install-recommends" },
    { names: ["-o", "--option"], canonical: "option", value: "required" },
    { names: ["-t", "--target-release", "--default-release"], canonical: "target-release", value: "required" },
    { names: ["-c", "--config-file"], canonical: "config-file", value: "required" },
    { names: ["-a", "--host-architecture"], canonical: "host-architecture", value: "required" },
    { names: ["-f", "--fix-broken"], canonical: "fix-broken" },
    { names: ["-d", "--download-only"], canonical: "download-only" },
    { names: ["-s", "--simulate", "--dry-run", "--just-print", "--recon", "--no-act"], canonical: "simulate" },
  ],
  subcommands: [
    { words: ["install"], kind: "install" },
    { words: ["reinstall"], kind: "install" },
    { words: ["update"], kind: "update" },
    { words: ["upgrade"], kind: "upgrade" },
    { words: ["dist-upgrade"], kind: "upgrade" },
    { words: ["full-upgrade"], kind: "upgrade" },
    { words: ["remove"], kind: "remove" },
    { words: ["purge"], kind: "remove" },
    { words: ["autoremove"], kind: "remove" },
    { words: ["autopurge"], kind: "remove" },
    { words: ["clean"], kind: "clean" },
    { words: ["autoclean"], kind: "clean" },
    { words: ["distclean"], kind: "clean" },
    { words: ["dist-clean"], kind: "clean" },
  ],
  parsePackage(text) {
    const file = fileParts(text, DEB_FILES);
    if (file !== undefined) return file;
    const parts = splitVersion(text, VERSION_OPERATORS);
    const slash = parts.name.indexOf("/");
    if (slash <= 0) return parts;
    return extended(parts, { name: parts.name.slice(0, slash), release: parts.name.slice(slash + 1) });
  },
  settings(draft) {
    const targetRelease = optionValue(draft, "target-release");
    const settings = {
      ...NO_SETTINGS,
      assumeYes:
        !CONFIRMING_KINDS.includes(draft.kind) ||
        hasOption(draft, "yes") ||
        quietLevel(draft) >= 2 ||
        isTrue(aptConfig(draft, "apt::get::assume-yes")),
      noInstallRecommends:
        hasOption(draft, "no-install-recommends") || isFalse(aptConfig(draft, "apt::install-recommends")),
    };
    return targetRelease === undefined ? settings : extended(settings, { targetRelease });
  },
};
