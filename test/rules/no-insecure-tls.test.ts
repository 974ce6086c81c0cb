import rule from "../../rules/no-insecure-tls.js";
import { testRule } from "../support/rule-tester.js";

testRule(rule, {
  valid: [
    "FROM debian\nRUN curl -fsSL https://x/y -o /y && wget -q https://x/z\n",
    { code: "FROM node\nENV NODE_TLS_REJECT_UNAUTHORIZED=1 PYTHONHTTPSVERIFY=1 NPM_CONFIG_STRICT_SSL=true\n", name: "verification on" },
    { code: "FROM node\nRUN npm config set strict-ssl true && npm config set registry https://r/\n", name: "npm config on" },
    { code: "FROM debian\nRUN git config --global http.sslVerify true && git -c http.sslVerify=true clone https://x\n", name: "git on" },
    { code: "FROM debian\nRUN echo curl -k\n", name: "as an argument" },
    { code: "FROM python\nARG PIP_TRUSTED_HOST\n", name: "an ARG without a value" },
    { code: "FROM node\nRUN npm config set && pip config set\n", name: "config set without a key (no internal error)" },
  ],
  invalid: [
    {
      code: "FROM debian\nRUN curl -kfsSL https://x/y | tar xz && wget --no-check-certificate https://x/z\n",
      errors: [
        { message: "`curl -kfsSL` switches off TLS certificate verification: anyone on the network path can serve what the build downloads. Install the CA certificate instead.", line: 2, column: 10, endColumn: 16, aliases: ["CKV2_DOCKER_2"] },
        { messageId: "insecure", line: 2, column: 46, endColumn: 68, aliases: ["CKV2_DOCKER_3"] },
      ],
    },
    {
      code: "FROM python\nRUN pip install --trusted-host pypi.corp -r r.txt && pip config set global.trusted-host pypi.corp\n",
      errors: [
        { messageId: "insecure", line: 2, column: 17, endColumn: 31, aliases: ["CKV2_DOCKER_4"] },
        { messageId: "insecure", line: 2, column: 69, endColumn: 88, aliases: ["CKV2_DOCKER_4"] },
      ],
    },
    {
      name: "variables in ENV and ARG",
      code: "FROM node\nENV PYTHONHTTPSVERIFY=0 NODE_TLS_REJECT_UNAUTHORIZED=0\nARG npm_config_strict_ssl=false\nENV GIT_SSL_NO_VERIFY=1 PIP_TRUSTED_HOST=pypi.corp\n",
      errors: [
        { messageId: "insecure", line: 2, column: 5, endColumn: 24, aliases: ["CKV2_DOCKER_5"] },
        { messageId: "insecure", line: 2, column: 25, endColumn: 55, aliases: ["CKV2_DOCKER_6"] },
        { messageId: "insecure", line: 3, column: 5, endColumn: 32, aliases: ["CKV2_DOCKER_12"] },
        { messageId: "insecure", line: 4, column: 5, endColumn: 24, aliases: ["CKV2_DOCKER_14"] },
        { messageId: "insecure", line: 4, column: 25, endColumn: 51, aliases: ["CKV2_DOCKER_16"] },
      ],
    },
    {
      name: "npm, yarn, git and shell variables",
      code: "FROM node\nRUN npm config set strict-ssl false && yarn config set strict-ssl false && npm i --strict-ssl=false\nRUN git config --global http.sslVerify false && NODE_TLS_REJECT_UNAUTHORIZED=0 node x.js && export GIT_SSL_NO_VERIFY=true\n",
      errors: [
        { messageId: "insecure", line: 2, column: 20, endColumn: 30, aliases: ["CKV2_DOCKER_13"] },
        { messageId: "insecure", line: 2, column: 56, endColumn: 66, aliases: ["CKV2_DOCKER_13"] },
        { messageId: "insecure", line: 2, column: 82, endColumn: 100, aliases: ["CKV2_DOCKER_13"] },
        { messageId: "insecure", line: 3, column: 25, endColumn: 39, aliases: [] },
        { messageId: "insecure", line: 3, column: 49, endColumn: 79, aliases: ["CKV2_DOCKER_6"] },
        { messageId: "insecure", line: 3, column: 100, endColumn: 122, aliases: ["CKV2_DOCKER_14"] },
      ],
    },
    {
      code: "FROM fedora\nRUN dnf --setopt=sslverify=false install -y x && git -c http.sslVerify=false clone https://x\n",
      errors: [
        { messageId: "insecure", line: 2, column: 9, endColumn: 33, aliases: ["CKV2_DOCKER_15"] },
        { messageId: "insecure", line: 2, column: 57, endColumn: 77, aliases: [] },
      ],
    },
  ],
});
