import type { Flag, HealthcheckInstruction } from "../src/ast/nodes.js";
import { defineRule } from "../src/engine/rule.js";
import { instructionsOfType } from "./_support/instructions.js";

const DURATION_FLAGS = new Set(["interval", "timeout", "start-period", "start-interval"]);
const UNIT_NANOS: Readonly<Record<string, number>> = { ns: 1, us: 1e3, "µs": 1e3, "μs": 1e3, ms: 1e6, s: 1e9, m: 60e9, h: 3600e9 };
const MILLISECOND = 1e6;
const MAX_INT32 = 2 ** 31 - 1;

/**
 * Go's `time.ParseDuration`: the duration in nanoseconds, or Go's error text.
 *
 * @example
 * ```ts
 * goDuration("1m30s"); // { nanos: 90e9 }
 * goDuration("5");     // { error: 'time: missing unit in duration "5"' }
 * ```
 */
export function goDuration(text: string): { nanos: number } | { error: string } {
  const quoted = JSON.stringify(text);
  let rest = text;
  let sign = 1;
  if (rest.startsWith("-") || rest.startsWith("+")) {
    sign = rest.startsWith("-") ? -1 : 1;
    rest = rest.slice(1);
  }
  if (rest === "0") return { nanos: 0 };
  if (rest === "") return { error: `time: invalid duration ${quoted}` };
  let total = 0;
  while (rest !== "") {
    const number = /^(\d*)(?:\.(\d*))?/.exec(rest)!;
    if (number[0] === "" || number[0] === ".") return { error: `time: invalid duration ${quoted}` };
    rest = rest.slice(number[0].length);
    const unit = /^[^\d.]*/.exec(rest)![0];
    if (unit === "") return { error: `time: missing unit in duration ${quoted}` };
    if (!Object.hasOwn(UNIT_NANOS, unit)) return { error: `time: unknown unit ${JSON.stringify(unit)} in duration ${quoted}` };
    rest = rest.slice(unit.length);
    total += Number(`${number[1] || "0"}.${number[2] || "0"}`) * UNIT_NANOS[unit];
  }
  if (total > 2 ** 63) return { error: `time: invalid duration ${quoted}` };
  return { nanos: sign * total };
}

type Report = (messageId: string, data: Record<string, string>, flag: Flag) => void;

function checkFlag(flag: Flag, report: Report): void {
  const name = flag.name.value;
  const value = flag.value?.value;
  if (value === undefined || value === "") return;
  if (DURATION_FLAGS.has(name)) {
    const duration = goDuration(value);
    if ("error" in duration) report("badDuration", { name, error: duration.error }, flag);
    else if (duration.nanos !== 0 && duration.nanos < MILLISECOND) report("tooShort", { name }, flag);
  } else if (name === "retries") {
    if (!/^[+-]?\d+$/.test(value) || Math.abs(Number(value)) > MAX_INT32 + 1) report("badRetries", { value }, flag);
    else if (Number(value) < 0) report("negativeRetries", { value: String(Number(value)) }, flag);
  }
}

function checkForm(instruction: HealthcheckInstruction, report: (messageId: string, data: Record<string, string>) => void): void {
  const kind = instruction.kind;
  if (kind === undefined) return;
  const type = kind.value.toUpperCase();
  if (type === "NONE") {
    if (instruction.args.length > 1) report("noneWithArguments", {});
  } else if (type !== "CMD") {
    report("unknownType", { type });
  } else if (instruction.command === undefined || (instruction.command.type === "ExecForm" && instruction.command.elements.length === 0)) {
    report("missingCommand", {});
  }
}

export default defineRule({
  meta: {
    id: "valid-healthcheck",
    description: "Require HEALTHCHECK to be CMD with a command or NONE alone, with valid durations and retries",
    category: "instructions",
    severity: "error",
    fixable: "none",
    aliases: [],
    messages: {
      unknownType: "Unknown type \"{{type}}\" in HEALTHCHECK (try CMD).",
      missingCommand: "Missing command after HEALTHCHECK CMD.",
      noneWithArguments: "HEALTHCHECK NONE takes no arguments.",
      badDuration: "The value of --{{name}} is not a duration ({{error}}): write a number with a unit, such as 30s or 1m30s.",
      tooShort: "The value of --{{name}} cannot be less than 1ms.",
      badRetries: "The value of --retries must be a whole number, not \"{{value}}\".",
      negativeRetries: "The value of --retries cannot be negative ({{value}}).",
    },
    docs: {
      why: "BuildKit rejects a HEALTHCHECK whose type is neither CMD nor NONE, a CMD without a command, NONE followed by anything, durations Go cannot parse (a bare `30` has no unit) or shorter than a millisecond, and a negative or non-numeric `--retries`. Each of these fails the build.",
      bad: [
        "FROM nginx\nHEALTHCHECK --interval=30 CMD curl -f http://localhost/\n",
        "FROM nginx\nHEALTHCHECK CMD-SHELL curl -f http://localhost/\n",
        "FROM nginx\nHEALTHCHECK CMD\n",
        "FROM nginx\nHEALTHCHECK NONE curl\n",
        "FROM nginx\nHEALTHCHECK --retries=-1 CMD curl -f http://localhost/\n",
      ],
      good: [
        "FROM nginx\nHEALTHCHECK --interval=30s --timeout=5s --start-period=1m --retries=3 CMD curl -f http://localhost/ || exit 1\n",
        "FROM nginx\nHEALTHCHECK NONE\n",
        "FROM nginx\nHEALTHCHECK --interval=0 CMD [\"/healthcheck\"]\n",
      ],
      notes: "Durations follow Go's `time.ParseDuration` (units ns, us, ms, s, m, h; `0` needs no unit). Flags of `HEALTHCHECK NONE` are ignored, as BuildKit ignores them. Unknown HEALTHCHECK flags are reported by `valid-flags`; several HEALTHCHECKs in one stage by `no-multiple-instructions`.",
      references: ["https://docs.docker.com/reference/dockerfile/#healthcheck"],
    },
    appliesInOnbuild: true,
    since: "0.1.0",
  },
  check(context) {
    for (const instruction of instructionsOfType(context.model, ["HEALTHCHECK"], "with-triggers")) {
      checkForm(instruction, (messageId, data) => context.report({ messageId, data, node: instruction.kind }));
      if (instruction.kind?.value.toUpperCase() === "NONE") continue;
      for (const flag of instruction.flags) checkFlag(flag, (messageId, data, node) => context.report({ messageId, data, node }));
    }
  },
});
