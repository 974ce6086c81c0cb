import { defineRule } from "../src/engine/rule.js";
import { expandText } from "../src/model/index.js";

/** Stands in for the value of TARGETPLATFORM, to see whether a platform is exactly that variable. */
const TARGET = "\u0000target-platform\u0000";

export default defineRule({
  meta: {
    id: "no-redundant-target-platform",
    description: "Disallow FROM --platform=$TARGETPLATFORM, which is the default",
    category: "base-image",
    severity: "warning",
    fixable: "safe",
    aliases: ["RedundantTargetPlatform", "DL3065"],
    messages: {
      redundant: "Setting FROM --platform to '{{platform}}' is redundant: a stage is built for the target platform by default.",
    },
    docs: {
      why: "Every stage is built for the target platform unless `--platform` says otherwise, so `--platform=$TARGETPLATFORM` only adds noise, and makes readers look for a reason that is not there.",
      bad: ["FROM --platform=$TARGETPLATFORM alpine:3.20\n", "FROM --platform=${TARGETPLATFORM} node:22 AS app\n"],
      good: ["FROM alpine:3.20\n", "FROM --platform=$BUILDPLATFORM golang:1.23 AS build\n", "FROM --platform=linux/${TARGETARCH} alpine:3.20\n"],
      notes: "As BuildKit's RedundantTargetPlatform: reported when `TARGETPLATFORM` is the only variable and the value is exactly its value. The fix removes the flag.",
      references: ["https://docs.docker.com/reference/build-checks/redundant-target-platform/", "https://github.com/hadolint/hadolint/wiki/DL3065"],
    },
    since: "0.1.0",
  },
  check(context) {
    const { model, source } = context;
    for (const stage of model.stages) {
      const flag = stage.from.platform;
      if (flag?.value === undefined) continue;
      const expansion = expandText(flag.value.value, { get: (name) => (name === "TARGETPLATFORM" ? TARGET : undefined) }, model.ast.escapeChar, "word");
      if (expansion.value !== TARGET || expansion.unresolved.length > 0 || expansion.matched.length !== 1) continue;
      let end = flag.range[1];
      while (source[end] === " " || source[end] === "\t") end++;
      context.report({ messageId: "redundant", data: { platform: flag.value.value }, node: flag, fix: { edits: [{ range: [flag.range[0], end], text: "" }] } });
    }
  },
});
