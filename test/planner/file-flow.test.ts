/**
 * Opportunities from the shared file-flow facts: RUN merges (and the what-if count after them),
 * bytes deleted in a later layer, caches left in a layer, chown after COPY, archives copied then
 * extracted, key files copied then deleted; and the nginx-on-centos fixture.
 */
import { readFileSync } from "node:fs";
import { describe, expect, it } from "vitest";
import { plan, type Opportunity, type PlanOptions } from "../../src/planner/index.js";
import { describeShared } from "../support/shared.js";

const found = (lines: string[], kind: Opportunity["kind"], options?: PlanOptions): Opportunity[] =>
  plan(lines.join("\n") + "\n", options).opportunities.filter((o) => o.kind === kind);

describe("merge-runs", () => {
  const lines = ["FROM debian:12", "RUN apt-get update", "RUN apt-get install -y curl", "# keep going", "RUN [\"touch\", \"/a b\"]", "COPY x /x", "RUN a", "RUN b"];

  it("merges consecutive RUNs into one, keeping continuation lines", () => {
    const merges = found(lines, "merge-runs");
    expect(merges.map((o) => [o.lines, o.layerDelta, o.confidence])).toEqual([[[2, 3, 5], -2, "exact"], [[7, 8], -1, "exact"]]);
    expect(merges[0].suggestion).toBe("RUN apt-get update \\\n && apt-get install -y curl \\\n && touch '/a b'");
  });

  it("counts the target image's layers after the merges", () => {
    const p = plan(lines.join("\n"));
    expect(p.image?.layers).toEqual({ min: 6, max: 6 });
    expect(p.whatIf?.merged).toEqual({ layers: { min: 3, max: 3 }, delta: -3 });
  });

  it("keeps the RUN flags, and leaves merges of build stages out of the image's what-if", () => {
    const p = plan("FROM golang AS build\nRUN --mount=type=cache,target=/root/.cache go vet\nRUN --mount=type=cache,target=/root/.cache go build\nFROM scratch\nCOPY --from=build /app /app\n");
    expect(p.opportunities.find((o) => o.kind === "merge-runs")?.suggestion).toBe("RUN --mount=type=cache,target=/root/.cache \\\n    go vet \\\n && go build");
    expect(p.whatIf?.merged.delta).toBe(0);
  });
});

describe("layer bloat", () => {
  it("replaces a COPY deleted later with a bind mount", () => {
    const [o] = found(["FROM debian", "COPY src /src", "RUN make -C /src install && rm -rf /src"], "delete-in-later-layer");
    expect(o).toMatchObject({ lines: [2, 3], layerDelta: -1, confidence: "exact" });
    expect(o.suggestion).toBe("RUN --mount=type=bind,source=src,target=/src,rw \\\n    make -C /src install && rm -rf /src");
  });

  it("puts a download and its removal in one RUN", () => {
    const [o] = found(["FROM debian", "RUN curl -fsSLo /tmp/x.tgz https://example.com/x.tgz", "RUN tar -xzf /tmp/x.tgz -C /opt && rm /tmp/x.tgz"], "delete-in-later-layer");
    expect([o.layerDelta, o.suggestion]).toEqual([0, "Add and remove /tmp/x.tgz in the same RUN:\nRUN curl -fsSLo /tmp/x.tgz https://example.com/x.tgz \\\n && tar -xzf /tmp/x.tgz -C /opt && rm /tmp/x.tgz"]);
  });

  it("cleans a package cache in the RUN that fills it, or mounts it", () => {
    const [o] = found(["FROM debian", "RUN apt-get update && apt-get install -y curl"], "cache-left-in-layer");
    expect(o).toMatchObject({ lines: [2], layerDelta: 0 });
    expect(o.suggestion.split("\n")[0]).toBe("RUN apt-get update && apt-get install -y curl \\");
    expect(o.suggestion).toContain("rm -rf /var/lib/apt/lists");
    expect(o.suggestion).toContain("RUN --mount=type=cache,target=/var/lib/apt/lists \\\n    apt-get update && apt-get install -y curl");
  });

  it("moves a chown into COPY --chown", () => {
    const [o] = found(["FROM debian", "COPY --from=builder /out /app", "RUN chown -R app:app /app"], "chown-after-copy");
    expect([o.lines, o.layerDelta, o.suggestion]).toEqual([[2, 3], -1, "COPY --chown=app:app --from=builder /out /app"]);
  });

  it("extracts a copied archive from a bind mount", () => {
    const [o] = found(["FROM debian", "COPY app.tar.gz /tmp/", "RUN tar -xzf /tmp/app.tar.gz -C /opt"], "copy-then-extract");
    expect([o.layerDelta, o.suggestion]).toEqual([-1, "RUN --mount=type=bind,source=app.tar.gz,target=/tmp/app.tar.gz,rw \\\n    tar -xzf /tmp/app.tar.gz -C /opt"]);
  });

  it("mounts a key file as a secret instead of copying and deleting it", () => {
    const [o] = found(["FROM node", "COPY .npmrc /root/.npmrc", "RUN npm ci && rm /root/.npmrc"], "secret-left-in-layer");
    expect(o.lines).toEqual([2, 3]);
    expect(o.suggestion).toBe("RUN --mount=type=secret,id=npmrc,target=/root/.npmrc \\\n    npm ci && rm /root/.npmrc");
  });

  it("judges only the layers of the target image", () => {
    const lines = ["FROM debian AS build", "COPY src /src", "RUN make -C /src && rm -rf /src", "FROM debian", "COPY --from=build /out /out"];
    expect(found(lines, "delete-in-later-layer")).toEqual([]);
    expect(found(lines, "delete-in-later-layer", { target: "build" })).toHaveLength(1);
  });
});

describeShared("fixtures/nginx-centos.Dockerfile", "the nginx-on-centos fixture", (file) => {
  const p = plan(readFileSync(file, "utf8"));

  it("adds 2 layers over centos:latest", () => {
    expect(p.image?.total).toEqual({ base: "centos:latest", added: { min: 2, max: 2 } });
    expect(p.image?.history).toBe(6);
  });

  it("deletes /software in a later layer, and keeps no build tools (they are removed in the same RUN)", () => {
    const deletes = p.opportunities.filter((o) => o.kind === "delete-in-later-layer");
    expect(deletes.map((o) => [o.lines, o.message])).toEqual([[[3, 5], "/software is added on line 3 and removed on line 5: the bytes still ship in the earlier layer."]]);
    expect(deletes[0].suggestion.startsWith("RUN --mount=type=bind,source=software,target=/software,rw \\\n    yum install -y gcc")).toBe(true);
    expect(p.opportunities.filter((o) => o.kind === "build-tools-in-final")).toEqual([]);
  });
});
