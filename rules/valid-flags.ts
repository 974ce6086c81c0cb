import type { Flag, Instruction } from "../src/ast/nodes.js";
import { defineRule } from "../src/engine/rule.js";
import { buildkitSuggestion, withTriggers } from "./_support/instructions.js";

type FlagKind = "string" | "bool" | "multi";

/** The flags each instruction declares in BuildKit's instruction layer; instructions not listed take none. */
const FLAGS: Partial<Record<Instruction["type"], Readonly<Record<string, FlagKind>>>> = {
  FROM: { platform: "string" },
  RUN: { mount: "multi", network: "string", security: "string", device: "multi" },
  ADD: { chown: "string", chmod: "string", checksum: "string", link: "bool", "keep-git-dir": "bool", unpack: "bool", exclude: "multi" },
  COPY: { from: "string", chown: "string", chmod: "string", link: "bool", parents: "bool", exclude: "multi" },
  HEALTHCHECK: { interval: "string", timeout: "string", "start-period": "string", "start-interval": "string", retries: "string" },
};

/**
 * Instructions whose parser never looks at flags (STOPSIGNAL, HEALTHCHECK NONE), unknown ones, and
 * ONBUILD, whose own flags `no-invalid-onbuild-trigger` reports.
 */
function ignoresFlags(instruction: Instruction): boolean {
  if (instruction.type === "STOPSIGNAL" || instruction.type === "UNKNOWN" || instruction.type === "ONBUILD") return true;
  return instruction.type === "HEALTHCHECK" && instruction.kind?.value.toUpperCase() === "NONE";
}

export default defineRule({
  meta: {
    id: "valid-flags",
    description: "Disallow unknown, repeated and valueless instruction flags",
    category: "instructions",
    severity: "error",
    fixable: "none",
    aliases: [],
    messages: {
      unknown: "Unknown flag --{{name}} for {{keyword}}.",
      unknownSuggest: "Unknown flag --{{name}} for {{keyword}} (did you mean --{{suggestion}}?).",
      duplicate: "Flag --{{name}} is given twice (BuildKit: \"duplicate flag specified: --{{name}}\").",
      missingValue: "Flag --{{name}} needs a value: write --{{name}}=<value>.",
      notBoolean: "Flag --{{name}} takes true or false, not \"{{value}}\".",
    },
    docs: {
      why: "BuildKit checks the flags of every instruction before building: a flag the instruction does not have, a flag given twice, a string flag without `=value` or a boolean flag with another value than true/false stops the build with a parse error. Flags that newer BuildKit versions added (such as `COPY --parents` or `ADD --checksum`) are known.",
      bad: ["FROM alpine\nCOPY --chmood=755 run.sh /usr/local/bin/\n", "FROM alpine\nCOPY --from=build --from=deps /app /app\n", "FROM alpine\nCOPY --from build /app /app\n", "FROM alpine\nCOPY --link=yes a /a\n", "FROM alpine\nENV --foo A=1\n"],
      good: ["FROM alpine\nCOPY --chmod=755 --link run.sh /usr/local/bin/\n", "FROM alpine\nRUN --mount=type=cache,target=/root/.cache --mount=type=tmpfs,target=/tmp make\n", "FROM alpine\nSTOPSIGNAL --whatever SIGTERM\n"],
      notes: "Flag names are case-sensitive. `--mount`, `--exclude` and `--device` may be repeated. STOPSIGNAL and `HEALTHCHECK NONE` ignore flags entirely, as BuildKit does. The values of `RUN --network`, `--security` and `--mount` are checked by the semantic model. Flags of ONBUILD itself are reported by `no-invalid-onbuild-trigger`; its trigger's flags are checked here, as the downstream build will check them.",
      references: ["https://docs.docker.com/reference/dockerfile/"],
    },
    appliesInOnbuild: true,
    since: "0.1.0",
  },
  check(context) {
    for (const instruction of withTriggers(context.model)) {
      if (instruction.flags.length === 0 || ignoresFlags(instruction)) continue;
      const declared = FLAGS[instruction.type] ?? {};
      const keyword = instruction.type;
      // Most instructions have one flag: names are only remembered from the second on.
      let seen: Set<string> | undefined;
      for (const flag of instruction.flags) {
        const name = flag.name.value;
        const kind = Object.hasOwn(declared, name) ? declared[name] : undefined;
        if (kind === undefined) {
          const suggestion = buildkitSuggestion(name, Object.keys(declared), true);
          context.report(suggestion === undefined ? { messageId: "unknown", data: { name, keyword }, node: flag } : { messageId: "unknownSuggest", data: { name, keyword, suggestion }, node: flag });
          continue;
        }
        if (instruction.flags.length > 1) {
          seen ??= new Set();
          if (kind !== "multi" && seen.has(name)) context.report({ messageId: "duplicate", data: { name, keyword }, node: flag });
          seen.add(name);
        }
        const problem = valueProblem(flag, kind);
        if (problem !== undefined) context.report({ messageId: problem, data: { name, keyword, value: problem === "notBoolean" ? flag.value!.value : "" }, node: flag });
      }
    }
  },
});

/** What is wrong with a declared flag's value: `missingValue`, `notBoolean`, or nothing. */
function valueProblem(flag: Flag, kind: FlagKind): "missingValue" | "notBoolean" | undefined {
  const value = flag.value?.value;
  if (kind === "bool") {
    if (value === "") return "missingValue";
    if (value !== undefined && !isBoolean(value)) return "notBoolean";
    return undefined;
  }
  return value === undefined ? "missingValue" : undefined;
}

/** `true` or `false` in any case. */
function isBoolean(value: string): boolean {
  const lower = value.toLowerCase();
  return lower === "true" || lower === "false";
}
