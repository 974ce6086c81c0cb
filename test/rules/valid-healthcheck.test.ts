import { describe, expect, it } from "vitest";
import rule, { goDuration } from "../../rules/valid-healthcheck.js";
import { testRule } from "../support/rule-tester.js";

describe("goDuration", () => {
  it("reads Go durations", () => {
    expect(goDuration("1m30s")).toEqual({ nanos: 90e9 });
    expect(goDuration("1.5h")).toEqual({ nanos: 5400e9 });
    expect(goDuration("-0")).toEqual({ nanos: 0 });
    expect(goDuration("500us")).toEqual({ nanos: 500e3 });
    expect(goDuration(".5s")).toEqual({ nanos: 0.5e9 });
  });
  it("gives Go's errors", () => {
    expect(goDuration("5")).toEqual({ error: 'time: missing unit in duration "5"' });
    expect(goDuration("5x")).toEqual({ error: 'time: unknown unit "x" in duration "5x"' });
    expect(goDuration("s")).toEqual({ error: 'time: invalid duration "s"' });
    expect(goDuration("")).toEqual({ error: 'time: invalid duration ""' });
    expect(goDuration("1s ")).toEqual({ error: 'time: unknown unit "s " in duration "1s "' });
  });
});

testRule(rule, {
  valid: [
    "FROM nginx\nHEALTHCHECK --interval=30s --timeout=5s --start-period=1m --start-interval=2s --retries=3 CMD curl -f http://localhost/\n",
    { code: "FROM nginx\nHEALTHCHECK NONE\n", name: "NONE" },
    { code: "FROM nginx\nHEALTHCHECK --interval=5 NONE\n", name: "NONE ignores its flags" },
    { code: "FROM nginx\nhealthcheck cmd [\"/check\"]\n", name: "type in any case" },
    { code: "FROM nginx\nHEALTHCHECK --interval=0 --timeout= --retries=0 CMD true\n", name: "zero and empty values" },
  ],
  invalid: [
    {
      code: "FROM nginx\nHEALTHCHECK --interval=30 CMD curl -f http://localhost/\n",
      errors: [{ message: "The value of --interval is not a duration (time: missing unit in duration \"30\"): write a number with a unit, such as 30s or 1m30s.", line: 2, column: 13, endColumn: 26 }],
    },
    {
      name: "less than a millisecond",
      code: "FROM nginx\nHEALTHCHECK --timeout=50ns CMD true\nHEALTHCHECK --start-period=-1s CMD true\n",
      errors: [
        { message: "The value of --timeout cannot be less than 1ms.", line: 2, column: 13, endColumn: 27 },
        { message: "The value of --start-period cannot be less than 1ms.", line: 3, column: 13 },
      ],
    },
    {
      name: "retries",
      code: "FROM nginx\nHEALTHCHECK --retries=-1 CMD true\nHEALTHCHECK --retries=three CMD true\n",
      errors: [
        { message: "The value of --retries cannot be negative (-1).", line: 2, column: 13, endColumn: 25 },
        { message: "The value of --retries must be a whole number, not \"three\".", line: 3, column: 13 },
      ],
    },
    {
      name: "forms",
      code: "FROM nginx\nHEALTHCHECK CMD-SHELL curl x\nHEALTHCHECK CMD\nHEALTHCHECK cmd []\nHEALTHCHECK NONE curl\n",
      errors: [
        { message: "Unknown type \"CMD-SHELL\" in HEALTHCHECK (try CMD).", line: 2, column: 13, endColumn: 22 },
        { messageId: "missingCommand", line: 3, column: 13, endColumn: 16 },
        { messageId: "missingCommand", line: 4, column: 13, endColumn: 16 },
        { messageId: "noneWithArguments", line: 5, column: 13, endColumn: 17 },
      ],
    },
    {
      name: "inside ONBUILD",
      code: "FROM nginx\nONBUILD HEALTHCHECK --interval=1 CMD true\n",
      errors: [{ messageId: "badDuration", line: 2, column: 21, endColumn: 33 }],
    },
  ],
});
