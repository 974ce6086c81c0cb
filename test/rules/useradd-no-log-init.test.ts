import rule from "../../rules/useradd-no-log-init.js";
import { testRule } from "../support/rule-tester.js";

testRule(rule, {
  valid: [
    "FROM debian\nRUN useradd -l -u 123456 app && useradd --no-log-init --uid=200000 b\n",
    { code: "FROM debian\nRUN useradd -u 1001 app && useradd app2\n", name: "low or default UIDs" },
    { code: "FROM debian\nARG UID\nRUN useradd -u $UID app\n", name: "unknown UID" },
    { code: "FROM debian\nRUN useradd -u 70000 app\n", name: "below the threshold", options: {} },
    { code: "FROM debian\nRUN useradd -c 1234567 app\n", name: "another option's value" },
  ],
  invalid: [
    {
      code: "FROM debian\nRUN useradd -m -u 123456 app\n",
      output: "FROM debian\nRUN useradd -l -m -u 123456 app\n",
      errors: [{ message: "Add -l to useradd: with UID 123456, the lastlog and faillog files grow to about 36 MB, and image layers do not keep them sparse.", line: 2, column: 5, endColumn: 12, aliases: ["DL3046"] }],
    },
    {
      name: "UID from an ARG, long option",
      code: "FROM debian\nARG APP_UID=999999\nRUN sudo useradd --uid=${APP_UID} app\n",
      output: "FROM debian\nARG APP_UID=999999\nRUN sudo useradd -l --uid=${APP_UID} app\n",
      errors: [{ messageId: "noLogInit", line: 3, column: 10, endColumn: 17 }],
    },
    {
      name: "minUid option",
      code: "FROM debian\nRUN useradd -u 70000 app\n",
      options: { minUid: 65536 },
      output: "FROM debian\nRUN useradd -l -u 70000 app\n",
      errors: [{ messageId: "noLogInit", line: 2, column: 5, endColumn: 12 }],
    },
  ],
});
