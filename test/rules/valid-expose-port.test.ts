import rule from "../../rules/valid-expose-port.js";
import { testRule } from "../support/rule-tester.js";

testRule(rule, {
  valid: [
    "FROM nginx\nEXPOSE 80 443/tcp 53/udp 9/sctp 8000-8010 0 65535\n",
    { code: "FROM nginx\nEXPOSE 80/TCP\n", name: "protocol case is expose-protocol-casing's" },
    { code: "FROM nginx\nEXPOSE 8080:80\n", name: "host mappings parse" },
    { code: "FROM nginx\nARG PORT\nEXPOSE $PORT\n", name: "unknown values are skipped" },
    { code: "FROM nginx\nENV PORTS=\"80 443\"\nEXPOSE $PORTS\n", name: "a variable holding several ports" },
  ],
  invalid: [
    {
      code: "FROM nginx\nEXPOSE 80 80000\n",
      errors: [{ message: "EXPOSE 80000 is not a valid port: value out of range (0–65535).", line: 2, column: 11, endColumn: 16, aliases: ["DL3011", "DS-0008"] }],
    },
    {
      name: "protocol, range, words",
      code: "FROM nginx\nEXPOSE 80/http 9000-8000 port 8080:99999\n",
      errors: [
        { message: "EXPOSE 80/http is not a valid port: invalid protocol \"http\" (use tcp, udp or sctp).", line: 2, column: 8, endColumn: 15, aliases: [] },
        { message: "EXPOSE 9000-8000 is not a valid port: invalid port range: 9000-8000.", line: 2, column: 16, endColumn: 25, aliases: [] },
        { message: "EXPOSE port is not a valid port: \"port\" is not a number.", line: 2, column: 26, endColumn: 30 },
        { messageId: "invalid", line: 2, column: 31, endColumn: 41, aliases: ["DL3011", "DS-0008"] },
      ],
    },
    {
      name: "a variable's value",
      code: "FROM nginx\nARG PORT=70000\nEXPOSE ${PORT}/tcp\n",
      errors: [{ message: "EXPOSE 70000/tcp is not a valid port: value out of range (0–65535).", line: 3, column: 8, endColumn: 19 }],
    },
  ],
});
