import { defineRule } from "../src/engine/rule.js";
import type { PackageManager } from "../src/model/package-managers/types.js";
import { runsToCheck, subcommandWord } from "./_support/shell-commands.js";

/** Subcommands that move the whole system to another distribution state, with the aliases of their findings. */
const DIST_UPGRADES: ReadonlyMap<PackageManager, { words: readonly string[]; aliases: readonly string[] }> = new Map([
  ["apt", { words: ["dist-upgrade", "full-upgrade"], aliases: ["DS-0024"] }],
  ["zypper", { words: ["dist-upgrade", "dup"], aliases: ["DL3035"] }],
  ["yum", { words: ["distro-sync"], aliases: [] }],
  ["dnf", { words: ["distro-sync"], aliases: [] }],
]);

export default defineRule({
  meta: {
    id: "no-dist-upgrade",
    description: "Disallow dist-upgrade and distro-sync in images",
    category: "package-managers",
    severity: "warning",
    fixable: "none",
    aliases: ["DL3035", "DS-0024"],
    appliesInOnbuild: true,
    messages: {
      distUpgrade: "Do not run `{{program}} {{subcommand}}` in an image: it may remove packages and move the base image to another release. Use a newer base image instead.",
    },
    docs: {
      why: "A dist-upgrade resolves dependencies freely: it may install new packages, remove others and, with changed sources, move the whole system to the next release, silently changing what the base image is. Building on a newer base image does the same thing deliberately and keeps the image small.",
      bad: ["FROM debian:12\nRUN apt-get update && apt-get dist-upgrade -y && rm -rf /var/lib/apt/lists/*\n", "FROM opensuse/leap:15.6\nRUN zypper -n dup\n"],
      good: ["FROM debian:12\nRUN apt-get update && apt-get install -y --no-install-recommends curl && rm -rf /var/lib/apt/lists/*\n"],
      notes:
        "Reported: apt `dist-upgrade`/`full-upgrade` (Trivy `DS-0024`, deprecated there), zypper `dist-upgrade`/`dup` (hadolint `DL3035`), yum/dnf `distro-sync`. A plain upgrade (`apt-get upgrade`, `apk upgrade`, `yum update`) is `no-system-upgrade`, off by default.",
      references: ["https://github.com/hadolint/hadolint/wiki/DL3035"],
    },
    since: "0.1.0",
  },
  check(context) {
    for (const run of runsToCheck(context.model)) {
      for (const op of run.packages) {
        const dist = DIST_UPGRADES.get(op.manager === "microdnf" ? "dnf" : op.manager);
        if (dist === undefined || op.kind !== "upgrade" || !dist.words.includes(op.subcommand[0] ?? "")) continue;
        const word = subcommandWord(op);
        if (word === undefined) continue;
        context.report({ messageId: "distUpgrade", data: { program: op.program, subcommand: op.subcommand.join(" ") }, range: word.range, aliases: dist.aliases });
      }
    }
  },
});
