import rule from "../../rules/prefer-apt-get.js";
import { testRule } from "../support/rule-tester.js";

testRule(rule, {
  valid: [
    "FROM debian\nRUN apt-get update && apt-get install -y curl && apt-cache policy curl\n",
    { code: "FROM debian\nRUN echo apt install x && apt-key add k\n", name: "apt as an argument, apt-key" },
    { code: "FROM debian\nRUN [\"apt\", \"install\", \"-y\", \"curl\"]\n", name: "exec form is not analysed" },
  ],
  invalid: [
    {
      code: "FROM ubuntu\nRUN apt update && apt install -y curl\n",
      output: "FROM ubuntu\nRUN apt-get update && apt-get install -y curl\n",
      errors: [
        { messageId: "useAptGet", line: 2, column: 5, endColumn: 8, aliases: ["DL3027", "CKV_DOCKER_9"] },
        { messageId: "useAptGet", line: 2, column: 19, endColumn: 22 },
      ],
    },
    {
      name: "sudo and a path",
      code: "FROM ubuntu\nRUN sudo /usr/bin/apt remove -y x\n",
      output: "FROM ubuntu\nRUN sudo /usr/bin/apt-get remove -y x\n",
      errors: [{ messageId: "useAptGet", line: 2, column: 10, endColumn: 22 }],
    },
    {
      name: "upgrade: unsafe fix",
      code: "FROM ubuntu\nRUN apt upgrade -y\n",
      output: "FROM ubuntu\nRUN apt-get upgrade -y\n",
      errors: [{ messageId: "useAptGet", line: 2, column: 5, endColumn: 8 }],
    },
    {
      name: "show becomes apt-cache",
      code: "FROM ubuntu\nRUN apt show curl\n",
      output: "FROM ubuntu\nRUN apt-cache show curl\n",
      errors: [{ message: "Use apt-cache instead of apt: apt is meant for people at a terminal and its command line may change between versions.", line: 2, column: 5, endColumn: 8 }],
    },
    {
      name: "no fix for list",
      code: "FROM ubuntu\nRUN apt list --installed\n",
      errors: [{ messageId: "useAptGet", line: 2, column: 5, endColumn: 8 }],
    },
  ],
});
