import { defineRule } from "../src/engine/rule.js";
import { exposedEntries, portRange, splitPortSpec } from "./_support/expose.js";
import { instructionsOfType } from "./_support/instructions.js";

const PROTOCOLS = new Set(["tcp", "udp", "sctp"]);
const RANGE_ALIASES = ["DL3011", "DS-0008"];

/** Why BuildKit rejects an EXPOSE word, and whether the problem is a port number out of range. */
function problem(text: string): { reason: string; outOfRange: boolean } | undefined {
  const spec = splitPortSpec(text);
  if (spec.containerPort === "") return { reason: "no port specified", outOfRange: false };
  if (spec.proto !== "" && !PROTOCOLS.has(spec.proto.toLowerCase())) return { reason: `invalid protocol "${spec.proto}" (use tcp, udp or sctp)`, outOfRange: false };
  for (const part of spec.hostPort === "" ? [spec.containerPort] : [spec.containerPort, spec.hostPort]) {
    const range = portRange(part);
    if ("error" in range) return { reason: range.error, outOfRange: range.error.startsWith("value out of range") };
  }
  return undefined;
}

export default defineRule({
  meta: {
    id: "valid-expose-port",
    description: "Require EXPOSE ports between 0 and 65535 with a tcp, udp or sctp protocol",
    category: "instructions",
    severity: "error",
    fixable: "none",
    aliases: RANGE_ALIASES,
    messages: {
      invalid: "EXPOSE {{port}} is not a valid port: {{reason}}.",
    },
    docs: {
      why: "BuildKit parses every EXPOSE entry as `port[-port][/protocol]`; a port outside 0–65535, a reversed range, a word that is not a number or a protocol other than tcp, udp or sctp fails the build.",
      bad: ["FROM nginx\nEXPOSE 80000\n", "FROM nginx\nEXPOSE 80/http\n", "FROM nginx\nEXPOSE 9000-8000\n", "FROM nginx\nEXPOSE port\n"],
      good: ["FROM nginx\nEXPOSE 80 443/tcp 53/udp 8000-8010\n", "FROM nginx\nARG PORT=8080\nEXPOSE ${PORT}\n"],
      notes: "Entries are expanded first (an ENV or ARG can hold several ports); entries whose variables have no known value are skipped. Host mappings (`8080:80`) are `no-expose-host-mapping`'s business, protocol case `expose-protocol-casing`'s. The hadolint and Trivy aliases apply to ports out of range.",
      references: ["https://docs.docker.com/reference/dockerfile/#expose", "https://github.com/hadolint/hadolint/wiki/DL3011"],
    },
    appliesInOnbuild: true,
    since: "0.1.0",
  },
  check(context) {
    for (const instruction of instructionsOfType(context.model, ["EXPOSE"], "with-triggers")) {
      for (const entry of exposedEntries(context.model, instruction)) {
        const found = problem(entry.text);
        if (found === undefined) continue;
        context.report({ messageId: "invalid", data: { port: entry.text, reason: found.reason }, node: entry.arg, aliases: found.outOfRange ? RANGE_ALIASES : [] });
      }
    }
  },
});
