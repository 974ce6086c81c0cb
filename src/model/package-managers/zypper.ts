/**
 * zypper (openSUSE, SLES): global and command options, `pkg=1.2` / `pkg>=1.2` words.
 */
import type { ManagerSpec } from "./types.js";
import { NO_SETTINGS, fileParts, hasOption, splitVersion, versionOperators } from "./package-words.js";

const RPM_FILES = [".rpm"];
const VERSION_OPERATORS = versionOperators(">=", "<=", "=", ">", "<");

/**
 * zypper.
 *
 * @example
 * ```ts
 * packageOperations(sh("zypper -n in --no-recommends curl=8.0.1"))[0].noInstallRecommends; // true
 * ```
 */
export const zypper: ManagerSpec = {
  manager: "zypper",
  programs: /^zypper$/,
  options: [
    { names: ["-n", "--non-interactive"], canonical: "non-interactive" },
    { names: ["-y", "--no-confirm"], canonical: "yes" },
    { names: ["-q", "--quiet"], canonical: "quiet" },
    { names: ["--no-recommends"], canonical: "no-recommends" },
    { names: ["--recommends"], canonical: "recommends" },
    { names: ["-l", "--auto-agree-with-licenses"], canonical: "auto-agree-with-licenses" },
    { names: ["--gpg-auto-import-keys"], canonical: "gpg-auto-import-keys" },
    { names: ["-r", "--repo"], canonical: "repo", value: "required" },
    { names: ["--from"], canonical: "from", value: "required" },
    { names: ["-t", "--type"], canonical: "type", value: "required" },
    { names: ["-R", "--root"], canonical: "root", value: "required" },
    { names: ["--cache-dir"], canonical: "cache-dir", value: "required" },
    { names: ["--reposd-root"], canonical: "reposd-root", value: "required" },
  ],
  subcommands: [
    { words: ["install"], kind: "install" },
    { words: ["in"], kind: "install" },
    { words: ["remove"], kind: "remove" },
    { words: ["rm"], kind: "remove" },
    { words: ["update"], kind: "upgrade" },
    { words: ["up"], kind: "upgrade" },
    { words: ["dist-upgrade"], kind: "upgrade" },
    { words: ["dup"], kind: "upgrade" },
    { words: ["patch"], kind: "upgrade" },
    { words: ["refresh"], kind: "update" },
    { words: ["ref"], kind: "update" },
    { words: ["clean"], kind: "clean" },
    { words: ["cc"], kind: "clean" },
  ],
  parsePackage(text) {
    return fileParts(text, RPM_FILES) ?? splitVersion(text, VERSION_OPERATORS);
  },
  settings(draft) {
    return {
      ...NO_SETTINGS,
      assumeYes: hasOption(draft, "non-interactive") || hasOption(draft, "yes"),
      noInstallRecommends: hasOption(draft, "no-recommends"),
    };
  },
};
