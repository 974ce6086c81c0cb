import rule from "../../rules/no-pointless-commands.js";
import { testRule } from "../support/rule-tester.js";

testRule(rule, {
  valid: [
    "FROM debian\nRUN apt-get install -y vim openssh-client procps && echo ps\n",
    { code: "FROM debian\nRUN ssh-keyscan github.com >> /etc/ssh/ssh_known_hosts\n", name: "ssh-keyscan" },
  ],
  invalid: [
    {
      code: "FROM debian\nRUN service mysql start && mysql < seed.sql\n",
      errors: [{ message: "`service` makes no sense in a build: services started in a RUN stop when it ends.", line: 2, column: 5, endColumn: 12, aliases: ["DL3001"] }],
    },
    {
      code: "FROM debian\nRUN sudo vim /etc/x && ps aux | grep x\n",
      errors: [
        { messageId: "pointless", line: 2, column: 10, endColumn: 13 },
        { messageId: "pointless", line: 2, column: 24, endColumn: 26 },
      ],
    },
  ],
});
