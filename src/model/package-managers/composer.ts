/**
 * Composer (PHP): `vendor/package:constraint` words, `--no-dev`, `--no-cache` and `clear-cache`.
 */
import type { ManagerSpec } from "./types.js";
import { NO_SETTINGS, hasOption, splitVersion, versionOperators } from "./package-words.js";

const VERSION_OPERATORS = versionOperators(":", "=", " ");

/**
 * composer.
 *
 * @example
 * ```ts
 * packageOperations(sh("composer require -n monolog/monolog:^3.5"))[0].packages[0].version; // "^3.5"
 * ```
 */
export const composer: ManagerSpec = {
  manager: "composer",
  programs: /^composer(\.phar)?$/,
  options: [
    { names: ["--no-dev"], canonical: "no-dev" },
    { names: ["-n", "--no-interaction"], canonical: "no-interaction" },
    { names: ["--no-cache"], canonical: "no-cache" },
    { names: ["-o", "--optimize-autoloader"], canonical: "optimize-autoloader" },
    { names: ["-d", "--working-dir"], canonical: "working-dir", value: "required" },
    { names: ["--ignore-platform-req"], canonical: "ignore-platform-req", value: "required" },
  ],
  subcommands: [
    ...["install", "i", "require", "r"].map((w) => ({ words: [w], kind: "install" as const })),
    ...["update", "u", "upgrade"].map((w) => ({ words: [w], kind: "upgrade" as const })),
    ...["remove", "rm", "uninstall"].map((w) => ({ words: [w], kind: "remove" as const })),
    ...["clear-cache", "clearcache", "cc"].map((w) => ({ words: [w], kind: "cache-clean" as const })),
    { words: ["global", "require"], kind: "install" },
    { words: ["global", "update"], kind: "upgrade" },
    { words: ["global", "remove"], kind: "remove" },
  ],
  parsePackage(text) {
    return splitVersion(text, VERSION_OPERATORS);
  },
  settings(draft) {
    return {
      ...NO_SETTINGS,
      assumeYes: hasOption(draft, "no-interaction"),
      noCache: hasOption(draft, "no-cache") || draft.env.get("COMPOSER_CACHE_DIR") === "/dev/null",
    };
  },
};
