import rule from "../../rules/no-system-workdir.js";
import { testRule } from "../support/rule-tester.js";

testRule(rule, {
  valid: ["FROM alpine\nWORKDIR /app\nWORKDIR /devtools\nWORKDIR /procedures\n", { code: "FROM alpine\nARG D\nWORKDIR $D\n", name: "unknown value" }],
  invalid: [
    {
      code: "FROM alpine\nWORKDIR /proc/app\n",
      errors: [{ message: "WORKDIR /proc/app is inside the system directory /proc: keep application files out of kernel and boot directories.", line: 2, column: 9, endColumn: 18, aliases: ["DS-0030"] }],
    },
    {
      name: "exact directory, normalised, relative after a known WORKDIR",
      code: "FROM alpine\nWORKDIR /dev\nWORKDIR /x/../sys/\nWORKDIR /\nWORKDIR boot\n",
      errors: [
        { messageId: "system", line: 2, column: 9 },
        { messageId: "system", line: 3, column: 9 },
        { message: "WORKDIR /boot is inside the system directory /boot: keep application files out of kernel and boot directories.", line: 5, column: 9 },
      ],
    },
  ],
});
