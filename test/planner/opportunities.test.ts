/**
 * Opportunities found from the stage graph and the package operations: dead stages, broad COPYs
 * that bust the dependency install's cache, and build tools shipped in the target image.
 */
import { describe, expect, it } from "vitest";
import { plan, type Opportunity, type PlanOptions } from "../../src/planner/index.js";

const found = (lines: string[], kind: Opportunity["kind"], options?: PlanOptions): Opportunity[] =>
  plan(lines.join("\n") + "\n", options).opportunities.filter((o) => o.kind === kind);

describe("dead-stage", () => {
  const lines = ["FROM golang AS build", "RUN go build", "FROM alpine AS lint", "RUN lint", "RUN more", "FROM scratch", "COPY --from=build /app /app"];

  it("reports each stage the target does not need, with its lines", () => {
    expect(found(lines, "dead-stage")).toEqual([{
      kind: "dead-stage", stage: 1, lines: [3], layerDelta: 0, size: "XS",
      sizeReason: "BuildKit already skips it: only the Dockerfile gets shorter", confidence: "exact",
      message: 'Stage "lint" is not needed to build the target "stage-2".',
      suggestion: 'Delete lines 3–5 (the stage "lint"), or build it on its own with `docker build --target lint .`.',
    }]);
  });

  it("weighs more under the classic builder, which builds every stage", () => {
    expect(found(lines, "dead-stage", { builder: "classic" }).map((o) => [o.size, o.sizeReason])).toEqual([
      ["S", "the classic builder still builds its 2 layer(s) on every build"],
    ]);
  });

  it("follows the target: with --target lint, build and the last stage are dead", () => {
    expect(found(lines, "dead-stage", { target: "lint" }).map((o) => o.stage)).toEqual([0, 2]);
  });
});

describe("cache-busting-copy", () => {
  it("suggests copying the manifests first for a project install", () => {
    const [o] = found(["FROM node:22", "WORKDIR /app", "COPY . .", "RUN npm ci", "CMD [\"node\", \"index.js\"]"], "cache-busting-copy");
    expect(o).toMatchObject({ stage: 0, lines: [3, 4], layerDelta: 1, size: "M", confidence: "heuristic" });
    expect(o.message).toBe("`npm ci` runs after `COPY . .`, so every change to any source file re-installs the dependencies.");
    expect(o.suggestion).toBe("COPY package.json package-lock.json ./\nRUN npm ci\nCOPY . .");
  });

  it("reads pip's requirement files and the COPY's destination", () => {
    const [o] = found(["FROM python:3.12", "COPY ./ /srv", "RUN pip install --no-cache-dir -r /srv/req/prod.txt"], "cache-busting-copy");
    expect(o.suggestion).toBe("COPY /srv/req/prod.txt /srv/\nRUN pip install --no-cache-dir -r /srv/req/prod.txt\nCOPY ./ /srv");
  });

  it("suggests moving an install of named packages above the COPY", () => {
    const [o] = found(["FROM debian", "COPY . /src", "RUN apt-get update && apt-get install -y curl"], "cache-busting-copy");
    expect([o.layerDelta, o.suggestion]).toEqual([0, "RUN apt-get update && apt-get install -y curl\nCOPY . /src"]);
  });

  it("stays quiet for manifest-first Dockerfiles, narrow COPYs and COPY --from", () => {
    expect(found(["FROM node", "COPY package*.json ./", "RUN npm ci", "COPY . .", "RUN npm run build"], "cache-busting-copy")).toEqual([]);
    expect(found(["FROM node", "COPY src/ /src/", "RUN npm ci"], "cache-busting-copy")).toEqual([]);
    expect(found(["FROM node AS a", "FROM node", "COPY --from=a . .", "RUN npm ci"], "cache-busting-copy")).toEqual([]);
  });
});

