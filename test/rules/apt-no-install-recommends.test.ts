import rule from "../../rules/apt-no-install-recommends.js";
import { testRule } from "../support/rule-tester.js";

testRule(rule, {
  valid: [
    "FROM debian\nRUN apt-get install -y --no-install-recommends curl\n",
    { code: "FROM debian\nRUN apt-get -o APT::Install-Recommends=false install -y curl\n", name: "apt option" },
    { code: "FROM debian\nRUN apt-get -o 'APT::Install-Recommends=0' install -y curl\n", name: "apt option, quoted, 0" },
    { code: "FROM debian\nRUN apt-get install -y --install-recommends ubuntu-desktop\n", name: "recommends asked for explicitly" },
    { code: "FROM debian\nRUN apt-get update && apt-get remove -y x && apt-get upgrade -y\n", name: "not an install" },
    { code: "FROM opensuse/leap\nRUN zypper -n install curl\n", name: "not apt" },
  ],
  invalid: [
    {
      code: "FROM debian\nRUN apt-get update && apt-get install -y curl\n",
      output: "FROM debian\nRUN apt-get update && apt-get install --no-install-recommends -y curl\n",
      errors: [{ messageId: "noRecommends", line: 2, column: 31, endColumn: 38, aliases: ["DL3015", "DS-0029"] }],
    },
    {
      name: "apt, wrapped, continuation lines",
      code: "FROM ubuntu\nRUN sudo apt -y \\\n    install curl\n",
      output: "FROM ubuntu\nRUN sudo apt -y \\\n    install --no-install-recommends curl\n",
      errors: [{ messageId: "noRecommends", line: 3, column: 5, endColumn: 12 }],
    },
    {
      name: "reinstall",
      code: "FROM debian\nRUN apt-get reinstall -y curl\n",
      output: "FROM debian\nRUN apt-get reinstall --no-install-recommends -y curl\n",
      errors: [{ messageId: "noRecommends", line: 2, column: 13, endColumn: 22 }],
    },
  ],
});
