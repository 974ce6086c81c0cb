import { defineRule } from "../src/engine/rule.js";
import { parseImageReference } from "../src/model/image-ref.js";

interface Options {
  registries: string[];
}

/** Names of Docker Hub that mean the same as `docker.io`. */
const DOCKER_HUB = new Set(["docker.io", "index.docker.io", "registry-1.docker.io", "hub.docker.com"]);

/** Normalises a registry host for comparison: lower case, Docker Hub's aliases as `docker.io`. */
function normalise(registry: string): string {
  const lower = registry.toLowerCase();
  return DOCKER_HUB.has(lower) ? "docker.io" : lower;
}

/** Whether `registry` matches an allow-list entry: exact, `*` for any, `*.example.com` for its subdomains. */
function allowed(registry: string, entry: string): boolean {
  const pattern = normalise(entry);
  if (pattern === "*") return true;
  if (pattern.startsWith("*.")) return registry.endsWith(pattern.slice(1)) && registry.length > pattern.length - 1;
  return registry === pattern;
}

export default defineRule<Options>({
  meta: {
    id: "trusted-registries",
    description: "Require base images and images copied from to come from trusted registries",
    category: "base-image",
    severity: "off",
    fixable: "none",
    aliases: ["DL3026"],
    messages: {
      untrusted: "Base image '{{image}}' comes from '{{registry}}', which is not a trusted registry ({{trusted}}).",
      untrustedSource: "Image '{{image}}' (copied or mounted from) comes from '{{registry}}', which is not a trusted registry ({{trusted}}).",
    },
    schema: {
      type: "object",
      additionalProperties: false,
      properties: {
        registries: {
          type: "array",
          items: { type: "string", minLength: 1 },
          default: ["docker.io"],
          description: "Registries base images may come from: a host (`ghcr.io`, `registry.example.com:5000`), `*.example.com` for every subdomain, `*` for any; `docker.io` means Docker Hub, including images written without a registry (`alpine`).",
        },
      },
    },
    docs: {
      why: "Pulling images from arbitrary registries means trusting whoever runs them with everything the image does at build and run time, and with the files copied out of it. Organisations often mirror or vet images in their own registry; this rule makes sure every FROM, `COPY --from=<image>` and `RUN --mount=from=<image>` goes through it.",
      bad: ["FROM quay.io/prometheus/node-exporter:v1.8.2\n", "FROM alpine:3.20\nCOPY --from=ghcr.io/acme/tools:1 /bin/tool /usr/local/bin/\n"],
      good: ["FROM alpine:3.20\n", "FROM docker.io/library/alpine:3.20\n", "FROM scratch\n", "FROM alpine:3.20 AS base\nFROM base\n"],
      notes: "Off by default, like hadolint's DL3026, which only runs when `trustedRegistries` is configured: an allow-list is a policy only the project can write. Switched on without options it allows Docker Hub only. Configure it as `\"trusted-registries\": [\"error\", { \"registries\": [\"docker.io\", \"*.gcr.io\", \"registry.example.com\"] }]`. Image names are expanded against the global ARGs first; a registry that comes from a variable without a known value is left alone. `scratch` and earlier stages are not pulled. As in hadolint 2.15, images named by `COPY --from` and `RUN --mount=from=` are checked too.",
      references: ["https://github.com/hadolint/hadolint#configure", "https://github.com/hadolint/hadolint/wiki/DL3026"],
    },
    since: "0.1.0",
  },
  check(context) {
    const registries = context.options.registries ?? [];
    const trusted = registries.length === 0 ? "none configured" : registries.join(", ");
    for (const stage of context.model.stages) {
      const image = stage.from.image;
      if (image === undefined || stage.base.kind !== "image") continue;
      let registry: string;
      if (stage.base.ref !== undefined) registry = normalise(stage.base.ref.domain);
      else if (stage.base.unresolved.length > 0 && image.registry !== undefined && !image.registry.value.includes("$")) registry = normalise(image.registry.value);
      else continue;
      if (registries.some((entry) => allowed(registry, entry))) continue;
      context.report({
        messageId: "untrusted",
        data: { image: stage.base.name, registry, trusted },
        node: image.registry ?? image,
      });
    }
    for (const edge of context.model.graph.edges) {
      if (edge.onbuild || edge.target !== undefined || edge.image === undefined || edge.image.includes("$")) continue;
      const parsed = parseImageReference(edge.image);
      if (!parsed.ok || parsed.ref.isScratch) continue;
      const registry = normalise(parsed.ref.domain);
      if (registries.some((entry) => allowed(registry, entry))) continue;
      context.report({ messageId: "untrustedSource", data: { image: edge.image, registry, trusted }, node: edge.reference });
    }
  },
});
