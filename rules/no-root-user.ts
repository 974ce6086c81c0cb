import { defineRule } from "../src/engine/rule.js";
import { isRootUser, lastImageUser } from "./_support/image-user.js";

export default defineRule({
  meta: {
    id: "no-root-user",
    description: "Disallow root as the last USER of the target image",
    category: "security",
    severity: "warning",
    fixable: "none",
    aliases: ["DL3002", "DS-0002", "CKV_DOCKER_8"],
    messages: {
      root: "The image runs as root (USER {{user}} is the last USER of the target image): switch to an unprivileged user at the end.",
    },
    docs: {
      why: "A container that runs as root gives an attacker who gets into the process root inside the container, and a much shorter way out of it through any kernel or runtime weakness. Switching to root to install packages is fine, as long as the image ends with an unprivileged USER.",
      bad: ["FROM alpine\nRUN adduser -D app\nUSER app\nRUN id\nUSER root\n"],
      good: [
        "FROM alpine\nUSER root\nRUN apk add curl\nUSER 10001\n",
        "FROM golang:1.22 AS build\nUSER root\nRUN go build -o /app\nFROM gcr.io/distroless/static\nUSER nonroot\nCOPY --from=build /app /app\n",
      ],
      notes: "Only the image that is built counts: the target stage and the stages it is built FROM, in build order, so a builder stage running as root is not reported (the multi-stage false positives users reported against hadolint's DL3002). A USER whose value has an unknown variable is not judged. An image with no USER at all is `require-user`'s business.",
      references: ["https://docs.docker.com/build/building/best-practices/#user", "https://github.com/hadolint/hadolint/wiki/DL3002"],
    },
    since: "0.1.0",
  },
  check(context) {
    const last = lastImageUser(context.model);
    if (last?.value === undefined || !isRootUser(last.value)) return;
    context.report({ messageId: "root", data: { user: last.value }, node: last.instruction.value });
  },
});
