import type { Instruction } from "../src/ast/nodes.js";
import { defineRule } from "../src/engine/rule.js";
import { instructionsOfType } from "./_support/instructions.js";
import { knownValue } from "./_support/variables.js";

/** Signal names Linux knows (moby/sys/signal's SignalMap), without the SIG prefix. */
const SIGNALS = new Set([
  "ABRT", "ALRM", "BUS", "CHLD", "CLD", "CONT", "FPE", "HUP", "ILL", "INT", "IO", "IOT", "KILL", "PIPE", "POLL",
  "PROF", "PWR", "QUIT", "SEGV", "STKFLT", "STOP", "SYS", "TERM", "TRAP", "TSTP", "TTIN", "TTOU", "URG", "USR1",
  "USR2", "VTALRM", "WINCH", "XCPU", "XFSZ", "RTMIN", "RTMAX",
  ...Array.from({ length: 15 }, (_, i) => `RTMIN+${i + 1}`),
  ...Array.from({ length: 14 }, (_, i) => `RTMAX-${i + 1}`),
]);

/**
 * Whether BuildKit's `signal.ParseSignal` accepts `text`: a non-zero integer, or a signal name in
 * any case with or without `SIG`.
 *
 * @example
 * ```ts
 * isValidSignal("sigterm"); // true
 * isValidSignal("0");       // false
 * ```
 */
export function isValidSignal(text: string): boolean {
  if (/^[+-]?\d+$/.test(text)) return Number(text) !== 0;
  const upper = text.toUpperCase();
  return SIGNALS.has(upper.startsWith("SIG") ? upper.slice(3) : upper);
}

export default defineRule({
  meta: {
    id: "valid-stopsignal",
    description: "Require STOPSIGNAL to name a signal Linux knows",
    category: "instructions",
    severity: "error",
    fixable: "none",
    aliases: [],
    messages: {
      invalid: "Invalid STOPSIGNAL {{signal}}: use a signal name such as SIGTERM or SIGQUIT, or its number.",
    },
    docs: {
      why: "STOPSIGNAL sets the signal `docker stop` sends. BuildKit checks it while building, and a name it does not know (or 0) fails the build.",
      bad: ["FROM nginx\nSTOPSIGNAL SIGTERMINATE\n", "FROM nginx\nSTOPSIGNAL 0\n"],
      good: ["FROM nginx\nSTOPSIGNAL SIGQUIT\n", "FROM nginx\nSTOPSIGNAL 15\n", "FROM nginx\nSTOPSIGNAL sigrtmin+3\n", "FROM nginx\nARG SIGNAL=SIGINT\nSTOPSIGNAL $SIGNAL\n"],
      notes: "Names are matched case-insensitively, with or without `SIG`, against the Linux signal table BuildKit uses. The value is judged after expansion and skipped when a variable has no known value.",
      references: ["https://docs.docker.com/reference/dockerfile/#stopsignal"],
    },
    appliesInOnbuild: true,
    since: "0.1.0",
  },
  check(context) {
    // Typed as any instruction: the single-value instructions share one node type, which the type test narrows.
    const stopsignals: readonly Instruction[] = instructionsOfType(context.model, ["STOPSIGNAL"], "with-triggers");
    for (const instruction of stopsignals) {
      if (instruction.type !== "STOPSIGNAL" || instruction.value === undefined) continue;
      const signal = knownValue(context.model.resolve(instruction.value, instruction));
      if (signal === undefined || isValidSignal(signal)) continue;
      context.report({ messageId: "invalid", data: { signal }, node: instruction.value });
    }
  },
});
