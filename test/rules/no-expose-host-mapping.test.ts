import rule from "../../rules/no-expose-host-mapping.js";
import { testRule } from "../support/rule-tester.js";

testRule(rule, {
  valid: ["FROM nginx\nEXPOSE 80 443/tcp\n", { code: "FROM nginx\nARG P\nEXPOSE $P\n", name: "unknown value" }],
  invalid: [
    {
      code: "FROM nginx\nEXPOSE 8080:80 127.0.0.1:8443:443/tcp\n",
      output: "FROM nginx\nEXPOSE 80 443/tcp\n",
      errors: [
        { message: "EXPOSE instruction should not define an IP address or host-port mapping, found '8080:80': only the container port 80 is exposed.", line: 2, column: 8, endColumn: 15, aliases: ["ExposeInvalidFormat"] },
        { messageId: "mapping", line: 2, column: 16, endColumn: 38 },
      ],
    },
    {
      name: "from a variable: reported, not fixed",
      code: "FROM nginx\nENV MAP=8080:80\nEXPOSE $MAP\n",
      errors: [{ messageId: "mapping", line: 3, column: 8, endColumn: 12 }],
    },
  ],
});
