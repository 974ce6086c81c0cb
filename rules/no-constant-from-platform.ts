import { defineRule } from "../src/engine/rule.js";
import { expandText } from "../src/model/index.js";

/** Architecture spellings containerd's `platforms.Normalize` maps to the canonical name. */
const ARCHITECTURES: Readonly<Record<string, string>> = {
  x86_64: "amd64", "x86-64": "amd64", amd64: "amd64", aarch64: "arm64", arm64: "arm64", armhf: "arm", armel: "arm", arm: "arm",
  i386: "386", i486: "386", i586: "386", i686: "386", "386": "386", ppc64le: "ppc64le", s390x: "s390x", riscv64: "riscv64",
};
const SYSTEMS = new Set(["linux", "windows", "darwin", "freebsd", "netbsd", "openbsd", "solaris", "illumos", "aix", "wasip1", "js"]);

/** The OS and architecture of a platform string, as far as they can be read; undefined when it does not parse. */
function platformParts(value: string): { os: string; arch: string | undefined } | undefined {
  const parts = value.toLowerCase().split("/");
  if (parts.length === 1) {
    const arch = ARCHITECTURES[parts[0]];
    if (arch !== undefined) return { os: "linux", arch };
    return SYSTEMS.has(parts[0]) ? { os: parts[0], arch: undefined } : undefined;
  }
  if (parts.length > 3 || parts.some((p) => p === "")) return undefined;
  return { os: parts[0], arch: ARCHITECTURES[parts[1]] ?? parts[1] };
}

export default defineRule({
  meta: {
    id: "no-constant-from-platform",
    description: "Disallow a constant --platform value on FROM",
    category: "base-image",
    severity: "warning",
    fixable: "none",
    aliases: ["FromPlatformFlagConstDisallowed", "DL3029"],
    messages: {
      constant: "FROM --platform should not use the constant value '{{platform}}': the stage then builds for that platform only, whatever platform the build asks for.",
    },
    docs: {
      why: "A constant `--platform` pins the stage to one platform. Building the Dockerfile for another platform (`docker build --platform linux/arm64`, or a multi-platform build) still produces that stage for the constant platform, usually under emulation, and an image that does not run where it is meant to. Leave the platform to the build, or use `$BUILDPLATFORM` for stages that cross-compile.",
      bad: ["FROM --platform=linux/amd64 alpine:3.20\nRUN apk add --no-cache git\n"],
      good: [
        "FROM alpine:3.20\n",
        "FROM --platform=$BUILDPLATFORM golang:1.23 AS build\n",
        "FROM --platform=linux/amd64 alpine:3.20 AS build-amd64\nFROM --platform=linux/arm64 alpine:3.20 AS build-arm64\n",
      ],
      notes: "As BuildKit's FromPlatformFlagConstDisallowed: a value with any variable is not constant, and a stage whose name contains the platform's OS or architecture (`build-amd64`, `linux-base`) is taken as deliberately platform-specific. hadolint's DL3029 reports every `--platform` except `$BUILDPLATFORM`/`$TARGETPLATFORM`; this rule follows BuildKit, which accepts any variable.",
      references: ["https://docs.docker.com/reference/build-checks/from-platform-flag-const-disallowed/", "https://github.com/hadolint/hadolint/wiki/DL3029"],
    },
    since: "0.1.0",
  },
  check(context) {
    const { model } = context;
    for (const stage of model.stages) {
      const flag = stage.from.platform;
      if (flag?.value === undefined) continue;
      const expansion = expandText(flag.value.value, { get: (name) => model.globals.get(name) }, model.ast.escapeChar, "word");
      if (expansion.error !== undefined || expansion.matched.length > 0 || expansion.unresolved.length > 0) continue;
      const platform = platformParts(expansion.value);
      if (platform === undefined) continue;
      const name = stage.name ?? "";
      if (name.includes(platform.os) || (platform.arch !== undefined && name.includes(platform.arch))) continue;
      context.report({ messageId: "constant", data: { platform: expansion.value }, node: flag });
    }
  },
});
