import { defineRule } from "../src/engine/rule.js";
import { fileFlow, type ChownAfterCopy, type ModeChange } from "../src/model/flow/index.js";

/** The COPY flag that sets what the RUN changes. */
function flagFor(change: ModeChange): string {
  const op = change.operation;
  if (op.kind === "chown") {
    const owner = `${op.owner ?? ""}${op.group === undefined ? "" : `:${op.group}`}`;
    return owner === "" ? "--chown=<user>:<group>" : `--chown=${owner}`;
  }
  return op.mode !== undefined && /^[0-7]{3,4}$/.test(op.mode) ? `--chmod=${op.mode}` : "--chmod=<octal mode, e.g. 755>";
}

export default defineRule({
  meta: {
    id: "prefer-copy-chown",
    description: "Require COPY --chown/--chmod instead of changing copied files in a later RUN",
    category: "layer-hygiene",
    severity: "info",
    fixable: "none",
    aliases: [],
    appliesInOnbuild: true,
    messages: {
      changeAfterCopy: "`{{program}}` in the RUN at line {{line}} stores the files {{copies}} again in a new layer ({{size}}): use `{{keyword}} {{flag}}` instead.",
    },
    docs: {
      why: "Changing the owner or mode of a file rewrites it: the RUN's layer gets a full copy of every file it touches, while the COPY's layer still holds the original. A recursive `chown` of a copied application doubles its size in the image. COPY and ADD set owner and mode as they copy with `--chown` and `--chmod`, at no cost.",
      bad: [
        "FROM node:20\nWORKDIR /app\nCOPY . .\nRUN chown -R node:node /app\n",
        "FROM debian:12\nCOPY entrypoint.sh /usr/local/bin/\nRUN chmod 755 /usr/local/bin/entrypoint.sh\n",
      ],
      good: [
        "FROM node:20\nWORKDIR /app\nCOPY --chown=node:node . .\n",
        "FROM debian:12\nCOPY --chmod=755 entrypoint.sh /usr/local/bin/\n",
        "FROM debian:12\nRUN mkdir /data && chown app /data\n",
        "FROM node:20\nCOPY . /app\nRUN chmod +x /app/start.sh\n",
      ],
      notes:
        "Reported when a RUN's `chmod`/`chown` names a path an earlier COPY/ADD of the same image added, or (with `-R`) a folder holding it; changing one file inside a copied folder is left alone. `COPY --chmod` needs BuildKit (Dockerfile syntax 1.2 or later) and an octal mode in older versions. Only layers that end up in an image count. No other surveyed linter checks this (the catalog's C049 gap).",
      references: ["https://docs.docker.com/reference/dockerfile/#copy---chown---chmod"],
    },
    since: "0.1.0",
  },
  check(context) {
    const found = fileFlow(context.model).chownAfterCopy;
    if (found.length === 0) return;
    const byChange = new Map<ModeChange, ChownAfterCopy[]>();
    for (const fact of found) {
      if (fact.shipped) byChange.set(fact.change, [...(byChange.get(fact.change) ?? []), fact]);
    }
    for (const [change, facts] of byChange) {
      const copies = [...new Map(facts.map((f) => [f.addedBy, f])).values()];
      const keywords = [...new Set(copies.map((f) => f.addedBy.instruction.type))];
      const lines = copies.map((f) => f.addedBy.line);
      const biggest = facts.reduce((a, b) => (["XS", "S", "M", "L"].indexOf(b.size.class) > ["XS", "S", "M", "L"].indexOf(a.size.class) ? b : a));
      context.report({
        messageId: "changeAfterCopy",
        data: {
          program: change.kind,
          line: facts[0].changedBy.line,
          copies: `${keywords.join(" and ")} added at line${lines.length > 1 ? "s" : ""} ${lines.join(", ")}`,
          size: biggest.size.reason,
          keyword: keywords[0],
          flag: flagFor(change),
        },
        range: change.range,
      });
    }
  },
});
