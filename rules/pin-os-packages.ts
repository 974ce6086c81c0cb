import { defineRule } from "../src/engine/rule.js";
import type { PackageManager, PackageOperation } from "../src/model/package-managers/types.js";
import type { ShellWord } from "../src/model/shell-types.js";
import { runsToCheck, unpinnedWords } from "./_support/shell-commands.js";

/** The system package managers this rule checks: the alias of each (as a finding's aliases) and how a pin is written. */
const MANAGERS: ReadonlyMap<PackageManager, { aliases: readonly string[]; pin: string }> = new Map([
  ["apt", { aliases: ["DL3008"], pin: "=<version>" }],
  ["apk", { aliases: ["DL3018"], pin: "=<version>" }],
  ["yum", { aliases: ["DL3033"], pin: "-<version>" }],
  ["zypper", { aliases: ["DL3037"], pin: "=<version>" }],
  ["dnf", { aliases: ["DL3041"], pin: "-<version>" }],
  ["microdnf", { aliases: ["DL3041"], pin: "-<version>" }],
]);

/** Subcommands that install groups, which have no versions. */
const GROUP_INSTALL = new Set(["groupinstall", "group", "groups"]);

export default defineRule({
  meta: {
    id: "pin-os-packages",
    description: "Require version pins for packages installed with apt, apk, yum, dnf and zypper",
    category: "package-managers",
    severity: "info",
    fixable: "none",
    aliases: ["DL3008", "DL3018", "DL3033", "DL3037", "DL3041"],
    appliesInOnbuild: true,
    messages: {
      pin: "Pin the version of {{names}} ({{program}} install {{example}}) so that rebuilding installs the same package.",
    },
    docs: {
      why: "Without a version, every rebuild installs whatever the distribution's index offers that day, so two builds of the same Dockerfile can differ. A pin makes the change visible in the Dockerfile. The cost is real: Debian, Ubuntu and Alpine remove superseded versions from their archives, so a pinned build fails once the version is gone. That is why the rule is `info` by default: pin the base image by digest and update pins deliberately, or switch the rule off.",
      bad: [
        "FROM debian:12\nRUN apt-get update && apt-get install -y --no-install-recommends curl && rm -rf /var/lib/apt/lists/*\n",
        "FROM alpine:3.20\nRUN apk add --no-cache git\n",
        "FROM fedora:40\nRUN dnf install -y nginx && dnf clean all\n",
      ],
      good: [
        "FROM debian:12\nRUN apt-get update && apt-get install -y --no-install-recommends curl=7.88.1-10+deb12u8 && rm -rf /var/lib/apt/lists/*\n",
        "FROM alpine:3.20\nRUN apk add --no-cache git~2.45\n",
        "FROM fedora:40\nRUN dnf install -y nginx-1.26.1 && dnf clean all\n",
        "FROM debian:12\nARG PACKAGES\nRUN apt-get update && apt-get install -y $PACKAGES ./vendor/tool.deb && rm -rf /var/lib/apt/lists/*\n",
        "FROM debian:12\nRUN apt-get update && apt-get install -y -t bookworm-backports golang && rm -rf /var/lib/apt/lists/*\n",
      ],
      notes:
        "Not reported: packages in variables (`$PACKAGES`, `python3-$PY`: the pin belongs where the variable is set), local files and URLs (`./x.deb`, `/tmp/x.rpm`), packages whose version comes from a variable (`curl=$CURL_VERSION`), apt packages selected by release (`pkg/bookworm-backports`, or every package of an `apt-get install -t <release>`), yum/dnf groups (`@development`, `groupinstall`). Each finding carries the hadolint id of its manager (`DL3008` apt, `DL3018` apk, `DL3033` yum, `DL3037` zypper, `DL3041` dnf/microdnf), so `\"DL3008\": \"off\"` in the configuration silences apt only. Language packages (pip, npm, gem, go) are `pin-language-packages`: their registries keep old versions, so that rule is a warning.",
      references: [
        "https://github.com/hadolint/hadolint/wiki/DL3008",
        "https://github.com/hadolint/hadolint/issues/884",
        "https://docs.docker.com/build/building/best-practices/#apt-get",
      ],
    },
    since: "0.1.0",
  },
  check(context) {
    for (const run of runsToCheck(context.model)) {
      for (const op of run.packages) {
        if (op.kind !== "install") continue;
        const manager = MANAGERS.get(op.manager);
        if (manager === undefined || GROUP_INSTALL.has(op.subcommand[0] ?? "")) continue;
        if (op.manager === "apt" && op.targetRelease !== undefined) continue;
        for (const { word, names } of unpinnedWords(op)) {
          if (onlyGroups(names) || selectedByRelease(op, word)) continue;
          context.report({
            messageId: "pin",
            data: { names: names.join(", "), program: op.program, example: `${names[0]}${manager.pin}` },
            range: word.range,
            aliases: manager.aliases,
          });
        }
      }
    }
  },
});

/** Whether every name is a yum/dnf group (`@development`). */
function onlyGroups(names: readonly string[]): boolean {
  for (const name of names) if (name.charCodeAt(0) !== 0x40 /* @ */) return false;
  return true;
}

/** An apt package chosen by release (`pkg/bookworm-backports`): the release stands for the version. */
function selectedByRelease(op: PackageOperation, word: ShellWord): boolean {
  if (op.manager !== "apt") return false;
  for (const p of op.packages) if (p.word === word && p.release !== undefined) return true;
  return false;
}
