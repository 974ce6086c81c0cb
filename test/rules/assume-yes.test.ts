import rule from "../../rules/assume-yes.js";
import { testRule } from "../support/rule-tester.js";

testRule(rule, {
  valid: [
    "FROM debian\nRUN apt-get update && apt-get install -y curl && apt-get --yes remove x && apt-get --assume-yes upgrade\n",
    { code: "FROM debian\nRUN apt-get -qq install curl && apt-get -q=2 install git\n", name: "-qq implies -y" },
    { code: "FROM debian\nRUN apt-get -o APT::Get::Assume-Yes=true install curl\n", name: "apt option" },
    { code: "FROM debian\nRUN apt-get update && apt-get clean && apt-get autoclean\n", name: "commands that never ask" },
    { code: "FROM debian\nRUN yes | apt-get install curl\n", name: "fed by yes" },
    { code: "FROM debian\nRUN if apt-get install -s \"postgresql-$PG_MAJOR-jit\" > /dev/null 2>&1; then echo ok; fi\n", name: "a simulation (corpus)" },
    { code: "FROM fedora\nRUN dnf -y install x && yum --assumeyes install y && microdnf install z && yum clean all && dnf makecache\n", name: "rpm family" },
    { code: "FROM opensuse/leap\nRUN zypper -n install x && zypper --non-interactive up && zypper install -y z && zypper refresh\n", name: "zypper" },
    { code: "FROM alpine\nRUN apk add curl\n", name: "apk never asks" },
  ],
  invalid: [
    {
      code: "FROM debian\nRUN apt-get update && apt-get install curl\n",
      output: "FROM debian\nRUN apt-get update && apt-get install -y curl\n",
      errors: [{ message: "Add -y to `apt-get install`: a build cannot answer its confirmation prompt.", line: 2, column: 31, endColumn: 38, aliases: ["DL3014", "DS-0021"] }],
    },
    {
      name: "with sudo and options before the subcommand",
      code: "FROM ubuntu\nRUN sudo apt -q install curl\n",
      output: "FROM ubuntu\nRUN sudo apt -q install -y curl\n",
      errors: [{ messageId: "yes", line: 2, column: 17, endColumn: 24 }],
    },
    {
      code: "FROM centos\nRUN yum install httpd && dnf remove x && dnf group install 'Dev Tools'\n",
      output: "FROM centos\nRUN yum install -y httpd && dnf remove -y x && dnf group install -y 'Dev Tools'\n",
      errors: [
        { messageId: "yes", line: 2, column: 9, endColumn: 16, aliases: ["DL3030"] },
        { messageId: "yes", line: 2, column: 30, endColumn: 36, aliases: ["DL3038"] },
        { message: "Add -y to `dnf group install`: a build cannot answer its confirmation prompt.", line: 2, column: 52, endColumn: 59, aliases: ["DL3038"] },
      ],
    },
    {
      code: "FROM opensuse/leap\nRUN zypper install curl\n",
      output: "FROM opensuse/leap\nRUN zypper install -y curl\n",
      errors: [{ messageId: "yes", line: 2, column: 12, endColumn: 19, aliases: ["DL3034"] }],
    },
    {
      name: "upgrades ask too",
      code: "FROM debian\nRUN apt-get upgrade\n",
      output: "FROM debian\nRUN apt-get upgrade -y\n",
      errors: [{ messageId: "yes", line: 2, column: 13, endColumn: 20 }],
    },
  ],
});
