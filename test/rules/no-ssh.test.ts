import rule from "../../rules/no-ssh.js";
import { testRule } from "../support/rule-tester.js";

testRule(rule, {
  valid: [
    "FROM ubuntu:24.04\nRUN apt-get install -y openssh-client\nEXPOSE 2222 80\n",
    { code: "FROM ubuntu AS tools\nRUN apt-get install -y openssh-server\nEXPOSE 22\nFROM ubuntu\n", name: "another stage" },
    { code: "FROM alpine\nRUN apt-get install -y openssh\n", name: "openssh counts as the server only for apk" },
    { code: "FROM alpine\nEXPOSE 22/udp\n", name: "UDP port 22" },
  ],
  invalid: [
    {
      code: "FROM ubuntu:24.04\nRUN apt-get update && apt-get install -y openssh-server\nEXPOSE 22\n",
      errors: [
        { message: "Package openssh-server installs an SSH server into the image: containers should not run one; use `docker exec` (or `kubectl exec`) to get a shell.", line: 2, column: 42, endColumn: 56, aliases: [] },
        { message: "EXPOSE 22 opens the SSH port: containers should not run an SSH server; use `docker exec` (or `kubectl exec`) to get a shell.", line: 3, column: 8, endColumn: 10, aliases: ["DS-0004", "CKV_DOCKER_1"] },
      ],
    },
    {
      name: "apk openssh, a port range, a parent stage",
      code: "FROM alpine AS base\nRUN apk add --no-cache openssh\nFROM base\nEXPOSE 20-25/tcp\n",
      errors: [{ messageId: "install", line: 2, column: 24, endColumn: 31 }, { messageId: "expose", line: 4, column: 8, endColumn: 17 }],
    },
  ],
});
