import { uncheckedAddSources } from "./_support/add-sources.js";
import { defineRule } from "../src/engine/rule.js";
import { runsToCheck, urlHost, verifiesDownloads } from "./_support/shell-commands.js";

/** Hosts a download from which never crosses a network. */
const LOCAL = /^(localhost|127(\.\d+){3}|\[::1\]|0\.0\.0\.0)$/;

const PLAIN_HTTP = /^http:\/\//i;

/** Whether a URL is plain HTTP to another machine. */
const plainHttp = (url: string): boolean => PLAIN_HTTP.test(url) && !LOCAL.test(urlHost(url) ?? "");

export default defineRule({
  meta: {
    id: "no-plain-http",
    description: "Disallow downloads over plain HTTP without a checksum",
    category: "security",
    severity: "warning",
    fixable: "none",
    aliases: [],
    appliesInOnbuild: true,
    messages: {
      http: "Plain HTTP download of {{url}}: anyone on the network path can change it. Use https://, or verify a checksum{{how}}.",
    },
    docs: {
      why: "Plain HTTP has no integrity: a proxy, a hostile Wi-Fi or a compromised router can replace the file while it travels, and the build runs or ships whatever arrives. HTTPS proves where the file comes from; a checksum proves what it is.",
      bad: [
        "FROM alpine:3.20\nADD http://example.com/tool.tar.gz /opt/\n",
        "FROM debian:12\nRUN curl -fsSLo /tmp/tool.tgz http://example.com/tool.tgz && tar -xzf /tmp/tool.tgz -C /opt\n",
      ],
      good: [
        "FROM alpine:3.20\nADD https://example.com/tool.tar.gz /opt/\n",
        "FROM alpine:3.20\nADD --checksum=sha256:24454f830cdb571e2c4ad15481119c43b3cafd48dd869a9b2015d0a70ba2ba2f http://example.com/tool.tar.gz /opt/\n",
        "FROM debian:12\nRUN curl -fsSLo /tmp/tool.tgz http://example.com/tool.tgz && echo \"24454f830cdb571e2c4ad15481119c43b3cafd48dd869a9b2015d0a70ba2ba2f  /tmp/tool.tgz\" | sha256sum -c -\n",
      ],
      notes:
        "Checked: ADD sources and curl/wget URLs in RUN. Accepted: `ADD --checksum`, a RUN that also runs a checksum or signature check (`sha256sum -c`, `gpg --verify`, …; the check is not matched to the file), and URLs to `localhost`/`127.0.0.1`. Package managers are not checked here: apt, apk and rpm verify signatures over HTTP (see `no-unverified-packages`). Same concept as projectatomic/dockerfile_lint's `no_add_without_https` and `no_run_without_https`.",
      references: ["https://docs.docker.com/reference/dockerfile/#add---checksum"],
    },
    since: "0.1.0",
  },
  check(context) {
    const { model } = context;
    for (const { source, value } of uncheckedAddSources(model)) {
      if (plainHttp(value)) context.report({ messageId: "http", data: { url: value, how: " with ADD --checksum" }, range: source.range });
    }
    for (const run of runsToCheck(model)) {
      // Whether the RUN verifies what it downloads, asked only once it downloads over plain HTTP.
      let verified: boolean | undefined;
      for (const file of run.files) {
        if (file.kind !== "download") continue;
        for (const url of file.urls) {
          if (!plainHttp(url.path) || (verified ??= verifiesDownloads(run))) continue;
          context.report({ messageId: "http", data: { url: url.path, how: " (sha256sum -c)" }, range: url.word.range });
        }
      }
    }
  },
});
