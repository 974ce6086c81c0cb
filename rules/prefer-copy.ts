import { defineRule } from "../src/engine/rule.js";
import { instructionsOfType } from "./_support/instructions.js";

/** Local tar archives that ADD extracts (BuildKit detects gzip, bzip2, xz and zstd tarballs by name here). */
const ARCHIVE = /\.(tar|tgz|tbz2?|txz|tzst|tar\.(gz|bz2|xz|zst|lz4))$/i;
const REMOTE = /^(https?:\/\/|git@|git:\/\/|ssh:\/\/)|\.git(#.*)?$/i;
/** ADD flags COPY does not have: with them, ADD is needed. */
const ADD_ONLY_FLAGS = new Set(["checksum", "keep-git-dir", "unpack"]);

export default defineRule({
  meta: {
    id: "prefer-copy",
    description: "Require COPY instead of ADD for local files and folders",
    category: "layer-hygiene",
    severity: "warning",
    fixable: "safe",
    aliases: ["DL3020", "DS-0005", "CKV_DOCKER_4"],
    messages: {
      useCopy: "Use COPY instead of ADD for local files and folders ({{sources}}): ADD also fetches URLs and extracts archives, which hides intent.",
    },
    docs: {
      why: "ADD does more than copy: it downloads URLs, clones git repositories and extracts local tar archives. Using it for plain files makes a reader wonder which of those happens, and a file that later becomes an archive changes behaviour silently. COPY says exactly what happens.",
      bad: ["FROM alpine\nADD app.js /app/\n", "FROM alpine\nADD --chown=app config/ /etc/app/\n"],
      good: [
        "FROM alpine\nCOPY app.js /app/\n",
        "FROM alpine\nADD https://example.com/tool.tar.gz /opt/\n",
        "FROM alpine\nADD rootfs.tar.xz /\n",
        "FROM alpine\nADD git@github.com:org/repo.git /src\n",
      ],
      notes: "Sources with variables are judged after expansion with the values known at that line; a source whose value is unknown is left alone. The fix replaces the keyword, so flags that COPY also has (`--chown`, `--chmod`, `--link`, `--exclude`) are kept; ADD-only flags (`--checksum`, `--keep-git-dir`, `--unpack`) mean the rule stays quiet.",
      references: ["https://docs.docker.com/reference/dockerfile/#add", "https://github.com/hadolint/hadolint/wiki/DL3020"],
    },
    since: "0.1.0",
  },
  check(context) {
    const { model } = context;
    for (const add of instructionsOfType(model, ["ADD"], "with-triggers")) {
      if (add.sources.length === 0 || add.destination === undefined) continue;
      if (add.flags.some((f) => ADD_ONLY_FLAGS.has(f.name.value))) continue;
      const needsAdd = add.sources.some((source) => {
        if (add.heredocs.some((h) => h.marker.value === source.value)) return false;
        const expansion = model.resolve(source, add);
        return expansion.unresolved.length > 0 || REMOTE.test(expansion.value) || ARCHIVE.test(expansion.value);
      });
      if (needsAdd) continue;
      context.report({
        messageId: "useCopy",
        data: { sources: add.sources.map((s) => s.value).join(", ") },
        node: add.keyword,
        fix: { edits: [{ range: add.keyword.range, text: add.keyword.value === "add" ? "copy" : "COPY" }] },
      });
    }
  },
});
