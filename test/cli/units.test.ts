import { describe, expect, it } from "vitest";
import { useColor } from "../../src/cli/color.js";
import { isDockerfileName } from "../../src/cli/file-names.js";
import { workerCount } from "../../src/cli/pool.js";
import { createProgress } from "../../src/cli/progress.js";
import { decodeText, encodeText } from "../../src/cli/text-encoding.js";
import { unifiedDiff } from "../../src/cli/unified-diff.js";

describe("unifiedDiff", () => {
  it("is empty for equal texts", () => {
    expect(unifiedDiff("f", "a\n", "a\n")).toBe("");
  });

  it("separates far-apart changes into hunks with three lines of context", () => {
    const before = Array.from({ length: 20 }, (_, i) => `line ${i + 1}\n`).join("");
    const after = before.replace("line 2\n", "LINE 2\n").replace("line 18\n", "");
    expect(unifiedDiff("Dockerfile", before, after)).toBe(
      [
        "--- a/Dockerfile",
        "+++ b/Dockerfile",
        "@@ -1,5 +1,5 @@",
        " line 1",
        "-line 2",
        "+LINE 2",
        " line 3",
        " line 4",
        " line 5",
        "@@ -15,6 +15,5 @@",
        " line 15",
        " line 16",
        " line 17",
        "-line 18",
        " line 19",
        " line 20",
        "",
      ].join("\n"),
    );
  });

  it("marks a missing final newline and handles insertions into an empty file", () => {
    expect(unifiedDiff("f", "a", "b")).toBe("--- a/f\n+++ b/f\n@@ -1 +1 @@\n-a\n\\ No newline at end of file\n+b\n\\ No newline at end of file\n");
    expect(unifiedDiff("f", "", "x\n")).toBe("--- a/f\n+++ b/f\n@@ -0,0 +1 @@\n+x\n");
  });
});

describe("decodeText / encodeText", () => {
  it("keeps a UTF-8 BOM in the text and strips a UTF-16 one", () => {
    expect(decodeText(Buffer.from("\uFEFFFROM a\n"))).toEqual({ ok: true, text: "\uFEFFFROM a\n", encoding: "utf-8" });
    expect(decodeText(encodeText("FROM a\n", "utf-16be"))).toEqual({ ok: true, text: "FROM a\n", encoding: "utf-16be" });
  });

  it("refuses NUL bytes, bad UTF-8 and odd-length UTF-16", () => {
    expect(decodeText(new Uint8Array([0x41, 0]))).toEqual({ ok: false, reason: "binary file (contains NUL bytes)" });
    expect(decodeText(new Uint8Array([0xc3, 0x28]))).toEqual({ ok: false, reason: "not UTF-8 text (save it as UTF-8)" });
    expect(decodeText(new Uint8Array([0xff, 0xfe, 0x41]))).toEqual({ ok: false, reason: "not valid UTF-16LE text" });
    expect(decodeText(new Uint8Array([0xff, 0xfe, 0, 0]))).toEqual({ ok: false, reason: "binary file (contains NUL characters)" });
  });
});

describe("isDockerfileName", () => {
  it.each(["Dockerfile", "DOCKERFILE", "Dockerfile.prod", "Dockerfile-dev", "x.Dockerfile", "x.dockerfile", "Containerfile", "Containerfile.x"])("%s", (name) => {
    expect(isDockerfileName(name)).toBe(true);
  });
  it.each(["Dockerfiles", "my-Dockerfile", ".dockerfile", "Containerfile-x", "docker-compose.yml", "Dockerfile2"])("not %s", (name) => {
    expect(isDockerfileName(name)).toBe(false);
  });
});

describe("useColor", () => {
  it("flag, then FORCE_COLOR, then NO_COLOR, then the terminal", () => {
    expect(useColor(false, { FORCE_COLOR: "1" }, true)).toBe(false);
    expect(useColor(undefined, { FORCE_COLOR: "1", NO_COLOR: "1" }, false)).toBe(true);
    expect(useColor(undefined, { NO_COLOR: "" }, true)).toBe(true);
    expect(useColor(undefined, { NO_COLOR: "1" }, true)).toBe(false);
    expect(useColor(undefined, {}, false)).toBe(false);
  });
});

describe("createProgress", () => {
  it("draws nothing in the first second or without a terminal, then redraws at most every 100 ms and clears", () => {
    let now = 0;
    const written: string[] = [];
    const progress = createProgress({ isTTY: true, write: (t) => written.push(t) }, 4, () => now);
    progress.advance();
    now = 1000;
    progress.advance();
    now = 1050;
    progress.advance();
    progress.advance();
    progress.finish();
    expect(written).toEqual(["\rdockerlint: 2/4 files", "\rdockerlint: 4/4 files", "\r\u001b[K"]);

    const silent: string[] = [];
    const piped = createProgress({ isTTY: false, write: (t) => silent.push(t) }, 2, () => (now += 5000));
    piped.advance();
    piped.finish();
    expect(silent).toEqual([]);
  });
});

describe("workerCount", () => {
  it("starts workers besides the main thread for many files on four CPUs or more, or as many as asked", () => {
    expect(workerCount(5000, undefined, 2, true)).toBe(0);
    expect(workerCount(5000, undefined, 4, true)).toBe(3);
    expect(workerCount(5000, 2, 2, true)).toBe(1);
    expect(workerCount(5000, undefined, 32, true)).toBe(7);
    expect(workerCount(200, undefined, 8, true)).toBe(0);
    expect(workerCount(5000, undefined, 1, true)).toBe(0);
    expect(workerCount(5000, 1, 8, true)).toBe(0);
    expect(workerCount(5000, 3, 8, true)).toBe(2);
    expect(workerCount(30, 4, 8, true)).toBe(1);
  });

  it("starts none when the module cannot run as a worker (TypeScript sources under the test runner)", () => {
    expect(workerCount(5000, 4, 8, false)).toBe(0);
    expect(workerCount(5000, 4, 8)).toBe(0);
  });
});
