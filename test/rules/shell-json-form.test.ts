import rule from "../../rules/shell-json-form.js";
import { testRule } from "../support/rule-tester.js";

testRule(rule, {
  valid: [
    "FROM alpine\nSHELL [\"/bin/sh\", \"-c\"]\n",
    { code: "FROM mcr.microsoft.com/windows/servercore\nSHELL [\"powershell\", \"-Command\"]\n", name: "Windows shells" },
  ],
  invalid: [
    {
      code: "FROM alpine\nSHELL /bin/sh -c\n",
      errors: [{ messageId: "notJson", line: 2, column: 7, endColumn: 17 }],
    },
    {
      name: "single quotes are not JSON",
      code: "FROM alpine\nSHELL ['/bin/bash', '-c']\n",
      errors: [{ messageId: "notJson", line: 2, column: 7, endColumn: 26 }],
    },
    {
      name: "an empty array",
      code: "FROM alpine\nSHELL []\n",
      errors: [{ messageId: "empty", line: 2, column: 7, endColumn: 9 }],
    },
    {
      name: "no argument at all",
      code: "FROM alpine\nSHELL\n",
      errors: [{ messageId: "empty", line: 2, column: 1, endColumn: 6 }],
    },
    {
      name: "inside ONBUILD",
      code: "FROM alpine\nONBUILD SHELL bash\n",
      errors: [{ messageId: "notJson", line: 2, column: 15, endColumn: 19 }],
    },
  ],
});
