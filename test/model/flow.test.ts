/**
 * The file-flow analysis: layers and their file effects, stage chains and which stages ship, and
 * each derived fact (deleted in a later layer, cache left in a layer, mergeable RUNs, chown after
 * COPY, copy then extract, secret left in a layer) with multi-stage builds, cache mounts, heredoc
 * RUNs and ONBUILD triggers; then a run over part of the corpus.
 */
import { readdirSync, readFileSync } from "node:fs";
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import { analyze, type AnalyzeOptions } from "../../src/model/index.js";
import { fileFlow, type FileFlow } from "../../src/model/flow/index.js";
import { describeShared } from "../support/shared.js";

function flow(lines: string[], options?: AnalyzeOptions): FileFlow {
  return fileFlow(analyze(lines.join("\n") + "\n", options));
}

describe("layers", () => {
  const f = flow([
    "FROM alpine",
    "ENV DEST=/srv",
    "WORKDIR /",
    "WORKDIR $DEST/app",
    "COPY . .",
    "COPY conf/nginx.conf ../etc/",
    "ADD https://example.com/tool.tgz /tmp/",
    "RUN curl -fsSLo tool.sh https://x/tool.sh && mkdir -p cache && cd /opt && tar -xzf /tmp/tool.tgz",
    "USER app",
  ]);
  const [stage] = f.stages;

  it("makes a layer of each RUN, COPY, ADD and WORKDIR other than /", () => {
    expect(stage.layers.map((l) => [l.line, l.instruction.type])).toEqual([
      [4, "WORKDIR"], [5, "COPY"], [6, "COPY"], [7, "ADD"], [8, "RUN"],
    ]);
    expect(stage.layers.map((l) => l.workdir)).toEqual(["/srv/app", "/srv/app", "/srv/app", "/srv/app", "/srv/app"]);
  });

  it("places COPY/ADD sources at their resolved destination", () => {
    expect(stage.layers.slice(0, 4).map((l) => l.adds.map((a) => [a.kind, a.path, a.directory, a.size.class, a.confidence]))).toEqual([
      [["workdir", "/srv/app", true, "XS", "exact"]],
      [["copy", "/srv/app", true, "L", "exact"]],
      [["copy", "/srv/etc/nginx.conf", false, "XS", "exact"]],
      [["url", "/tmp/tool.tgz", false, "M", "exact"]],
    ]);
  });

  it("reads what a RUN adds, following cd", () => {
    const run = stage.layers[4];
    expect(run.adds.map((a) => [a.kind, a.path, a.confidence])).toEqual([
      ["download", "/srv/app/tool.sh", "exact"],
      ["mkdir", "/srv/app/cache", "exact"],
      ["extract", "/opt", "heuristic"],
    ]);
    expect(run.extracts.map((e) => [e.archive, e.destination])).toEqual([["/tmp/tool.tgz", "/opt"]]);
  });

  it("guesses the working directory of an image base only heuristically", () => {
    const [layer] = flow(["FROM node", "COPY package.json ./"]).stages[0].layers;
    expect(layer.adds.map((a) => [a.path, a.confidence])).toEqual([["/package.json", "heuristic"]]);
  });

  it("does not add what the same RUN removes again", () => {
    const [layer] = flow(["FROM alpine", "RUN wget -O /tmp/x.tgz https://x/x.tgz && tar -xzf /tmp/x.tgz -C /opt && rm /tmp/x.tgz"]).stages[0].layers;
    expect(layer.adds.map((a) => a.path)).toEqual(["/opt"]);
    expect(layer.removes.map((r) => [r.path, r.recursive])).toEqual([["/tmp/x.tgz", false]]);
  });

  it("caches the flow per model", () => {
    const model = analyze("FROM alpine\nRUN true\n");
    expect(fileFlow(model)).toBe(fileFlow(model));
  });
});

describe("stage chains", () => {
  const f = flow([
    "FROM golang AS build",
    "RUN go build -o /out/app .",
    "FROM alpine AS base",
    "WORKDIR /app",
    "FROM base AS dev",
    "RUN apk add gdb",
    "FROM base",
    "COPY --from=build /out/app ./",
  ]);

  it("chains each stage to the stages it is built FROM", () => {
    expect(f.stages.map((s) => s.chain)).toEqual([[0], [1], [1, 2], [1, 3]]);
    expect(f.target?.chainLayers.map((l) => l.line)).toEqual([4, 8]);
    expect(f.target?.layers[0].adds.map((a) => [a.path, a.asFile, a.size.class, a.confidence])).toEqual([["/app", "/app/app", "L", "heuristic"]]);
  });

  it("ships the target's chain and unused final stages, not stages only copied from", () => {
    expect(f.stages.map((s) => s.ships)).toEqual([false, true, true, true]);
  });
});

