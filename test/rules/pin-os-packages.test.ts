import rule from "../../rules/pin-os-packages.js";
import { testRule } from "../support/rule-tester.js";

testRule(rule, {
  valid: [
    "FROM debian\nRUN apt-get install -y curl=7.88.1-10 git=1:2.39.*\n",
    "FROM alpine\nRUN apk add --no-cache git~2.45 'curl>=8'\n",
    "FROM fedora\nRUN dnf install -y nginx-1.26.1 && yum install -y httpd-2.4.57-5.el9\n",
    "FROM opensuse/leap\nRUN zypper -n install curl=8.0.1\n",
    { code: "FROM debian\nARG PACKAGES\nRUN apt-get install -y $PACKAGES\n", name: "hadolint#928: a package list in a variable" },
    { code: "FROM debian\nARG PACKAGES=\"curl git\"\nRUN apt-get install -y ${PACKAGES}\n", name: "a variable with a known value: the pin belongs to the ARG" },
    { code: "FROM debian\nRUN apt-get install -y ./tool_1.0_amd64.deb /tmp/other.deb\n", name: "hadolint#345: local .deb files" },
    { code: "FROM debian\nRUN apt-get install -y -t bookworm-backports golang-go\n", name: "hadolint#177: -t target release" },
    { code: "FROM debian\nRUN apt-get install -y --target-release=bookworm-backports golang-go\n", name: "--target-release=" },
    { code: "FROM debian\nRUN apt-get install -y golang-go/bookworm-backports\n", name: "pkg/release" },
    { code: "FROM debian\nENV CURL_VERSION=7.88\nRUN apt-get install -y curl=${CURL_VERSION}\n", name: "version from a variable" },
    { code: "FROM debian\nRUN apt-get install -y \"python3-$PY\"\n", name: "name built from a variable" },
    { code: "FROM fedora\nRUN dnf groupinstall -y 'Development Tools' && dnf install -y @development-tools\n", name: "groups" },
    { code: "FROM fedora\nRUN yum localinstall -y /tmp/x.rpm\n", name: "local rpm" },
    { code: "FROM debian\nRUN apt-get remove -y curl && apt-get purge -y git\n", name: "removals" },
    { code: "FROM python\nRUN pip install flask\n", name: "language packages are another rule's" },
    { code: "FROM debian\nRUN [\"apt-get\", \"install\", \"-y\", \"curl\"]\n", name: "exec form is not analysed" },
  ],
  invalid: [
    {
      code: "FROM debian\nRUN apt-get install -y curl git=1:2.39.*\n",
      errors: [{ messageId: "pin", line: 2, column: 24, endColumn: 28, aliases: ["DL3008"] }],
    },
    {
      name: "one finding per word, with the alias of the manager",
      code: "FROM alpine\nRUN apk add --no-cache curl bash\n",
      errors: [
        { messageId: "pin", line: 2, column: 24, endColumn: 28, aliases: ["DL3018"] },
        { messageId: "pin", line: 2, column: 29, endColumn: 33, aliases: ["DL3018"] },
      ],
    },
    {
      code: "FROM fedora\nRUN dnf install -y nginx && microdnf install tar && yum install -y git\n",
      errors: [
        { message: "Pin the version of nginx (dnf install nginx-<version>) so that rebuilding installs the same package.", line: 2, column: 20, aliases: ["DL3041"] },
        { messageId: "pin", line: 2, column: 46, aliases: ["DL3041"] },
        { messageId: "pin", line: 2, column: 68, aliases: ["DL3033"] },
      ],
    },
    {
      code: "FROM opensuse/leap\nRUN zypper --non-interactive install curl\n",
      errors: [{ messageId: "pin", line: 2, column: 38, endColumn: 42, aliases: ["DL3037"] }],
    },
    {
      name: "sudo and apt",
      code: "FROM ubuntu\nRUN sudo apt install -y jq\n",
      errors: [{ messageId: "pin", line: 2, column: 25, endColumn: 27 }],
    },
    {
      name: "in a heredoc",
      code: "FROM debian\nRUN <<EOF\napt-get update\napt-get install -y \\\n  curl\nEOF\n",
      errors: [{ messageId: "pin", line: 5, column: 3, endColumn: 7 }],
    },
    {
      name: "ONBUILD triggers where they are declared",
      code: "FROM debian\nONBUILD RUN apt-get install -y curl\n",
      errors: [{ messageId: "pin", line: 2, column: 32, endColumn: 36 }],
    },
    {
      name: "pragmas by alias",
      code: "FROM debian\n# hadolint ignore=DL3008\nRUN apt-get install -y curl\nRUN apt-get install -y git\n",
      errors: [{ messageId: "pin", line: 4, column: 24 }],
    },
  ],
});
