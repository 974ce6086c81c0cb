import { defineRule, type RuleFix } from "../src/engine/rule.js";
import type { TextEdit } from "../src/engine/types.js";
import { fileFlow, type CacheLeftInLayer } from "../src/model/flow/index.js";
import type { PackageManager, PackageOperation } from "../src/model/package-managers/types.js";
import { insertAfter, subcommandWord } from "./_support/shell-commands.js";

/** The ids other tools give the same check, per package manager. */
const ALIASES: Readonly<Record<PackageManager, readonly string[]>> = {
  apt: ["DL3009"],
  apk: ["DL3019", "DS-0025"],
  yum: ["DL3032", "DS-0015"],
  dnf: ["DL3040", "DS-0019"],
  microdnf: ["DL3040", "DS-0027"],
  zypper: ["DL3036", "DS-0020"],
  pip: ["DL3042"],
  yarn: ["DL3060"],
  npm: [],
  pnpm: [],
  gem: [],
  composer: [],
  go: [],
  cargo: [],
};

/** The option that stops a manager writing its cache, for the managers where adding it is always safe. */
const NO_CACHE_OPTION: Partial<Record<PackageManager, string>> = { apk: "--no-cache", pip: "--no-cache-dir" };

/** How to keep the cache out of the layer. */
function advice(fact: CacheLeftInLayer): string {
  const { cache, path } = fact.cache;
  const mount = `a cache mount (\`RUN --mount=type=cache,target=${path}\`)`;
  if (cache.avoidedBy !== undefined) return `use ${cache.avoidedBy}, or ${mount}`;
  const clean = cache.cleanedByCommand ?? `rm -rf ${path}`;
  return `clean it in the same RUN (${clean}), or use ${mount}`;
}

/**
 * Adds the no-cache option to every operation of the RUN that writes this cache, when all of them
 * are installs of a manager that has one (`apk add`, `pip install`); undefined otherwise.
 */
function fixOf(fact: CacheLeftInLayer): RuleFix | undefined {
  const option = NO_CACHE_OPTION[fact.cache.manager];
  if (option === undefined) return undefined;
  const edits: TextEdit[] = [];
  for (const op of fact.layer.run?.packages ?? []) {
    if (!writesCache(op, fact.cache.path)) continue;
    const word = op.kind === "install" && op.manager === fact.cache.manager ? subcommandWord(op) : undefined;
    if (word === undefined) return undefined;
    edits.push(...insertAfter(word, option).edits);
  }
  return { edits };
}

/** Whether the operation writes the cache at `path`. */
function writesCache(op: PackageOperation, path: string): boolean {
  for (const cache of op.caches) if (cache.path === path) return true;
  return false;
}

export default defineRule<{ ignore: string[] }>({
  meta: {
    id: "no-package-cache",
    description: "Disallow package-manager caches and indexes left in a shipped layer",
    category: "layer-hygiene",
    severity: "warning",
    fixable: "safe",
    aliases: ["DL3009", "DL3019", "DL3032", "DL3036", "DL3040", "DL3042", "DL3060", "DS-0015", "DS-0019", "DS-0020", "DS-0025", "DS-0027"],
    appliesInOnbuild: true,
    messages: {
      cacheLeft: "This layer keeps the {{manager}} {{contents}} in {{path}}: {{advice}}.",
      removedTooLate: "This layer keeps the {{manager}} {{contents}} in {{path}}; removing {{path}} in the RUN at line {{line}} does not shrink the image: {{advice}}.",
    },
    schema: {
      type: "object",
      additionalProperties: false,
      properties: {
        ignore: {
          type: "array",
          items: { enum: Object.keys(ALIASES) },
          default: [],
          description: "Package managers whose caches are not reported (e.g. `go` for a final image that builds on start).",
        },
      },
    },
    docs: {
      why: "Package managers keep what they download: apt's package lists, apk's index, yum and dnf metadata, pip's wheels, npm's and yarn's caches, Go's module cache. Nothing in the running container needs them, but every byte a RUN leaves ships in its layer, and a later RUN that deletes them cannot take the bytes out of the earlier layer. Clean up in the same RUN, tell the manager not to cache, or keep the cache outside the image with a BuildKit cache mount (which also makes rebuilds faster).",
      bad: [
        "FROM debian:12\nRUN apt-get update && apt-get install -y curl\n",
        "FROM alpine:3.20\nRUN apk add curl\n",
        "FROM python:3.12\nRUN pip install flask\n",
        "FROM centos:7\nRUN yum install -y httpd\nRUN yum clean all\n",
      ],
      good: [
        "FROM debian:12\nRUN apt-get update && apt-get install -y curl && rm -rf /var/lib/apt/lists/*\n",
        "FROM alpine:3.20\nRUN apk add --no-cache curl\n",
        "FROM python:3.12\nENV PIP_NO_CACHE_DIR=1\nRUN pip install flask\n",
        "FROM python:3.12\nRUN --mount=type=cache,target=/root/.cache/pip pip install flask\n",
        "FROM golang:1.22 AS build\nRUN go build -o /app .\nFROM scratch\nCOPY --from=build /app /app\n",
      ],
      notes:
        "Only layers that end up in an image count: the target, the stages it is built FROM, and final stages nothing uses (built with `--target`). A build stage the target only copies files from does not ship its layers, so its caches are fine (hadolint's DL3019 and DL3042 report every stage; its DL3009 likewise skips such stages). `RUN --mount=type=cache|tmpfs|bind` over the cache directory, options (`apk --no-cache`, `pip --no-cache-dir`, `composer --no-cache`) and ENV (`PIP_NO_CACHE_DIR`, `npm_config_cache`, `YARN_CACHE_FOLDER`, `GOMODCACHE`, …) are honoured; cleanup counts only in the same RUN (`rm -rf /var/lib/apt/lists/*`, `yum clean all`, `npm cache clean --force`). ONBUILD triggers and heredoc scripts are read too. The fix adds `--no-cache` to `apk add` and `--no-cache-dir` to `pip install` when those are the only writers of the cache in the RUN.",
      references: [
        "https://docs.docker.com/build/building/best-practices/#apt-get",
        "https://docs.docker.com/build/cache/optimize/#use-cache-mounts",
        "https://github.com/hadolint/hadolint/wiki/DL3009",
        "https://github.com/hadolint/hadolint/wiki/DL3019",
        "https://github.com/hadolint/hadolint/wiki/DL3042",
      ],
    },
    since: "0.1.0",
  },
  check(context) {
    const facts = fileFlow(context.model).cacheLeftInLayer;
    if (facts.length === 0) return;
    const ignored = context.options.ignore ?? [];
    for (const fact of facts) {
      if (!fact.shipped) continue;
      const { manager, operation, cache, path } = fact.cache;
      if (ignored.includes(manager)) continue;
      const program = fact.layer.run!.calls.find((c) => c.command === operation.command)?.programWord ?? operation.command.name;
      const sub = subcommandWord(operation);
      const start = program?.range[0] ?? operation.command.range[0];
      const end = sub !== undefined && sub.range[1] > start ? sub.range[1] : (program?.range[1] ?? operation.command.range[1]);
      context.report({
        messageId: fact.removedLater === undefined ? "cacheLeft" : "removedTooLate",
        data: { manager, contents: cache.contents, path, advice: advice(fact), line: fact.removedLater?.line ?? "" },
        range: [start, end],
        aliases: ALIASES[manager],
        fix: fixOf(fact),
      });
    }
  },
});
