import { defineRule } from "../src/engine/rule.js";
import { runsToCheck } from "./_support/shell-commands.js";

/** Container engines whose `run --privileged` gives a nested container the host's devices. */
const ENGINES = new Set(["docker", "podman", "nerdctl"]);

export default defineRule({
  meta: {
    id: "no-privileged-run",
    description: "Disallow privileged RUN steps (RUN --security=insecure, docker run --privileged)",
    category: "security",
    severity: "warning",
    fixable: "none",
    aliases: [],
    appliesInOnbuild: true,
    messages: {
      insecure: "RUN --security=insecure runs this step with all capabilities and the host's devices: the build needs the security.insecure entitlement and the step can affect the host. Find a way that works unprivileged.",
      privileged: "`{{program}} run --privileged` inside a build starts a container with full access to the host's devices. Find a way that works unprivileged.",
    },
    docs: {
      why: "A privileged step is not isolated from the builder: it can load kernel modules, mount host devices and change the machine that builds. BuildKit only runs `RUN --security=insecure` when the builder is started with the `security.insecure` entitlement and the build allows it, so such a Dockerfile also fails on an ordinary builder.",
      bad: ["# syntax=docker/dockerfile:1-labs\nFROM debian:12\nRUN --security=insecure mount -t tmpfs none /mnt\n"],
      good: ["FROM debian:12\nRUN --mount=type=tmpfs,target=/mnt ls /mnt\n"],
      notes: "Reported: the `--security=insecure` flag of RUN, and `--privileged` on `docker run`/`podman run`/`nerdctl run` inside RUN. The concept comes from projectatomic/dockerfile_lint's `privileged_run_container`, which matched the word \"privileged\" anywhere in RUN.",
      references: ["https://docs.docker.com/reference/dockerfile/#run---security"],
    },
    since: "0.1.0",
  },
  check(context) {
    for (const run of runsToCheck(context.model)) {
      if (run.flags.security === "insecure") {
        const flag = run.instruction.flags.find((f) => f.name.value === "security");
        if (flag !== undefined) context.report({ messageId: "insecure", range: flag.range });
      }
      for (const call of run.calls) {
        if (!ENGINES.has(call.program) || call.args[0]?.value !== "run" && call.args[0]?.value !== "container") continue;
        const word = call.args.find((a) => a.value === "--privileged" || a.value === "--privileged=true");
        if (word !== undefined) context.report({ messageId: "privileged", data: { program: call.program }, range: word.range });
      }
    }
  },
});
