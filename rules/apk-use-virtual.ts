import { defineRule } from "../src/engine/rule.js";
import { runsToCheck, subcommandWord } from "./_support/shell-commands.js";
import { flatMap } from "../src/util/arrays.js";
import type { PackageOperation } from "../src/model/package-managers/types.js";

/** An `apk del`. */
function isApkRemove(op: PackageOperation): boolean {
  return op.manager === "apk" && op.kind === "remove";
}

export default defineRule({
  meta: {
    id: "apk-use-virtual",
    description: "Require apk add --virtual for packages that the same RUN removes again",
    category: "layer-hygiene",
    severity: "info",
    fixable: "none",
    aliases: [],
    appliesInOnbuild: true,
    messages: {
      virtual: "Install {{names}} as a group (`apk add --virtual .build-deps …`) and remove the group with `apk del .build-deps`: deleting packages by name also removes them when the base image had them.",
    },
    docs: {
      why: "Build-only packages are installed and removed in one RUN to keep them out of the layer. Removing them by name removes them even when the base image (or an earlier line) needed them, and a package forgotten in the `apk del` list stays. A virtual package groups everything one `apk add` installed, and `apk del <group>` removes exactly what the group added.",
      bad: ["FROM alpine:3.20\nRUN apk add --no-cache gcc musl-dev && make && apk del gcc musl-dev\n"],
      good: [
        "FROM alpine:3.20\nRUN apk add --no-cache --virtual .build-deps gcc musl-dev && make && apk del .build-deps\n",
        "FROM alpine:3.20\nRUN apk add --no-cache curl\n",
      ],
      notes: "Only packages added and deleted in the same RUN are considered; a removal in a later RUN does not shrink the image at all (see the layer-hygiene rules). Same as dockerfilelint's `apkadd-missing-virtual`.",
      references: ["https://wiki.alpinelinux.org/wiki/Alpine_Package_Keeper#Virtual_Packages"],
    },
    since: "0.1.0",
  },
  check(context) {
    for (const run of runsToCheck(context.model)) {
      const ops = run.packages;
      for (let index = 0; index < ops.length; index++) {
        const add = ops[index];
        if (add.manager !== "apk" || add.kind !== "install" || add.options.some((o) => o.name === "virtual")) continue;
        const removes = ops.slice(index + 1).filter(isApkRemove);
        if (removes.length === 0) continue;
        const added = new Set(add.packages.filter((p) => !p.isFile && !p.isVariable).map((p) => p.name));
        const deleted = flatMap(removes, (op) => op.packages.map((p) => p.name)).filter((name) => added.has(name));
        const word = subcommandWord(add);
        if (deleted.length === 0 || word === undefined) continue;
        context.report({ messageId: "virtual", data: { names: [...new Set(deleted)].join(", ") }, range: word.range });
      }
    }
  },
});
