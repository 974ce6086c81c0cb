import rule from "../../rules/no-system-upgrade.js";
import { testRule } from "../support/rule-tester.js";

testRule(rule, {
  valid: [
    "FROM debian\nRUN apt-get install -y --only-upgrade openssl\n",
    { code: "FROM rockylinux\nRUN yum update -y openssl && dnf upgrade -y curl\n", name: "named packages" },
    { code: "FROM debian\nRUN apt-get dist-upgrade -y\n", name: "dist-upgrade is another rule's" },
    { code: "FROM node\nRUN npm update && pip install -U pip==24.0\n", name: "language managers" },
    { code: "FROM fedora\nRUN dnf group update -y 'Core'\n", name: "group update" },
  ],
  invalid: [
    {
      code: "FROM debian\nRUN apt-get update && apt-get upgrade -y\n",
      errors: [{ messageId: "upgrade", line: 2, column: 31, endColumn: 38, aliases: [] }],
    },
    {
      code: "FROM alpine\nRUN apk upgrade --no-cache\n",
      errors: [{ messageId: "upgrade", line: 2, column: 9, endColumn: 16 }],
    },
    {
      code: "FROM centos\nRUN yum -y update && zypper -n patch\n",
      errors: [
        { message: "`yum update` upgrades every package of the base image: the result depends on the day of the build. Prefer a newer base image, or upgrade named packages.", line: 2, column: 12, endColumn: 18 },
        { messageId: "upgrade", line: 2, column: 32, endColumn: 37 },
      ],
    },
  ],
});
