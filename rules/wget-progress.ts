import { defineRule } from "../src/engine/rule.js";
import { insertAfter, runsToCheck } from "./_support/shell-commands.js";

/** wget options that already keep the log short or send it elsewhere. */
const QUIET = new Set(["progress", "quiet", "no-verbose", "output-file", "append-output"]);

export default defineRule({
  meta: {
    id: "wget-progress",
    description: "Require wget to use a compact progress format or quiet output",
    category: "shell",
    severity: "info",
    fixable: "unsafe",
    aliases: ["DL3047"],
    appliesInOnbuild: true,
    messages: {
      progress: "`wget` without --progress=dot:giga, -q or -nv fills the build log with thousands of progress lines.",
    },
    docs: {
      why: "Without a terminal, wget falls back to printing a dot line for every few kilobytes, so a large download writes thousands of lines into the build log, hiding the output that matters and slowing log viewers in CI.",
      bad: ["FROM debian:12\nRUN wget https://example.com/big.iso\n"],
      good: [
        "FROM debian:12\nRUN wget --progress=dot:giga https://example.com/big.iso\n",
        "FROM debian:12\nRUN wget -nv https://example.com/big.iso\n",
        "FROM alpine:3.20\nRUN wget -qO- https://example.com/x.tgz | tar xz\n",
      ],
      notes: "Accepted: `--progress=…`, `-q`/`--quiet`, `-nv`/`--no-verbose`, `-o`/`--output-file`, `-a`/`--append-output`. The fix inserts `--progress=dot:giga`; it is unsafe because BusyBox wget (Alpine's default) does not know that option: use `-q` there.",
      references: ["https://github.com/hadolint/hadolint/wiki/DL3047"],
    },
    since: "0.1.0",
  },
  check(context) {
    for (const run of runsToCheck(context.model)) {
      for (const file of run.files) {
        if (file.kind !== "download" || file.tool !== "wget" || file.options.some((o) => QUIET.has(o.name))) continue;
        const args = file.command.args;
        const word = file.command.name?.value?.endsWith("wget") ? file.command.name : args.find((a) => /(^|\/)wget$/.test(a.value ?? ""));
        if (word !== undefined) context.report({ messageId: "progress", range: word.range, fix: insertAfter(word, "--progress=dot:giga") });
      }
    }
  },
});
