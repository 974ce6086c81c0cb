import { defineRule } from "../src/engine/rule.js";
import { trimTrailing } from "../src/util/text.js";
import type { PackageManager, PackageOperation } from "../src/model/package-managers/types.js";
import type { Mount } from "../src/model/mounts.js";
import type { RunCall } from "../src/model/runs.js";
import { runsToCheck, subcommandWord } from "./_support/shell-commands.js";

/** Managers that read the same package index, by manager. */
const FAMILY: ReadonlyMap<PackageManager, string> = new Map([
  ["apt", "apt"], ["apk", "apk"], ["yum", "rpm"], ["dnf", "rpm"], ["microdnf", "rpm"], ["zypper", "zypper"],
]);

/** Subcommands other than installs and upgrades that read the index (`apt-get satisfy`, `apt-get download`, `apk fetch`, …). */
const READS_INDEX = new Set(["satisfy", "download", "source", "build-dep", "fetch", "list", "search", "show", "policy", "info"]);

/** Whether an operation uses a refreshed index. */
const usesIndex = (op: PackageOperation): boolean => op.kind === "install" || op.kind === "upgrade" || READS_INDEX.has(op.subcommand[0] ?? "");

/** Programs that may install packages out of sight: scripts, shells, `xargs apt-get install`, `install-packages`. */
const MAY_INSTALL = /^(sh|bash|dash|ash|zsh|ksh|xargs|eval|source|\.)$|\/|install|\.sh$|-(apt-get|apt|apk|yum|dnf|zypper)$/;

/** Whether an operation after `ops[index]` uses the index of `family`. */
function indexUsedLater(ops: readonly PackageOperation[], index: number, family: string): boolean {
  for (let i = index + 1; i < ops.length; i++) if (FAMILY.get(ops[i].manager) === family && usesIndex(ops[i])) return true;
  return false;
}

/** Whether a command after the update's may install packages out of sight. */
function mayInstallLater(calls: readonly RunCall[], update: PackageOperation): boolean {
  let i = 0;
  while (i < calls.length && calls[i].command !== update.command) i++;
  // Without a call of its own (not a literal program), every call counts.
  for (let j = i < calls.length ? i + 1 : 0; j < calls.length; j++) if (MAY_INSTALL.test(calls[j].program)) return true;
  return false;
}

/** Whether every cache the update writes is under a cache mount of the RUN. */
function allInCacheMounts(update: PackageOperation, mounts: readonly Mount[]): boolean {
  if (update.caches.length === 0) return false;
  const targets = mounts.filter((m) => m.type === "cache" && m.target !== undefined).map((m) => trimTrailing(m.target!, "/"));
  return update.caches.every((c) => targets.some((t) => c.path === t || c.path.startsWith(`${t}/`)));
}

export default defineRule({
  meta: {
    id: "no-separate-update",
    description: "Require package index updates to be followed by an install in the same RUN",
    category: "package-managers",
    severity: "warning",
    fixable: "none",
    aliases: ["DS-0017", "CKV_DOCKER_5"],
    appliesInOnbuild: true,
    messages: {
      separate: "`{{program}} {{subcommand}}` has no install after it in this RUN: the build cache keeps this layer, so a later install reads a stale index. Update and install in one RUN.",
    },
    docs: {
      why: "Docker caches each RUN by its text. When `apt-get update` is a RUN of its own, its layer is reused for months while the install line below it changes, so the install reads an old index and fails on packages that have moved on, or installs outdated ones. The lists it downloaded also stay in the image. Running the update and the install in the same RUN refreshes the index whenever the install changes.",
      bad: ["FROM debian:12\nRUN apt-get update\nRUN apt-get install -y --no-install-recommends curl && rm -rf /var/lib/apt/lists/*\n"],
      good: [
        "FROM debian:12\nRUN apt-get update && apt-get install -y --no-install-recommends curl && rm -rf /var/lib/apt/lists/*\n",
        "FROM alpine:3.20\nRUN apk add --no-cache curl\n",
      ],
      notes:
        "Updates are `apt-get update`, `apk update`, `yum makecache`/`dnf makecache` and `zypper refresh`; an install or upgrade with the same manager family later in the same RUN accepts them. So is an update followed by a command that may install out of sight: a script (`bash /tmp/setup.sh`, `./install.sh`), `sh -c`, `xargs apt-get install`, a program whose name says install (`install-packages`), or a wrapper such as `xx-apt-get`. Reading the index also counts (`apt-get satisfy`, `apt-get download`, `apk fetch`). An update whose index directory is on a cache mount (`--mount=type=cache,target=/var/lib/apt/lists`) is accepted: nothing is left in the layer and the mount is shared with the install.",
      references: ["https://docs.docker.com/build/building/best-practices/#apt-get", "https://avd.aquasec.com/misconfig/ds017"],
    },
    since: "0.1.0",
  },
  check(context) {
    for (const run of runsToCheck(context.model)) {
      const ops = run.packages;
      for (let i = 0; i < ops.length; i++) {
        const op = ops[i];
        const family = FAMILY.get(op.manager);
        if (family === undefined || op.kind !== "update" || indexUsedLater(ops, i, family)) continue;
        if (mayInstallLater(run.calls, op) || allInCacheMounts(op, run.flags.mounts)) continue;
        const word = subcommandWord(op);
        if (word === undefined) continue;
        context.report({ messageId: "separate", data: { program: op.program, subcommand: op.subcommand.join(" ") }, range: word.range });
      }
    }
  },
});
