import { uncheckedAddSources } from "./_support/add-sources.js";
import { cutAtFirst } from "../src/util/text.js";
import { defineRule } from "../src/engine/rule.js";
import type { DownloadOperation } from "../src/model/file-operations.js";
import { runsToCheck, verifiesDownloads } from "./_support/shell-commands.js";

/** Files that are part of a verification themselves: signatures, checksum lists, keys. */
const VERIFICATION_FILE = /\.(asc|sig|sign|gpg|pgp|pub|key|sha1|sha256|sha512|sha256sum|sha512sum|md5|checksums?)$|(SHA\d*SUMS|checksums?\.txt|KEYS|[/_.-](public|gpg|signing)?-?keys?)$/i;
/** Programs that read a downloaded key, not a payload. */
const KEY_READERS = new Set(["gpg", "gpg2", "apt-key", "tee"]);
/** curl options that make a request an API call rather than a download. */
const REQUEST_OPTIONS = new Set(["request", "data", "data-raw", "data-binary", "data-urlencode", "form", "upload-file", "head"]);

/** Whether a curl/wget command fetches a file worth verifying. */
function isPayload(file: DownloadOperation): boolean {
  if (file.pipedToShell || file.output === "/dev/null") return false;
  if (file.output === "-" && (file.pipedTo === undefined || KEY_READERS.has(file.pipedTo))) return false;
  if (file.options.some((o) => REQUEST_OPTIONS.has(o.name))) return false;
  return file.urls.some((u) => /^https?:\/\//i.test(u.path) && !VERIFICATION_FILE.test(cutAtFirst(u.path, "?#")));
}

export default defineRule({
  meta: {
    id: "require-download-checksum",
    description: "Require a checksum for files downloaded by ADD or curl/wget",
    category: "security",
    severity: "off",
    fixable: "none",
    aliases: [],
    appliesInOnbuild: true,
    messages: {
      checksum: "No checksum for {{url}}: if the file changes or is tampered with, the build uses it silently; {{how}}.",
    },
    docs: {
      why: "A URL names a place, not a file: releases get re-uploaded, mirrors get compromised, and a download that changes breaks reproducibility or injects code without any diff in the Dockerfile. Pinning the expected digest makes the build fail instead.",
      bad: [
        "FROM alpine:3.20\nADD https://example.com/tool-1.2.tar.gz /opt/\n",
        "FROM debian:12\nRUN curl -fsSLo /tmp/tool.tgz https://example.com/tool-1.2.tgz && tar -xzf /tmp/tool.tgz -C /opt\n",
      ],
      good: [
        "FROM alpine:3.20\nADD --checksum=sha256:24454f830cdb571e2c4ad15481119c43b3cafd48dd869a9b2015d0a70ba2ba2f https://example.com/tool-1.2.tar.gz /opt/\n",
        "FROM debian:12\nARG TOOL_SHA256=24454f830cdb571e2c4ad15481119c43b3cafd48dd869a9b2015d0a70ba2ba2f\nRUN curl -fsSLo /tmp/tool.tgz https://example.com/tool-1.2.tgz \\\n && echo \"${TOOL_SHA256}  /tmp/tool.tgz\" | sha256sum -c - \\\n && tar -xzf /tmp/tool.tgz -C /opt\n",
      ],
      notes:
        "Off by default: it is a heuristic, and most real Dockerfiles download without checksums (it was requested for hadolint in hadolint#282, still open), so as a default it would mostly be noise; switch it on for supply-chain policies. A RUN counts as verified when it runs any checksum or signature check (`sha256sum -c`, `shasum`, `gpg --verify`, `gpgv`, `cosign`, `minisign`, `openssl dgst`); the check is not matched to the file. Not reported: `ADD --checksum`, git sources, downloads piped to a shell (`no-curl-pipe-shell`), keys, signatures and checksum lists themselves (`*.asc`, `*.sig`, `SHA256SUMS`, keys piped to `gpg`), output to `/dev/null` or the terminal, and API requests (`curl -X`, `--data`).",
      references: ["https://docs.docker.com/reference/dockerfile/#add---checksum", "https://github.com/hadolint/hadolint/issues/282"],
    },
    since: "0.1.0",
  },
  check(context) {
    const { model } = context;
    for (const { source, value } of uncheckedAddSources(model)) {
      if (/^https?:\/\//i.test(value) && !/\.git(#.*)?$/.test(value)) context.report({ messageId: "checksum", data: { url: value, how: "add --checksum=sha256:<digest>" }, range: source.range });
    }
    for (const run of runsToCheck(model)) {
      // Whether the RUN verifies what it downloads, asked only once it downloads a payload.
      let verified: boolean | undefined;
      for (const file of run.files) {
        if (file.kind !== "download" || !isPayload(file) || (verified ??= verifiesDownloads(run))) continue;
        const url = file.urls[0];
        context.report({ messageId: "checksum", data: { url: url.path, how: "check it with `sha256sum -c` in the same RUN" }, range: url.word.range });
      }
    }
  },
});
