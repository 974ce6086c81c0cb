import { defineRule } from "../src/engine/rule.js";
import { exposedEntries, splitPortSpec } from "./_support/expose.js";
import { instructionsOfType } from "./_support/instructions.js";

export default defineRule({
  meta: {
    id: "expose-protocol-casing",
    description: "Enforce lowercase protocols in EXPOSE",
    category: "instructions",
    severity: "warning",
    fixable: "safe",
    aliases: ["ExposeProtoCasing"],
    messages: {
      casing: "Defined protocol '{{port}}' in EXPOSE instruction should be lowercase.",
    },
    docs: {
      why: "BuildKit accepts `80/TCP` and lowercases the protocol in the image config, but warns about it: the documented spelling is lowercase, and other tools may compare protocols case-sensitively.",
      bad: ["FROM nginx\nEXPOSE 80/TCP\n"],
      good: ["FROM nginx\nEXPOSE 80/tcp 53/udp\n"],
      notes: "The fix lowercases the protocol of entries written without variables.",
      references: ["https://docs.docker.com/go/dockerfile/rule/expose-proto-casing/"],
    },
    appliesInOnbuild: true,
    since: "0.1.0",
  },
  check(context) {
    for (const instruction of instructionsOfType(context.model, ["EXPOSE"], "with-triggers")) {
      for (const entry of exposedEntries(context.model, instruction)) {
        if (!entry.text.includes("/")) continue; // no protocol
        const proto = splitPortSpec(entry.text).proto;
        if (proto === proto.toLowerCase()) continue;
        const protocol = instruction.ports.find((p) => p.value === entry.arg.value && p.range[0] === entry.arg.range[0])?.protocol;
        const fixable = entry.literal && protocol !== undefined && protocol.map === undefined && protocol.value === proto;
        context.report({
          messageId: "casing",
          data: { port: entry.text },
          node: fixable ? protocol : entry.arg,
          fix: fixable ? { edits: [{ range: protocol.range, text: proto.toLowerCase() }] } : undefined,
        });
      }
    }
  },
});
