import { defineRule } from "../src/engine/rule.js";
import { runsToCheck } from "./_support/shell-commands.js";

export default defineRule({
  meta: {
    id: "no-sudo",
    description: "Disallow sudo in RUN",
    category: "security",
    severity: "error",
    fixable: "none",
    aliases: ["DL3004", "DS-0010", "CKV2_DOCKER_1"],
    appliesInOnbuild: true,
    messages: {
      sudo: "Do not use sudo: switch users with USER, and use gosu or su-exec when a container must drop privileges at run time.",
    },
    docs: {
      why: "sudo has no place in a build: RUN already runs as the current USER, so switch with `USER root` and back. sudo needs a tty or configuration to work non-interactively, behaves differently across distributions, and installing it leaves a privilege-escalation tool and policy in the image. For entrypoints that start as root and drop privileges, gosu or su-exec are made for containers.",
      bad: ["FROM debian:12\nUSER app\nRUN sudo apt-get update && sudo apt-get install -y --no-install-recommends curl\n"],
      good: ["FROM debian:12\nUSER root\nRUN apt-get update && apt-get install -y --no-install-recommends curl && rm -rf /var/lib/apt/lists/*\nUSER app\n"],
      notes: "Every `sudo` command is reported, also behind `env` or `command`.",
      references: ["https://github.com/hadolint/hadolint/wiki/DL3004", "https://github.com/tianon/gosu"],
    },
    since: "0.1.0",
  },
  check(context) {
    for (const run of runsToCheck(context.model)) {
      for (const command of run.shellScript?.commands ?? []) {
        const words = command.name === undefined ? [] : [command.name, ...command.args];
        // `sudo` as the program, or after wrappers that run their argument (`env sudo …`, `command sudo …`).
        const at = words.findIndex((w, i) => /(^|\/)sudo$/.test(w.value ?? "") && words.slice(0, i).every((p) => /^(env|command|exec|[A-Za-z_]\w*=.*|-.*)$/.test(p.value ?? "")));
        if (at >= 0) context.report({ messageId: "sudo", range: words[at].range });
      }
    }
  },
});
