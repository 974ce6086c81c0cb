import { defineRule } from "../src/engine/rule.js";
import { exposedEntries, portRange, splitPortSpec } from "./_support/expose.js";
import { imageInstructions, imageStages, inImageStages } from "./_support/target-image.js";
import { instructionsOfType } from "./_support/instructions.js";
import type { ExposeInstruction } from "../src/ast/nodes.js";
import type { RuleContext } from "../src/engine/rule.js";
import type { PackageManager } from "../src/model/package-managers/types.js";

/** Whether a package installs an SSH server: `openssh-server` and `dropbear` anywhere, `openssh` with apk. */
function isSshServer(name: string, manager: PackageManager): boolean {
  return name === "openssh-server" || name === "dropbear" || (name === "openssh" && manager === "apk");
}

function checkExpose(context: RuleContext, instruction: ExposeInstruction): void {
  for (const entry of exposedEntries(context.model, instruction)) {
    if (exposes22(entry.text)) context.report({ messageId: "expose", data: { port: entry.text }, node: entry.arg });
  }
}

function exposes22(text: string): boolean {
  const spec = splitPortSpec(text);
  const range = portRange(spec.containerPort);
  return !("error" in range) && range.start <= 22 && 22 <= range.end && spec.proto.toLowerCase() !== "udp";
}

export default defineRule({
  meta: {
    id: "no-ssh",
    description: "Disallow SSH servers in the target image",
    category: "security",
    severity: "warning",
    fixable: "none",
    aliases: ["DS-0004", "CKV_DOCKER_1"],
    messages: {
      expose: "EXPOSE {{port}} opens the SSH port: containers should not run an SSH server; use `docker exec` (or `kubectl exec`) to get a shell.",
      install: "Package {{package}} installs an SSH server into the image: containers should not run one; use `docker exec` (or `kubectl exec`) to get a shell.",
    },
    docs: {
      why: "An SSH server in a container is one more service to patch, configure and protect, with long-lived credentials baked into the image. Container runtimes already give shell access with `docker exec` and `kubectl exec`, with their own access control.",
      bad: ["FROM ubuntu:24.04\nRUN apt-get update && apt-get install -y openssh-server\nEXPOSE 22\n"],
      good: [
        "FROM ubuntu:24.04\nRUN apt-get update && apt-get install -y openssh-client\n",
        "FROM ubuntu:24.04 AS tools\nRUN apt-get update && apt-get install -y openssh-server\nFROM ubuntu:24.04\nEXPOSE 8080\n",
      ],
      notes: "Only the image that is built counts (the target stage and the stages it is built FROM). Installs are read from the package managers' commands (`openssh-server` and `dropbear` anywhere, `openssh` on Alpine, where it includes the server). Trivy and Checkov look at `EXPOSE 22` only; their aliases are on those findings.",
      references: ["https://docs.docker.com/reference/cli/docker/container/exec/"],
    },
    since: "0.1.0",
  },
  check(context) {
    const { model } = context;
    if (imageStages(model).length === 0) return;
    if (instructionsOfType(model, ["EXPOSE"], "with-triggers").length > 0) {
      for (const instruction of imageInstructions(model)) if (instruction.type === "EXPOSE") checkExpose(context, instruction);
    }
    for (const run of model.runs) {
      if (!inImageStages(model, run.stage)) continue;
      for (const operation of run.packages) {
        if (operation.kind !== "install") continue;
        for (const spec of operation.packages) {
          if (isSshServer(spec.name, operation.manager)) {
            context.report({ messageId: "install", data: { package: spec.name }, range: spec.word.range, aliases: [] });
          }
        }
      }
    }
  },
});
