import rule from "../../rules/no-chpasswd.js";
import { testRule } from "../support/rule-tester.js";

testRule(rule, {
  valid: ["FROM debian\nRUN useradd -m app && passwd -d app\n", { code: "FROM debian\nRUN echo chpasswd\n", name: "as an argument" }],
  invalid: [
    {
      code: "FROM debian\nRUN echo 'root:toor' | chpasswd\n",
      errors: [{ messageId: "chpasswd", line: 2, column: 24, endColumn: 32, aliases: ["CKV2_DOCKER_17"] }],
    },
    {
      name: "with sudo and a path",
      code: "FROM debian\nRUN echo \"app:$PW\" | sudo /usr/sbin/chpasswd -e\n",
      errors: [{ messageId: "chpasswd", line: 2, column: 27, endColumn: 45 }],
    },
  ],
});
