import { defineRule } from "../src/engine/rule.js";
import { runsToCheck } from "./_support/shell-commands.js";

export default defineRule({
  meta: {
    id: "no-chpasswd",
    description: "Disallow setting passwords with chpasswd in the image",
    category: "security",
    severity: "warning",
    fixable: "none",
    aliases: ["CKV2_DOCKER_17"],
    appliesInOnbuild: true,
    messages: {
      chpasswd: "`chpasswd` bakes a password into the image: its hash is in /etc/shadow of every container started from it, and a password written in the Dockerfile is also in the build history. Use key-based access, or set secrets at run time.",
    },
    docs: {
      why: "A password set at build time is the same for every container started from the image, cannot be rotated without a rebuild, and is readable from the Dockerfile, the build history (`docker history`) and `/etc/shadow` in the image. Containers rarely need local passwords at all; when they do, set them at start-up from a secret.",
      bad: ["FROM debian:12\nRUN useradd -m app && echo 'app:secret' | chpasswd\n"],
      good: ["FROM debian:12\nRUN useradd -m app\nUSER app\n"],
      notes: "Every `chpasswd` command is reported, including `chpasswd -e` with a pre-hashed password (the hash can be cracked offline).",
      references: ["https://docs.docker.com/build/building/secrets/"],
    },
    since: "0.1.0",
  },
  check(context) {
    for (const run of runsToCheck(context.model)) {
      for (const call of run.calls) {
        if (call.program === "chpasswd") context.report({ messageId: "chpasswd", range: call.programWord.range });
      }
    }
  },
});
