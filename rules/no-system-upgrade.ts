import { defineRule } from "../src/engine/rule.js";
import { runsToCheck, subcommandWord } from "./_support/shell-commands.js";

/** System package managers. */
const SYSTEM = new Set(["apt", "apk", "yum", "dnf", "microdnf", "zypper"]);
/** Whole-distribution moves: `no-dist-upgrade` reports them. */
const DIST = new Set(["dist-upgrade", "full-upgrade", "dup", "distro-sync"]);

export default defineRule({
  meta: {
    id: "no-system-upgrade",
    description: "Disallow upgrading every installed package of the base image",
    category: "package-managers",
    severity: "off",
    fixable: "none",
    aliases: [],
    appliesInOnbuild: true,
    messages: {
      upgrade: "`{{program}} {{subcommand}}` upgrades every package of the base image: the result depends on the day of the build. Prefer a newer base image, or upgrade named packages.",
    },
    docs: {
      why: "Upgrading all packages makes the image depend on the day it was built rather than on the Dockerfile, adds a layer with a second copy of every upgraded file, and hides what the base image really is. Some teams prefer rebuilding on a patched base image instead, and enable this rule.",
      bad: ["FROM debian:12\nRUN apt-get update && apt-get upgrade -y && rm -rf /var/lib/apt/lists/*\n", "FROM alpine:3.20\nRUN apk upgrade --no-cache\n"],
      good: ["FROM debian:12\nRUN apt-get update && apt-get install -y --only-upgrade openssl && rm -rf /var/lib/apt/lists/*\n", "FROM rockylinux:9\nRUN yum update -y openssl && yum clean all\n"],
      notes:
        "Off by default. hadolint removed its upgrade rules (DL3005 for apt-get upgrade in 2023, hadolint#964; DL3017/DL3031/DL3039 for apk/yum/dnf in 2021, hadolint#677) because upgrading is how many teams get security fixes that the base image does not have yet, and Docker's best-practices guide no longer advises against it. The trade-off (reproducibility and size against fresh security fixes) is a policy decision, so the rule is opt-in. Upgrades of named packages (`yum update openssl`) are not reported; dist-upgrades are `no-dist-upgrade`.",
      references: ["https://github.com/hadolint/hadolint/issues/964", "https://github.com/hadolint/hadolint/issues/677"],
    },
    since: "0.1.0",
  },
  check(context) {
    for (const run of runsToCheck(context.model)) {
      for (const op of run.packages) {
        if (!SYSTEM.has(op.manager) || op.kind !== "upgrade" || op.packages.length > 0 || DIST.has(op.subcommand[0] ?? "")) continue;
        if (op.subcommand.length > 1) continue; // group/module updates name what they update
        const word = subcommandWord(op);
        if (word === undefined) continue;
        context.report({ messageId: "upgrade", data: { program: op.program, subcommand: op.subcommand.join(" ") }, range: word.range });
      }
    }
  },
});
