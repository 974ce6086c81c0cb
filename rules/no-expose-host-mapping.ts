import { defineRule } from "../src/engine/rule.js";
import { exposedEntries, splitPortSpec } from "./_support/expose.js";
import { instructionsOfType } from "./_support/instructions.js";

export default defineRule({
  meta: {
    id: "no-expose-host-mapping",
    description: "Disallow IP addresses and host ports in EXPOSE",
    category: "instructions",
    severity: "warning",
    fixable: "safe",
    aliases: ["ExposeInvalidFormat"],
    messages: {
      mapping: "EXPOSE instruction should not define an IP address or host-port mapping, found '{{port}}': only the container port {{container}} is exposed.",
    },
    docs: {
      why: "EXPOSE documents which container ports the image listens on. Publishing to a host port or address is decided when the container runs (`docker run -p`); BuildKit keeps only the container port of `8080:80` or `127.0.0.1:8080:80` and warns that the rest is ignored.",
      bad: ["FROM nginx\nEXPOSE 8080:80\n", "FROM nginx\nEXPOSE 127.0.0.1:8080:80/tcp\n"],
      good: ["FROM nginx\nEXPOSE 80/tcp\n"],
      notes: "The fix keeps what BuildKit keeps, the container port and protocol, for entries written without variables.",
      references: ["https://docs.docker.com/go/dockerfile/rule/expose-invalid-format/"],
    },
    appliesInOnbuild: true,
    since: "0.1.0",
  },
  check(context) {
    for (const instruction of instructionsOfType(context.model, ["EXPOSE"], "with-triggers")) {
      for (const entry of exposedEntries(context.model, instruction)) {
        // Without a `:` there is neither address nor host port.
        if (!entry.text.includes(":")) continue;
        const spec = splitPortSpec(entry.text);
        if (spec.ip === "" && spec.hostPort === "") continue;
        const container = spec.proto === "" ? spec.containerPort : `${spec.containerPort}/${spec.proto}`;
        context.report({
          messageId: "mapping",
          data: { port: entry.text, container },
          node: entry.arg,
          fix: entry.literal && spec.containerPort !== "" ? { edits: [{ range: entry.arg.range, text: container }] } : undefined,
        });
      }
    }
  },
});