describe("deleteInLaterLayer", () => {
  it("names the COPY and the RUN that deletes what it added (the nginx fixture's shape)", () => {
    const f = flow(["FROM centos", "COPY software /software", "RUN cd /software && make install && cd / && rm -rf /software && yum clean all"]);
    expect(f.deleteInLaterLayer.map((d) => [d.lines, d.added.path, d.removed.path, d.partial, d.size.class, d.confidence, d.shipped])).toEqual([
      [[2, 3], "/software", "/software", false, "L", "exact", true],
    ]);
  });

  it("finds downloads deleted in a later RUN, and globs over a folder's entries", () => {
    const f = flow(["FROM debian", "RUN wget -O /tmp/x.tgz https://x/x.tgz", "RUN tar -xzf /tmp/x.tgz -C /opt", "RUN rm -rf /tmp/*"]);
    expect(f.deleteInLaterLayer.map((d) => [d.lines, d.added.kind, d.removed.path])).toEqual([[[2, 4], "download", "/tmp/*"]]);
  });

  it("takes a name without an extension as a file when a later rm names it", () => {
    const f = flow(["FROM ubuntu", "COPY extra-packages /", "RUN xargs apt-get install -y < /extra-packages", "RUN rm /extra-packages"]);
    expect(f.deleteInLaterLayer.map((d) => [d.lines, d.partial])).toEqual([[[2, 4], false]]);
  });

  it("marks removals inside a copied folder as partial and heuristic, but not inside system directories", () => {
    const f = flow(["FROM node", "WORKDIR /app", "COPY . .", "RUN rm -rf /app/.git", "COPY rootfs /", "RUN rm -rf /var/log/*"]);
    expect(f.deleteInLaterLayer.map((d) => [d.lines, d.partial, d.confidence, d.size.class])).toEqual([[[3, 4], true, "heuristic", "M"]]);
  });

  it("does not report removals in the same RUN, nor of directories a RUN made", () => {
    const f = flow(["FROM alpine", "RUN mkdir /build", "RUN rm -rf /build", "COPY a.sh /tmp/a.sh", "RUN sh /tmp/a.sh; rm /tmp/a.sh", "RUN wget https://x/y.tgz && rm y.tgz"]);
    expect(f.deleteInLaterLayer.map((d) => d.lines)).toEqual([[4, 5]]);
  });

  it("keeps facts of a build stage the target only copies from, as not shipped", () => {
    const f = flow(["FROM golang AS build", "COPY vendor.tar /src/", "RUN tar -xf /src/vendor.tar -C /src && rm /src/vendor.tar", "FROM scratch", "COPY --from=build /src/app /app"]);
    expect(f.deleteInLaterLayer.map((d) => [d.lines, d.shipped])).toEqual([[[2, 3], false]]);
  });

  it("follows the FROM chain across stages", () => {
    const f = flow(["FROM alpine AS base", "COPY dist.zip /opt/", "FROM base", "RUN unzip /opt/dist.zip -d /opt && rm /opt/dist.zip"]);
    expect(f.deleteInLaterLayer.map((d) => [d.lines, d.stage, d.shipped])).toEqual([[[2, 4], 1, true]]);
  });

  it("keeps each branch of a stage tree to its own chain (siblings and their parent share one layer list)", () => {
    const f = flow([
      "FROM alpine AS base", "COPY a.zip b.zip /opt/", "RUN rm /opt/a.zip",
      "FROM base AS left", "COPY left.tgz /opt/", "RUN rm /opt/b.zip",
      "FROM base AS right", "RUN rm /opt/left.tgz /opt/b.zip",
      "FROM left", "RUN rm /opt/left.tgz",
    ]);
    // `right` is not built FROM `left`: removing left.tgz there matches nothing.
    expect(f.deleteInLaterLayer.map((d) => [d.lines, d.stage])).toEqual([[[2, 3], 0], [[2, 6], 1], [[2, 8], 2], [[5, 10], 3]]);
  });
});

