/**
 * apk (Alpine): subcommands, options and `pkg=1.2` / `pkg~1.2` / `pkg@repo` words.
 */
import type { ManagerSpec } from "./types.js";
import { NO_SETTINGS, extended, fileParts, hasOption, splitVersion, versionOperators } from "./package-words.js";

const APK_FILES = [".apk"];
const VERSION_OPERATORS = versionOperators(">=", "<=", "=~", "><", "=", "~", ">", "<");

/**
 * apk. It never prompts unless `--interactive` is given.
 *
 * @example
 * ```ts
 * packageOperations(sh("apk add --no-cache --virtual .build-deps gcc=12.2.1-r4"))[0].noCache; // true
 * ```
 */
export const apk: ManagerSpec = {
  manager: "apk",
  programs: /^apk$/,
  options: [
    { names: ["--no-cache"], canonical: "no-cache" },
    { names: ["-U", "--update-cache", "--update"], canonical: "update-cache" },
    { names: ["-t", "--virtual"], canonical: "virtual", value: "required" },
    { names: ["-X", "--repository"], canonical: "repository", value: "required" },
    { names: ["-p", "--root"], canonical: "root", value: "required" },
    { names: ["--keys-dir"], canonical: "keys-dir", value: "required" },
    { names: ["--arch"], canonical: "arch", value: "required" },
    { names: ["--cache-dir"], canonical: "cache-dir", value: "required" },
    { names: ["--repositories-file"], canonical: "repositories-file", value: "required" },
    { names: ["--cache-max-age"], canonical: "cache-max-age", value: "required" },
    { names: ["-i", "--interactive"], canonical: "interactive" },
    { names: ["-q", "--quiet"], canonical: "quiet" },
    { names: ["-u", "--upgrade"], canonical: "upgrade" },
    { names: ["-l", "--latest"], canonical: "latest" },
  ],
  subcommands: [
    { words: ["add"], kind: "install" },
    { words: ["del"], kind: "remove" },
    { words: ["update"], kind: "update" },
    { words: ["upgrade"], kind: "upgrade" },
    { words: ["cache", "clean"], kind: "cache-clean" },
    { words: ["cache", "purge"], kind: "cache-clean" },
  ],
  parsePackage(text) {
    const file = fileParts(text, APK_FILES);
    if (file !== undefined) return file;
    const parts = splitVersion(text, VERSION_OPERATORS);
    const at = parts.name.indexOf("@");
    if (at <= 0) return parts;
    return extended(parts, { name: parts.name.slice(0, at), release: parts.name.slice(at + 1) });
  },
  settings(draft) {
    return {
      ...NO_SETTINGS,
      assumeYes: !hasOption(draft, "interactive"),
      noCache: hasOption(draft, "no-cache"),
    };
  },
};
