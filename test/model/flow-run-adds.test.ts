/**
 * What a RUN layer adds is worked out on first read: it must be the same whether the facts asked
 * for it first (a later removal, a cache left behind) or nobody did until the caller read it, and
 * the same list on every read.
 */
import { describe, expect, it } from "vitest";
import { analyze } from "../../src/model/index.js";
import { fileFlow } from "../../src/model/flow/index.js";

const script = (lines: string[]): string => lines.join("\n") + "\n";

describe("RUN layer adds, read late", () => {
  it("lists downloads, directories, extractions, clones and caches in script order, without what the RUN removes again", () => {
    const flow = fileFlow(analyze(script([
      "FROM debian",
      "WORKDIR /src",
      "RUN mkdir -p out && git clone https://x/repo.git && curl -o /tmp/a.tgz https://x/a.tgz && tar -xzf /tmp/a.tgz -C /opt && apt-get update && wget -O tmp.bin https://x/b && rm tmp.bin",
    ])));
    const run = flow.stages[0].layers[1];
    expect(run.adds.map((a) => [a.kind, a.path, a.confidence])).toEqual([
      ["mkdir", "/src/out", "exact"],
      ["clone", "/src/repo", "exact"],
      ["download", "/tmp/a.tgz", "exact"],
      ["extract", "/opt", "exact"],
      ["cache", "/var/lib/apt/lists", "exact"],
    ]);
    expect(run.adds).toBe(run.adds);
    expect(run.removes.map((r) => r.path)).toEqual(["/src/tmp.bin"]);
  });

  it("gives a later removal the adds of an earlier RUN that nothing else asked about", () => {
    const flow = fileFlow(analyze(script(["FROM alpine", "RUN wget -O /tmp/big.tgz https://x/big.tgz", "RUN mkdir /work", "RUN rm /tmp/big.tgz"])));
    expect(flow.deleteInLaterLayer.map((f) => [f.lines, f.added.kind, f.added.path])).toEqual([[[2, 4], "download", "/tmp/big.tgz"]]);
    expect(flow.stages[0].layers[1].adds.map((a) => a.path)).toEqual(["/work"]);
  });

  it("finds a clone or an extraction of an earlier RUN deleted later, past RUNs that only make directories", () => {
    const flow = fileFlow(analyze(script(["FROM alpine", "WORKDIR /src", "RUN git clone https://x/tool.git", "RUN tar -xf /tmp/t.tar -C /opt/t", "RUN mkdir -p /src/tool/build", "RUN rm -rf /src/tool /opt/t"])));
    expect(flow.deleteInLaterLayer.map((f) => [f.lines, f.added.kind, f.added.path])).toEqual([
      [[3, 6], "clone", "/src/tool"],
      [[4, 6], "extract", "/opt/t"],
    ]);
  });

  it("adds nothing in a Windows stage", () => {
    const flow = fileFlow(analyze(script(["FROM mcr.microsoft.com/windows/servercore:ltsc2022", "RUN mkdir C:\\app"])));
    expect(flow.stages[0].layers[0].adds).toEqual([]);
  });
});