describe("cacheLeftInLayer", () => {
  it("does not take a clean in an earlier RUN for the removal of a cache left later", () => {
    const f = flow(["FROM fedora", "RUN dnf clean all", "RUN dnf install -y curl", "RUN dnf clean all"]);
    expect(f.cacheLeftInLayer.map((c) => c.lines)).toEqual([[3, 4]]);
    expect(flow(["FROM fedora", "RUN dnf clean all", "RUN dnf install -y curl"]).cacheLeftInLayer.map((c) => c.lines)).toEqual([[3]]);
  });

  it("reports caches a RUN leaves, with the later layer that removes them too late", () => {
    const f = flow(["FROM debian", "RUN apt-get update && apt-get install -y curl", "RUN rm -rf /var/lib/apt/lists/*"]);
    expect(f.cacheLeftInLayer.map((c) => [c.lines, c.cache.manager, c.cache.path, c.removedLater?.line, c.size.class])).toEqual([
      [[2, 3], "apt", "/var/lib/apt/lists", 3, "M"],
    ]);
  });

  it("honours cleanup in the same RUN, cache mounts and ENV", () => {
    const f = flow([
      "FROM centos",
      "RUN yum install -y gcc && yum clean all",
      "RUN --mount=type=cache,target=/var/cache/apk apk add curl",
      "ENV PIP_NO_CACHE_DIR=1",
      "RUN pip install flask",
      "RUN --mount=type=tmpfs,target=/root/.npm npm install",
    ]);
    expect(f.cacheLeftInLayer).toEqual([]);
  });

  it("does not count commands that fetch nothing (yarn --version, apk add --no-network)", () => {
    const f = flow(["FROM node:20-alpine", "RUN yarn --version && npm -v", "RUN apk add --no-network --virtual .deps $deps", "RUN yarn install && yarn --version"]);
    expect(f.cacheLeftInLayer.map((c) => [c.lines, c.cache.manager])).toEqual([[[4], "yarn"]]);
  });

  it("reads heredoc RUN scripts", () => {
    const f = flow(["FROM debian", "RUN <<EOF", "apt-get update", "apt-get install -y curl", "EOF"]);
    expect(f.cacheLeftInLayer.map((c) => [c.lines, c.cache.manager])).toEqual([[[2], "apt"]]);
  });

  it("does not ship a build stage the target only copies from", () => {
    const f = flow(["FROM python AS build", "RUN pip install build && python -m build", "FROM python:slim", "COPY --from=build /dist /dist"]);
    expect(f.cacheLeftInLayer.map((c) => [c.lines, c.shipped])).toEqual([[[2], false]]);
  });

  it("reads ONBUILD triggers as a downstream build runs them, once when a stage inherits them", () => {
    const alone = flow(["FROM python", "WORKDIR /app", "ONBUILD COPY requirements.txt .", "ONBUILD RUN pip install -r requirements.txt"]);
    expect(alone.cacheLeftInLayer.map((c) => [c.lines, c.layer.onbuild, c.shipped])).toEqual([[[4], true, true]]);
    expect(alone.stages[0].onbuildLayers.map((l) => l.adds[0]?.path)).toEqual(["/app/requirements.txt", "/root/.cache/pip"]);
    const inherited = flow(["FROM python AS base", "ONBUILD RUN pip install -r requirements.txt", "FROM base", "FROM base"]);
    expect(inherited.cacheLeftInLayer.map((c) => [c.lines, c.stage])).toEqual([[[2], 1]]);
  });
});

describe("mergeableRuns", () => {
  const groups = (lines: string[]): number[][] => flow(lines).mergeableRuns.map((m) => m.lines as number[]);

  it("groups consecutive single-command RUNs; comments between them do not break a group", () => {
    expect(groups(["FROM alpine", "RUN a", "# why", "RUN b", "RUN c", "WORKDIR /x", "RUN d", "RUN e"])).toEqual([[2, 4, 5], [7, 8]]);
  });

  it("breaks on different flags, chained commands, heredocs and ONBUILD", () => {
    expect(groups(["FROM alpine", "RUN a", "RUN --mount=type=secret,id=x b", "RUN --network=none c", "RUN d"])).toEqual([]);
    expect(groups(["FROM alpine", "RUN --mount=type=secret,id=x a", "RUN --mount=type=secret,id=x b"])).toEqual([[2, 3]]);
    expect(groups(["FROM alpine", "RUN a && b", "RUN c", "RUN d; e"])).toEqual([]);
    expect(groups(["FROM alpine", "RUN <<EOF", "a", "EOF", "RUN b"])).toEqual([]);
    expect(groups(["FROM alpine", "RUN a", "ONBUILD RUN b", "ONBUILD RUN c", "RUN d"])).toEqual([]);
  });

  it("counts exec form as one command and ignores command substitutions", () => {
    expect(groups(["FROM alpine", 'RUN ["make"]', "RUN echo $(date) > /built"])).toEqual([[2, 3]]);
  });
});

