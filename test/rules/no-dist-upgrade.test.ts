import rule from "../../rules/no-dist-upgrade.js";
import { testRule } from "../support/rule-tester.js";

testRule(rule, {
  valid: [
    "FROM debian\nRUN apt-get upgrade -y && apt-get install -y x\n",
    { code: "FROM opensuse/leap\nRUN zypper -n up\n", name: "zypper update" },
    { code: "FROM debian\nRUN echo dist-upgrade\n", name: "not a package manager" },
  ],
  invalid: [
    {
      code: "FROM debian\nRUN apt-get dist-upgrade -y && apt full-upgrade -y\n",
      errors: [
        { messageId: "distUpgrade", line: 2, column: 13, endColumn: 25, aliases: ["DS-0024"] },
        { messageId: "distUpgrade", line: 2, column: 36, endColumn: 48, aliases: ["DS-0024"] },
      ],
    },
    {
      code: "FROM opensuse/leap\nRUN zypper -n dist-upgrade && zypper -n dup\n",
      errors: [
        { messageId: "distUpgrade", line: 2, column: 15, endColumn: 27, aliases: ["DL3035"] },
        { messageId: "distUpgrade", line: 2, column: 41, endColumn: 44, aliases: ["DL3035"] },
      ],
    },
    {
      code: "FROM fedora\nRUN dnf -y distro-sync\n",
      errors: [{ messageId: "distUpgrade", line: 2, column: 12, endColumn: 23, aliases: [] }],
    },
  ],
});
