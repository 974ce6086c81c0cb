import rule from "../../rules/no-sudo.js";
import { testRule } from "../support/rule-tester.js";

testRule(rule, {
  valid: [
    "FROM debian\nRUN apt-get update\n",
    { code: "FROM debian\nRUN apt-get install -y sudo && echo sudo && echo 'app ALL=(ALL) NOPASSWD:ALL' > /etc/sudoers.d/app\n", name: "installing or naming sudo" },
  ],
  invalid: [
    {
      code: "FROM debian\nRUN sudo apt-get update && /usr/bin/sudo -u app make\n",
      errors: [
        { message: "Do not use sudo: switch users with USER, and use gosu or su-exec when a container must drop privileges at run time.", line: 2, column: 5, endColumn: 9, aliases: ["DL3004", "DS-0010", "CKV2_DOCKER_1"] },
        { messageId: "sudo", line: 2, column: 28, endColumn: 41 },
      ],
    },
    {
      name: "behind env",
      code: "FROM debian\nRUN env A=1 sudo make install\n",
      errors: [{ messageId: "sudo", line: 2, column: 13, endColumn: 17 }],
    },
    {
      name: "ONBUILD",
      code: "FROM debian\nONBUILD RUN sudo make\n",
      errors: [{ messageId: "sudo", line: 2, column: 13, endColumn: 17 }],
    },
  ],
});
