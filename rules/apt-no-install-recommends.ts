import { defineRule } from "../src/engine/rule.js";
import { insertAfter, runsToCheck, subcommandWord } from "./_support/shell-commands.js";

export default defineRule({
  meta: {
    id: "apt-no-install-recommends",
    description: "Require --no-install-recommends with apt-get install",
    category: "package-managers",
    severity: "info",
    fixable: "safe",
    aliases: ["DL3015", "DS-0029"],
    appliesInOnbuild: true,
    messages: {
      noRecommends: "Add --no-install-recommends to `{{program}} install`: recommended packages are rarely needed in an image and add size.",
    },
    docs: {
      why: "By default apt also installs every package the requested ones *recommend*: documentation, optional tools, extra libraries. In an image they are rarely used and often add tens of megabytes. `--no-install-recommends` installs what is needed to run; name anything else explicitly.",
      bad: ["FROM debian:12\nRUN apt-get update && apt-get install -y curl && rm -rf /var/lib/apt/lists/*\n"],
      good: [
        "FROM debian:12\nRUN apt-get update && apt-get install -y --no-install-recommends curl ca-certificates && rm -rf /var/lib/apt/lists/*\n",
        "FROM debian:12\nRUN apt-get update && apt-get -o APT::Install-Recommends=false install -y curl && rm -rf /var/lib/apt/lists/*\n",
      ],
      notes:
        "`-o APT::Install-Recommends=false` (or `0`, `no`, `off`) counts as well. A setting in `/etc/apt/apt.conf.d` is not seen; switch the rule off for such images. The fix inserts `--no-install-recommends` after `install`; when something worked only thanks to a recommended package (for example `ca-certificates` for HTTPS downloads), name that package.",
      references: ["https://github.com/hadolint/hadolint/wiki/DL3015", "https://docs.docker.com/build/building/best-practices/#apt-get"],
    },
    since: "0.1.0",
  },
  check(context) {
    for (const run of runsToCheck(context.model)) {
      for (const op of run.packages) {
        if (op.manager !== "apt" || op.kind !== "install" || op.noInstallRecommends) continue;
        if (op.options.some((o) => o.name === "install-recommends")) continue;
        const word = subcommandWord(op);
        if (word === undefined) continue;
        context.report({ messageId: "noRecommends", data: { program: op.program }, range: word.range, fix: insertAfter(word, "--no-install-recommends") });
      }
    }
  },
});
