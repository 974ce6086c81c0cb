import { describe, expect, it } from "vitest";
import { fileParts, splitVersion, versionOperators } from "../../src/model/package-managers/package-words.js";
import { cacheLeftBehind, packageOperations } from "../../src/model/package-managers/index.js";
import { fileOperations } from "../../src/model/file-operations.js";
import { sh } from "./support/commands.js";

describe("splitVersion", () => {
  const PIP = versionOperators("===", "==", "~=", "!=", ">=", "<=", ">", "<");

  it.each([
    ["requests", { name: "requests", isFile: false }],
    ["requests>=2.0", { name: "requests", operator: ">=", version: "2.0", isFile: false }],
    ["a===1", { name: "a", operator: "===", version: "1", isFile: false }],
    ["a<2,>=1", { name: "a", operator: "<", version: "2,>=1", isFile: false }],
  ])("%s", (text, parts) => {
    expect(splitVersion(text, PIP)).toEqual(parts);
  });

  it("ignores an operator that starts the word, and looks no further for it", () => {
    expect(splitVersion("=a=1", versionOperators("="))).toEqual({ name: "=a=1", isFile: false });
    expect(splitVersion("=a>1", versionOperators("=", ">"))).toEqual({ name: "=a", operator: ">", version: "1", isFile: false });
  });

  it("reads operators with regular-expression characters literally", () => {
    const odd = versionOperators("+", ".", " ");
    expect(splitVersion("ab", odd)).toEqual({ name: "ab", isFile: false });
    expect(splitVersion("a+b", odd)).toEqual({ name: "a", operator: "+", version: "b", isFile: false });
    expect(splitVersion("a b.c", odd)).toEqual({ name: "a", operator: " ", version: "b.c", isFile: false });
  });
});

describe("fileParts", () => {
  it.each([
    ["curl", undefined],
    ["pkg.DEB", { name: "pkg.DEB", isFile: true }],
    ["pkg.deb.sig", undefined],
    ["./pkg", { name: "./pkg", isFile: true }],
  ])("%s", (text, parts) => {
    expect(fileParts(text, [".deb"])).toEqual(parts);
  });
});

describe("cacheLeftBehind keeps one entry per cache directory", () => {
  it("where the directory was first written, naming the last operation that wrote it", () => {
    const commands = sh("apt-get update && pip install flask && apt-get update");
    const left = cacheLeftBehind(packageOperations(commands), fileOperations(commands), []);
    expect(left.map((l) => [l.manager, l.path, l.operation.command])).toEqual([
      ["apt", "/var/lib/apt/lists", commands[2]],
      ["pip", "/root/.cache/pip", commands[1]],
    ]);
  });
});
