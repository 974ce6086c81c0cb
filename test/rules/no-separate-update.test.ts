import rule from "../../rules/no-separate-update.js";
import { testRule } from "../support/rule-tester.js";

testRule(rule, {
  valid: [
    "FROM debian\nRUN apt-get update && apt-get install -y curl\n",
    "FROM debian\nRUN apt-get update && apt-get upgrade -y\n",
    { code: "FROM debian\nRUN apt update\\\n && apt-get -y install curl\n", name: "apt and apt-get share the index" },
    { code: "FROM alpine\nRUN apk update && apk add curl\n", name: "apk" },
    { code: "FROM fedora\nRUN dnf makecache && yum install -y x\n", name: "rpm family" },
    { code: "FROM opensuse/leap\nRUN zypper refresh && zypper -n in curl\n", name: "zypper" },
    { code: "FROM debian\nRUN --mount=type=cache,target=/var/lib/apt/lists apt-get update\n", name: "index on a cache mount" },
    { code: "FROM debian\nRUN --mount=type=cache,target=/var/lib/apt apt-get update\n", name: "parent directory on a cache mount" },
    { code: "FROM debian\nRUN yum update -y\n", name: "yum update upgrades, it is not an index update" },
    { code: "FROM debian\nRUN apt-get update && bash /tmp/library-scripts/common-debian.sh\n", name: "a script may install" },
    { code: "FROM debian\nRUN apt-get update; xargs -rt apt-get install -y < deps.txt\n", name: "xargs apt-get install" },
    { code: "FROM alpine\nRUN apk update && sudo sh -c 'apk add curl'\n", name: "sh -c" },
    { code: "FROM debian\nRUN apt-get update && xx-apt-get install -y binutils\n", name: "a cross-compilation wrapper (corpus)" },
    { code: "FROM debian\nRUN apt-get update && while read -r p; do apt-get satisfy -y \"$p\"; done < deps\n", name: "apt-get satisfy (corpus)" },
    { code: "FROM debian\nRUN apt-get update && apt-get download libssl3\n", name: "apt-get download (corpus)" },
  ],
  invalid: [
    {
      code: "FROM debian\nRUN apt-get update\nRUN apt-get install -y curl\n",
      errors: [{ messageId: "separate", line: 2, column: 13, endColumn: 19, aliases: ["DS-0017", "CKV_DOCKER_5"] }],
    },
    {
      name: "the install comes before the update",
      code: "FROM alpine\nRUN apk add curl && apk update\n",
      errors: [{ messageId: "separate", line: 2, column: 25, endColumn: 31 }],
    },
    {
      name: "an install with another family does not count",
      code: "FROM debian\nRUN apt-get -qq update && pip install flask==3.0\n",
      errors: [{ messageId: "separate", line: 2, column: 17, endColumn: 23 }],
    },
    {
      name: "a cache mount elsewhere does not count",
      code: "FROM debian\nRUN --mount=type=cache,target=/var/cache/apt apt-get update\n",
      errors: [{ messageId: "separate", line: 2, column: 54, endColumn: 60 }],
    },
  ],
});
