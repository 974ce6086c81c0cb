import { describe, expect, it } from "vitest";
import rule, { isValidSignal } from "../../rules/valid-stopsignal.js";
import { testRule } from "../support/rule-tester.js";

describe("isValidSignal", () => {
  it("follows moby's ParseSignal", () => {
    expect(["SIGTERM", "term", "SigQuit", "9", "-1", "SIGRTMIN+15", "RTMAX-14"].every(isValidSignal)).toBe(true);
    expect(["0", "SIGFOO", "SIGRTMIN+16", "", "SIG"].some(isValidSignal)).toBe(false);
  });
});

testRule(rule, {
  valid: [
    "FROM nginx\nSTOPSIGNAL SIGQUIT\n",
    { code: "FROM nginx\nARG S\nSTOPSIGNAL $S\n", name: "unknown value" },
    { code: "FROM nginx\nARG S=SIGINT\nSTOPSIGNAL $S\n", name: "a known value" },
  ],
  invalid: [
    {
      code: "FROM nginx\nSTOPSIGNAL SIGTERMINATE\n",
      errors: [{ message: "Invalid STOPSIGNAL SIGTERMINATE: use a signal name such as SIGTERM or SIGQUIT, or its number.", line: 2, column: 12, endColumn: 24 }],
    },
    {
      name: "zero, and a variable's value",
      code: "FROM nginx\nSTOPSIGNAL 0\nENV S=KILLALL\nSTOPSIGNAL $S\n",
      errors: [{ messageId: "invalid", line: 2, column: 12 }, { message: "Invalid STOPSIGNAL KILLALL: use a signal name such as SIGTERM or SIGQUIT, or its number.", line: 4, column: 12 }],
    },
  ],
});
