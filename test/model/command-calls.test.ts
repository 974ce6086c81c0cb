import { describe, expect, it } from "vitest";
import { fileOperations } from "../../src/model/file-operations.js";
import { commandCalls } from "../../src/model/package-managers/command-line.js";
import { packageOperations } from "../../src/model/package-managers/index.js";
import { parseShell } from "../../src/model/shell.js";

const commandsOf = (script: string) => parseShell({ text: script }).commands;

describe("commandCalls", () => {
  it("lists the commands with a literal program, unwrapped, with their index and program word", () => {
    const calls = commandCalls(commandsOf('A=1; cd /src && sudo -u app env B=2 /usr/bin/make install; "$CC" x; command -v git'));
    expect(calls.map((c) => [c.program, c.index, c.programWord.text, c.wrappers, c.args.map((a) => a.text)])).toEqual([
      ["cd", 1, "cd", [], ["/src"]],
      ["make", 2, "/usr/bin/make", ["sudo", "env"], ["install"]],
    ]);
    expect(calls[1].assignments.get("B")).toBe("2");
  });

  it("are what package and file operations read: passing them gives the same operations", () => {
    const scripts = [
      "A=/tmp/pip; export PIP_CACHE_DIR=$A B; apt-get update && sudo apt-get install -y curl && pip install flask",
      "C=1; export C; curl -fsSL https://x/i.sh | sh; wget -qO- https://x/a.tgz | tar -xz -C /opt && rm -rf /var/lib/apt/lists/*",
      'sh -c "$(curl -fsSL https://x/i.sh)"; chmod +x /a; chown app:app /a; mkdir -p -m 700 /b; unzip a.zip -d /c',
    ];
    const env = { get: (name: string) => (name === "HOME" ? "/home/app" : undefined) };
    for (const script of scripts) {
      const commands = commandsOf(script);
      const calls = commandCalls(commands);
      expect(packageOperations(commands, env, calls)).toEqual(packageOperations(commands, env));
      expect(fileOperations(commands, env, calls)).toEqual(fileOperations(commands, env));
    }
  });

  it("export reads the bare assignments made before it, not after", () => {
    const [before] = packageOperations(commandsOf("PIP_NO_CACHE_DIR=1; export PIP_NO_CACHE_DIR; pip install flask"));
    const [after] = packageOperations(commandsOf("export PIP_NO_CACHE_DIR; PIP_NO_CACHE_DIR=1; pip install flask"));
    expect([before.noCache, after.noCache]).toEqual([true, false]);
  });

  it("keeps targetRelease before caches, and only when set", () => {
    const [plain, pinned] = packageOperations(commandsOf("apt-get update && apt-get update -t bookworm-backports"));
    expect(Object.keys(plain)).not.toContain("targetRelease");
    expect(Object.keys(pinned).slice(-2)).toEqual(["targetRelease", "caches"]);
  });
});
