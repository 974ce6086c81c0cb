import { defineRule } from "../src/engine/rule.js";
import { isRootUser, lastImageUser } from "./_support/image-user.js";

export default defineRule({
  meta: {
    id: "user-numeric-uid",
    description: "Require a numeric UID (and GID) in the last USER of the target image",
    category: "security",
    severity: "info",
    fixable: "none",
    aliases: ["DL3066"],
    messages: {
      name: "USER {{user}} names the user: use the numeric UID{{group}} so that runtimes can verify it is not root.",
    },
    docs: {
      why: "Kubernetes' `runAsNonRoot` and similar admission checks can only prove that an image does not run as root when its user is a number: a name such as `app` might map to UID 0 in `/etc/passwd`, so such images are rejected or need an explicit `runAsUser`.",
      bad: ["FROM alpine\nRUN adduser -D -u 10001 app\nUSER app\n", "FROM alpine\nUSER 10001:app\n"],
      good: ["FROM alpine\nRUN adduser -D -u 10001 app\nUSER 10001:10001\n", "FROM alpine\nUSER 10001\n"],
      notes: "Only the last USER of the target image is judged (as in hadolint), root is `no-root-user`'s business, and a value with unknown variables is skipped. Info by default: names are fine where no such policy applies.",
      references: ["https://github.com/hadolint/hadolint/wiki/DL3066", "https://kubernetes.io/docs/concepts/security/pod-security-standards/"],
    },
    since: "0.1.0",
  },
  check(context) {
    const last = lastImageUser(context.model);
    if (last?.value === undefined || isRootUser(last.value)) return;
    const [user, group] = last.value.split(":");
    if (/^\d+$/.test(user) && (group === undefined || /^\d+$/.test(group))) return;
    context.report({ messageId: "name", data: { user: last.value, group: group === undefined ? "" : " and GID" }, node: last.instruction.value });
  },
});
