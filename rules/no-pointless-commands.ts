import { defineRule } from "../src/engine/rule.js";
import { runsToCheck } from "./_support/shell-commands.js";

/** Commands that act on a running system, a terminal or another machine (hadolint's list). */
const POINTLESS: ReadonlyMap<string, string> = new Map([
  ["free", "it reports the builder's memory, not that of the machines the image will run on"],
  ["kill", "the processes it signals end with the RUN anyway"],
  ["mount", "mounts made in a RUN are gone when it ends"],
  ["ps", "it lists only the processes of this RUN"],
  ["service", "services started in a RUN stop when it ends"],
  ["shutdown", "there is no system to shut down"],
  ["ssh", "it needs keys and a remote host the build should not depend on"],
  ["top", "it is interactive and never ends without a terminal"],
  ["vim", "it is interactive and waits for input forever"],
]);

export default defineRule({
  meta: {
    id: "no-pointless-commands",
    description: "Disallow interactive and system commands that make no sense in a build",
    category: "shell",
    severity: "info",
    fixable: "none",
    aliases: ["DL3001"],
    appliesInOnbuild: true,
    messages: {
      pointless: "`{{program}}` makes no sense in a build: {{why}}.",
    },
    docs: {
      why: "A RUN executes once in a throw-away container and keeps only the files it changed. Commands that manage running processes, mounts, services or interactive sessions have no lasting effect there (or hang the build), which usually means the Dockerfile is written like a setup script for a machine.",
      bad: ["FROM debian:12\nRUN service nginx start\n", "FROM debian:12\nRUN vim /etc/app.conf\n"],
      good: ["FROM debian:12\nCOPY app.conf /etc/app.conf\nCMD [\"nginx\", \"-g\", \"daemon off;\"]\n"],
      notes: "The list is hadolint's: free, kill, mount, ps, service, shutdown, ssh, top, vim. A legitimate use (starting a database to seed it in the same RUN) can be kept with `# dockerlint ignore=no-pointless-commands`.",
      references: ["https://github.com/hadolint/hadolint/wiki/DL3001"],
    },
    since: "0.1.0",
  },
  check(context) {
    for (const run of runsToCheck(context.model)) {
      for (const call of run.calls) {
        const why = POINTLESS.get(call.program);
        if (why !== undefined) context.report({ messageId: "pointless", data: { program: call.program, why }, range: call.programWord.range });
      }
    }
  },
});
