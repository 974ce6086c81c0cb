import { defineRule } from "../src/engine/rule.js";
import { hasImageInstruction, imageStages } from "./_support/target-image.js";

export default defineRule({
  meta: {
    id: "require-healthcheck",
    description: "Require a HEALTHCHECK in the image",
    category: "instructions",
    severity: "info",
    fixable: "none",
    aliases: ["DL3057", "DS-0026", "CKV_DOCKER_2"],
    messages: {
      missing: "The image built by stage {{stage}} has no HEALTHCHECK: Docker and Swarm cannot tell a hung service from a healthy one. Add `HEALTHCHECK CMD …`, or `HEALTHCHECK NONE` to say it is deliberate.",
    },
    docs: {
      why: "Without a HEALTHCHECK, a container counts as healthy as long as its main process runs, even when it deadlocks or stops answering. Docker, Docker Compose (`depends_on: condition: service_healthy`) and Swarm use the health status to order start-up and replace broken containers.",
      bad: ["FROM nginx:1.27\nCOPY site/ /usr/share/nginx/html/\n"],
      good: [
        "FROM nginx:1.27\nHEALTHCHECK CMD curl -fs http://localhost/ || exit 1\n",
        "FROM node:22 AS base\nHEALTHCHECK CMD node healthcheck.js\nFROM base\nCOPY . /app\n",
        "FROM golang:1.23 AS build\nFROM alpine:3.20\nHEALTHCHECK NONE\n",
      ],
      notes: "Only the image the build produces is judged: the target stage and the stages it is built FROM (a HEALTHCHECK there is inherited). A HEALTHCHECK in the base image cannot be seen, and many images are not services (build tools, CLIs, jobs) or run where the orchestrator probes them (Kubernetes ignores HEALTHCHECK). That is why this is information only (hadolint has DL3057 off by default); `HEALTHCHECK NONE` records a deliberate choice and silences it.",
      references: ["https://docs.docker.com/reference/dockerfile/#healthcheck", "https://github.com/hadolint/hadolint/wiki/DL3057"],
    },
    since: "0.1.0",
  },
  check(context) {
    const { model } = context;
    const target = imageStages(model)[0];
    if (target === undefined || hasImageInstruction(model, "HEALTHCHECK")) return;
    context.report({ messageId: "missing", data: { stage: target.id }, node: target.from.keyword });
  },
});
