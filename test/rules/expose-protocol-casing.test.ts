import rule from "../../rules/expose-protocol-casing.js";
import { testRule } from "../support/rule-tester.js";

testRule(rule, {
  valid: ["FROM nginx\nEXPOSE 80/tcp 53/udp 8080\n"],
  invalid: [
    {
      code: "FROM nginx\nEXPOSE 80/TCP 53/Udp\n",
      output: "FROM nginx\nEXPOSE 80/tcp 53/udp\n",
      errors: [
        { message: "Defined protocol '80/TCP' in EXPOSE instruction should be lowercase.", line: 2, column: 11, endColumn: 14, aliases: ["ExposeProtoCasing"] },
        { messageId: "casing", line: 2, column: 18, endColumn: 21 },
      ],
    },
    {
      name: "from a variable: reported, not fixed",
      code: "FROM nginx\nARG P=UDP\nEXPOSE 53/$P\n",
      errors: [{ message: "Defined protocol '53/UDP' in EXPOSE instruction should be lowercase.", line: 3, column: 8, endColumn: 13 }],
    },
  ],
});
