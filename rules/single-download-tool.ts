import type { Range } from "../src/ast/nodes.js";
import { defineRule } from "../src/engine/rule.js";
import type { DownloadOperation } from "../src/model/file-operations.js";

export default defineRule({
  meta: {
    id: "single-download-tool",
    description: "Require one download tool per stage instead of both wget and curl",
    category: "shell",
    severity: "info",
    fixable: "none",
    aliases: ["DL4001", "DS-0014"],
    messages: {
      both: "This stage already downloads with {{first}} (line {{line}}); use one of wget and curl, not both.",
    },
    docs: {
      why: "wget and curl do the same job. Using both in one stage means both must be installed in the image (more size and attack surface) and readers must know two sets of flags for failure handling, redirects and output.",
      bad: ["FROM debian:12\nRUN curl -fsSLo /tmp/a.tgz https://example.com/a.tgz\nRUN wget -q https://example.com/b.tgz\n"],
      good: [
        "FROM debian:12\nRUN curl -fsSLo /tmp/a.tgz https://example.com/a.tgz && curl -fsSLo /tmp/b.tgz https://example.com/b.tgz\n",
        "FROM debian:12 AS fetch\nRUN curl -fsSLo /a.tgz https://example.com/a.tgz\nFROM alpine:3.20\nRUN wget -q https://example.com/b.tgz\n",
      ],
      notes: "Judged per stage, with the RUNs it inherits as ONBUILD triggers: every use of the tool that appears second is reported, pointing at the first use of the other.",
      references: ["https://github.com/hadolint/hadolint/wiki/DL4001"],
    },
    since: "0.1.0",
  },
  check(context) {
    const { model } = context;
    let byStage: Map<number, DownloadOperation[]> | undefined;
    for (const run of model.runs) {
      for (const f of run.files) {
        if (f.kind !== "download") continue;
        byStage ??= new Map();
        (byStage.get(run.stage) ?? byStage.set(run.stage, []).get(run.stage)!).push(f);
      }
    }
    if (byStage === undefined) return;
    for (const downloads of byStage.values()) {
      const first = downloads[0];
      const line = context.position(first.command.range[0]).line;
      for (const other of downloads) {
        if (other.tool === first.tool) continue;
        const word = [other.command.name, ...other.command.args].find((w) => (w?.value ?? "").endsWith(other.tool));
        const range: Range = word?.range ?? other.command.range;
        context.report({ messageId: "both", data: { first: first.tool, line }, range });
      }
    }
  },
});