describe("chownAfterCopy", () => {
  it("finds recursive chown of a copied folder and chmod of a copied file", () => {
    const f = flow(["FROM node", "WORKDIR /app", "COPY . .", "COPY run.sh /usr/local/bin/", "RUN chown -R node:node /app && chmod +x /usr/local/bin/run.sh"]);
    expect(f.chownAfterCopy.map((c) => [c.lines, c.change.kind, c.added.path, c.size.class])).toEqual([
      [[3, 5], "chown", "/app", "L"],
      [[4, 5], "chmod", "/usr/local/bin/run.sh", "XS"],
    ]);
  });

  it("ignores a non-recursive change of one file inside a copied folder, of the folder itself, and of files a RUN made", () => {
    const f = flow(["FROM node", "COPY . /app", "RUN chmod +x /app/start.sh", "RUN chmod 2775 /app", "RUN mkdir /data && chown app /data"]);
    expect(f.chownAfterCopy).toEqual([]);
  });

  it("takes a source without an extension as the file a non-recursive chmod names", () => {
    const f = flow(["FROM alpine", "COPY --from=idmap /usr/bin/newuidmap /usr/bin/newgidmap /usr/bin/", "RUN chmod u+s /usr/bin/newuidmap"]);
    expect(f.chownAfterCopy.map((c) => [c.lines, c.added.directory, c.size.class])).toEqual([[[2, 3], false, "M"]]);
  });

  it("is heuristic when the COPY used a pattern", () => {
    const f = flow(["FROM alpine", "COPY --from=tools /sbin/* /sbin/", "RUN chmod u+s /sbin/gosu"]);
    expect(f.chownAfterCopy.map((c) => c.confidence)).toEqual(["heuristic"]);
  });
});

describe("copyThenExtract", () => {
  it("matches the archive by path, or by name only heuristically", () => {
    const f = flow(["FROM alpine", "COPY app.tar.gz /tmp/", "COPY lib.zip /opt/", "RUN tar -xzf /tmp/app.tar.gz -C /app", "RUN cd /elsewhere && unzip lib.zip"]);
    expect(f.copyThenExtract.map((c) => [c.lines, c.confidence, c.added.path])).toEqual([
      [[2, 4], "exact", "/tmp/app.tar.gz"],
      [[3, 5], "heuristic", "/opt/lib.zip"],
    ]);
  });

  it("ignores ADD of a local archive (ADD extracts it itself)", () => {
    expect(flow(["FROM alpine", "ADD app.tar.gz /opt/", "RUN tar -tzf /opt/app.tar.gz"]).copyThenExtract).toEqual([]);
  });
});

describe("secretLeftInLayer", () => {
  it("finds key and credential files copied and deleted later", () => {
    const f = flow(["FROM node", "COPY .npmrc /root/.npmrc", "COPY id_rsa.pub /root/.ssh/", "RUN npm ci && rm /root/.npmrc /root/.ssh/id_rsa.pub"]);
    expect(f.secretLeftInLayer.map((s) => [s.lines, s.file, s.shipped])).toEqual([[[2, 4], ".npmrc", true]]);
    expect(f.deleteInLaterLayer).toHaveLength(2);
  });

  it("finds them inside a copied folder", () => {
    const f = flow(["FROM python", "WORKDIR /app", "COPY . .", "RUN rm -f .env"]);
    expect(f.secretLeftInLayer.map((s) => [s.lines, s.file, s.confidence])).toEqual([[[3, 4], ".env", "heuristic"]]);
  });
});

describe("robustness", () => {
  it("never throws on odd input", () => {
    for (const text of ["", "FROM", "RUN rm -rf /", "FROM scratch\nCOPY\nWORKDIR\nRUN\n", "FROM a\nONBUILD\nONBUILD RUN\n", "# escape=`\nFROM mcr.microsoft.com/windows\nRUN del C:\\x\n"]) {
      expect(() => fileFlow(analyze(text))).not.toThrow();
    }
  });
});

describeShared("corpus/real/files", "corpus", (dir) => {
  it("analyses every tenth real Dockerfile without throwing; facts name lines in order", () => {
    const files = readdirSync(dir).sort().filter((_, i) => i % 10 === 0);
    let facts = 0;
    for (const file of files) {
      const f = fileFlow(analyze(readFileSync(join(dir, file), "utf8")));
      for (const fact of [...f.deleteInLaterLayer, ...f.cacheLeftInLayer, ...f.mergeableRuns, ...f.chownAfterCopy, ...f.copyThenExtract, ...f.secretLeftInLayer]) {
        facts++;
        expect([...fact.lines].sort((a, b) => a - b)).toEqual(fact.lines);
        expect(fact.lines.length).toBe(fact.instructions.length);
      }
    }
    expect(facts).toBeGreaterThan(100);
  });
});