describe("build-tools-in-final", () => {
  it("reports compilers, headers and git the target image keeps", () => {
    const [o] = found(["FROM debian:12", "RUN apt-get update && apt-get install -y gcc libssl-dev curl git && make"], "build-tools-in-final");
    expect(o).toMatchObject({ stage: 0, lines: [2], layerDelta: 0, size: "L", confidence: "heuristic" });
    expect(o.message).toBe("gcc, libssl-dev, git are installed in the image the target ships and never removed.");
    expect(o.suggestion).toBe([
      "FROM debian:12 AS build",
      "RUN apt-get update && apt-get install -y gcc libssl-dev curl git && make",
      "# … build here …",
      "",
      "FROM debian:12",
      "COPY --from=build /path/to/artifact /path/to/artifact",
    ].join("\n"));
  });

  it("sizes headers and git alone as M, and follows the FROM chain into parent stages", () => {
    const [o] = found(["FROM alpine AS base", "RUN apk add --no-cache git musl-dev", "FROM base", "CMD sh"], "build-tools-in-final");
    expect([o.stage, o.size]).toEqual([0, "M"]);
  });

  it("accepts tools removed later, virtual groups deleted, and tools kept in build stages", () => {
    expect(found(["FROM centos", "RUN yum install -y gcc make && make && yum remove -y gcc make"], "build-tools-in-final")).toEqual([]);
    expect(found(["FROM alpine", "RUN apk add --virtual .build-deps gcc musl-dev && make && apk del .build-deps"], "build-tools-in-final")).toEqual([]);
    expect(found(["FROM debian AS build", "RUN apt-get install -y build-essential", "FROM debian", "COPY --from=build /a /a"], "build-tools-in-final")).toEqual([]);
  });

  it("keeps what a later removal does not name", () => {
    const [o] = found(["FROM alpine", "RUN apk add gcc make", "RUN apk del gcc"], "build-tools-in-final");
    expect(o.message).toBe("make is installed in the image the target ships and never removed.");
  });
});

describe("cache-busting-copy for installs that build the sources", () => {
  it("fetches the dependencies before copying the sources", () => {
    const [o] = found(["FROM golang:1.22", "WORKDIR /src", "COPY . .", "RUN go install ./cmd/app"], "cache-busting-copy");
    expect([o.layerDelta, o.suggestion]).toEqual([2, "COPY go.mod go.sum ./\nRUN go mod download\nCOPY . .\nRUN go install ./cmd/app"]);
    expect(o.message).toBe("`go install` builds from the sources `COPY . .` brings in, so every change to any source file fetches the dependencies again.");
  });

  it("copies the manifests first for go mod download, and moves a registry install", () => {
    expect(found(["FROM golang", "COPY . /src", "RUN go mod download"], "cache-busting-copy")[0].suggestion).toBe("COPY go.mod go.sum /src/\nRUN go mod download\nCOPY . /src");
    expect(found(["FROM golang", "COPY . .", "RUN go install golang.org/x/tools/gopls@v0.16.0"], "cache-busting-copy")[0].layerDelta).toBe(0);
  });
});

describe("build-tools-in-final and apt's auto-removal", () => {
  it("accepts the docker-library idiom: apt-mark auto, then purge --auto-remove", () => {
    const run = [
      "RUN set -eux; savedAptMark=\"$(apt-mark showmanual)\"; apt-get update; apt-get install -y --no-install-recommends gcc libssl-dev make;",
      "  make; apt-mark auto '.*' > /dev/null; apt-mark manual $savedAptMark; apt-get purge -y --auto-remove -o APT::AutoRemove::RecommendsImportant=false",
    ].join(" \\\n");
    expect(found(["FROM debian:12", run], "build-tools-in-final")).toEqual([]);
  });

  it("still reports tools a plain autoremove keeps (they were installed on purpose)", () => {
    const [o] = found(["FROM debian:12", "RUN apt-get install -y git && apt-get autoremove -y"], "build-tools-in-final");
    expect(o.message).toBe("git is installed in the image the target ships and never removed.");
  });
});
