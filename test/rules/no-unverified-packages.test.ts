import rule from "../../rules/no-unverified-packages.js";
import { testRule } from "../support/rule-tester.js";

testRule(rule, {
  valid: [
    "FROM debian\nRUN apt-get install -y curl && apk add x && yum install -y y && rpm -i z.rpm\n",
    { code: "FROM debian\nRUN echo --allow-unauthenticated && apt-get -o APT::Get::AllowUnauthenticated=false install -y x\n", name: "as an argument, or set to false" },
    { code: "FROM fedora\nRUN dnf --setopt=gpgcheck=1 install -y x\n", name: "gpgcheck on" },
    { code: "FROM debian\nRUN echo 'deb [signed-by=/k.gpg] https://x stable main' > /etc/apt/sources.list.d/x.list\n", name: "a signed source" },
  ],
  invalid: [
    {
      code: "FROM debian\nRUN apt-get install -y --allow-unauthenticated --force-yes x\n",
      errors: [
        { message: "`--allow-unauthenticated` installs packages without checking their signatures: anyone between the build and the repository can substitute them. Import the repository's key instead.", line: 2, column: 24, endColumn: 47, aliases: ["CKV2_DOCKER_8"] },
        { messageId: "unverified", line: 2, column: 48, endColumn: 59, aliases: ["CKV2_DOCKER_11"] },
      ],
    },
    {
      code: "FROM debian\nRUN apt-get -o Acquire::AllowInsecureRepositories=true update\n",
      errors: [{ messageId: "unverified", line: 2, column: 16, endColumn: 55, aliases: ["CKV2_DOCKER_8"] }],
    },
    {
      code: "FROM alpine\nRUN apk add --allow-untrusted /tmp/x.apk\n",
      errors: [{ messageId: "unverified", line: 2, column: 13, endColumn: 30, aliases: ["CKV2_DOCKER_7"] }],
    },
    {
      code: "FROM fedora\nRUN dnf install -y --nogpgcheck x && yum --setopt=epel.gpgcheck=0 install -y y && tdnf install -y --nogpgcheck z\n",
      errors: [
        { messageId: "unverified", line: 2, column: 20, endColumn: 32, aliases: ["CKV2_DOCKER_9"] },
        { messageId: "unverified", line: 2, column: 42, endColumn: 66, aliases: ["CKV2_DOCKER_9"] },
        { messageId: "unverified", line: 2, column: 99, endColumn: 111, aliases: ["CKV2_DOCKER_9"] },
      ],
    },
    {
      code: "FROM fedora\nRUN rpm -ivh --nosignature --nodigest x.rpm\n",
      errors: [
        { messageId: "unverified", line: 2, column: 14, endColumn: 27, aliases: ["CKV2_DOCKER_10"] },
        { messageId: "unverified", line: 2, column: 28, endColumn: 38, aliases: ["CKV2_DOCKER_10"] },
      ],
    },
    {
      code: "FROM debian\nRUN echo \"deb [trusted=yes] http://repo/ ./\" > /etc/apt/sources.list.d/local.list\n",
      errors: [{ messageId: "unverified", line: 2, column: 10, endColumn: 45, aliases: [] }],
    },
    {
      code: "FROM opensuse/leap\nRUN zypper --no-gpg-checks -n install x\n",
      errors: [{ messageId: "unverified", line: 2, column: 12, endColumn: 27, aliases: [] }],
    },
  ],
});
