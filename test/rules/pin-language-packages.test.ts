import rule from "../../rules/pin-language-packages.js";
import { testRule } from "../support/rule-tester.js";

testRule(rule, {
  valid: [
    "FROM python\nRUN pip install flask==3.0.3 'requests>=2.31' \"django~=5.0\"\n",
    { code: "FROM python\nRUN pip install -r requirements.txt\n", name: "requirements file" },
    { code: "FROM python\nRUN pip install -c constraints.txt flask\n", name: "constraints pin the named packages" },
    { code: "FROM python\nRUN pip install . && pip install -e ./lib && pip install dist/*.whl\n", name: "hadolint#915: local paths" },
    { code: "FROM python\nRUN pip install https://github.com/a/b/tarball/main git+https://github.com/a/c@v1\n", name: "hadolint#67: URLs" },
    { code: "FROM python\nENV V=0.9.15\nRUN pip install whisper==\"$V\" \"graphite-web==$V\"\n", name: "hadolint#67: quoted variable versions" },
    { code: "FROM python\nARG N=flask\nARG V=3\nRUN python -m pip install \"${N}==${V}\"\n", name: "hadolint#1175: name and version from variables" },
    { code: "FROM python\nRUN pip install yamllint==\"${YAML_LINT_VERSION:-v1.26.3}\"\n", name: "a version with a default" },
    { code: "FROM python\nRUN pipx install poetry\n", name: "hadolint#1067: pipx is not pip" },
    { code: "FROM node\nRUN npm ci && npm install && npm install -g pnpm@9.1.0\n", name: "lock-file installs" },
    { code: "FROM golang\nRUN go run golang.org/x/tools/cmd/stringer@v0.20.0 && go get github.com/a/b\n", name: "hadolint#1134: go run, go get" },
    { code: "FROM golang\nRUN go install ./... && go install\n", name: "local go packages" },
    { code: "FROM ruby\nRUN gem install rails:7.1.3 && gem install bundler --version 2.5.0\n", name: "gem versions" },
    { code: "FROM debian\nRUN apt-get install -y curl\n", name: "system packages are another rule's" },
  ],
  invalid: [
    {
      code: "FROM python\nRUN pip install --no-cache-dir flask==3.0 requests\n",
      errors: [{ message: "Pin the version of requests (requests==<version>): without it every build installs whatever is newest.", line: 2, column: 43, endColumn: 51, aliases: ["DL3013"] }],
    },
    {
      name: "upgrading pip itself is still unpinned",
      code: "FROM python\nRUN python3 -m pip install --upgrade pip\n",
      errors: [{ messageId: "pin", line: 2, column: 38, endColumn: 41, aliases: ["DL3013"] }],
    },
    {
      code: "FROM node\nRUN npm install -g typescript npm@latest\n",
      errors: [
        { messageId: "pin", line: 2, column: 20, endColumn: 30, aliases: ["DL3016"] },
        { messageId: "pin", line: 2, column: 31, endColumn: 41, aliases: ["DL3016"] },
      ],
    },
    {
      code: "FROM ruby\nRUN gem install bundler\n",
      errors: [{ messageId: "pin", line: 2, column: 17, endColumn: 24, aliases: ["DL3028"] }],
    },
    {
      code: "FROM golang\nRUN go install golang.org/x/tools/gopls@latest honnef.co/go/tools/cmd/staticcheck\n",
      errors: [
        { messageId: "pin", line: 2, column: 16, endColumn: 47, aliases: ["DL3062"] },
        { messageId: "pin", line: 2, column: 48, aliases: ["DL3062"] },
      ],
    },
    {
      name: "ONBUILD",
      code: "FROM python\nONBUILD RUN pip install flask\n",
      errors: [{ messageId: "pin", line: 2, column: 25, endColumn: 30 }],
    },
  ],
});
