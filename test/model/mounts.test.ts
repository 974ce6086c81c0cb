/**
 * `RUN --mount`, `--network` and `--security` as BuildKit reads them (§9.3).
 */
import fc from "fast-check";
import { describe, expect, it } from "vitest";
import type { Flag, RunInstruction } from "../../src/ast/nodes.js";
import { parse } from "../../src/parse.js";
import { analyze, parseMount, parseRunFlags, type Mount, type RunFlags } from "../../src/model/index.js";

const NO_VARS = { get: (): undefined => undefined };

function runOf(flags: string): RunInstruction {
  return parse(`FROM alpine\nRUN ${flags} true\n`).ast.instructions[1] as RunInstruction;
}

function flags(text: string): RunFlags {
  return parseRunFlags(runOf(text), NO_VARS, "\\");
}

const MOUNT_FLAG = runOf("--mount=x").flags[0];

/** A `--mount` flag whose value (after BuildKit's flag unquoting) is `value`. */
function mountFlag(value: string): Flag {
  return { ...MOUNT_FLAG, value: { ...MOUNT_FLAG.value!, value } };
}

/** The mount of a `--mount` value, without its flag node; or the error message. */
function mount(value: string): Omit<Mount, "flag"> | string {
  const result = parseMount(mountFlag(value), NO_VARS, "\\");
  if (result.mount === undefined) return result.diagnostics[0]?.message ?? "(no mount)";
  const { flag: _flag, ...rest } = result.mount;
  return rest;
}

describe("mount types and defaults", () => {
  it("defaults to a read-only bind mount", () => {
    expect(mount("target=/src")).toEqual({
      type: "bind", target: "/src", source: undefined, from: undefined, id: undefined, sharing: undefined, readonly: true,
      required: false, mode: undefined, uid: undefined, gid: undefined, size: undefined, env: undefined, unresolved: [],
    });
  });

  it("makes cache mounts writable and shared, with the target as id", () => {
    expect(mount("type=cache,target=/root/.cache/pip")).toMatchObject({ type: "cache", readonly: false, sharing: "shared", id: "/root/.cache/pip" });
    expect(mount("type=cache,id=apt,sharing=locked,target=/var/cache/apt,uid=1000,gid=1000,mode=0755")).toMatchObject({
      id: "apt", sharing: "locked", uid: 1000, gid: 1000, mode: 0o755,
    });
  });

  it("reads tmpfs sizes with binary units", () => {
    expect(mount("type=tmpfs,target=/tmp,size=64m")).toMatchObject({ type: "tmpfs", readonly: false, size: 64 * 1024 * 1024 });
    expect(mount("type=tmpfs,target=/tmp,size=1.5GiB")).toMatchObject({ size: 1.5 * 1024 ** 3 });
    expect(mount("type=tmpfs,target=/tmp,size=lots")).toBe('invalid size value "lots"');
  });

  it("gives secrets an id and a target under /run/secrets", () => {
    expect(mount("type=secret,id=npmrc")).toMatchObject({ type: "secret", id: "npmrc", target: "/run/secrets/npmrc", readonly: true, required: false });
    expect(mount("type=secret,target=/root/.npmrc,required")).toMatchObject({ id: ".npmrc", target: "/root/.npmrc", required: true });
    expect(mount("type=secret,src=token,env=TOKEN,required=false")).toMatchObject({ id: "token", source: "token", env: "TOKEN", required: false });
  });

  it("gives ssh mounts the default id and numbered agent sockets", () => {
    const result = flags("--mount=type=ssh --mount=type=ssh,id=github,required");
    expect(result.mounts.map((m) => [m.id, m.target, m.required])).toEqual([
      ["default", "/run/buildkit/ssh_agent.0", false],
      ["github", "/run/buildkit/ssh_agent.1", true],
    ]);
  });
});

describe("keys", () => {
  it("accepts aliases and any case for keys and the type", () => {
    expect(mount("TYPE=Cache,DST=/a,Source=/s,From=deps")).toMatchObject({ type: "cache", target: "/a", source: "/s", from: "deps" });
    expect(mount("type=bind,src=.,destination=/d")).toMatchObject({ source: ".", target: "/d" });
  });

  it("reads ro/rw bare and as booleans (Go's ParseBool)", () => {
    expect(mount("target=/a,rw")).toMatchObject({ readonly: false });
    expect(mount("type=cache,target=/a,ro")).toMatchObject({ readonly: true });
    expect(mount("target=/a,readwrite=TRUE")).toMatchObject({ readonly: false });
    expect(mount("target=/a,readonly=f")).toMatchObject({ readonly: false });
    expect(mount("target=/a,ro=yes")).toBe("invalid value for ro: yes");
  });

  it("reads CSV quoting (what is left after BuildKit unquotes the flag)", () => {
    expect(mount('type=bind,"target=/a,b",source=x')).toMatchObject({ target: "/a,b", source: "x" });
    // `""` is a quote; the value is then expanded, which removes the quotes as the shell lexer does.
    expect(mount('"target=/say ""hi"""')).toMatchObject({ target: "/say hi" });
  });
});

describe("invalid mounts", () => {
  it.each([
    ["type=volume,target=/a", 'unsupported mount type "volume"'],
    ["target=/a,colour=red", "unexpected key 'colour' in 'colour=red'"],
    ["target=/a,cached", "invalid field 'cached' must be a key=value pair"],
    ["target=/a,required", "unexpected key 'required' for mount type 'bind'"],
    ["required,type=secret,id=a", "unexpected key 'required' for mount type 'bind'"],
    ["target=/a,size=1m", "unexpected key 'size' for mount type 'bind'"],
    ["target=/a,sharing=shared", "unexpected key 'sharing' for mount type 'bind'"],
    ["type=cache,target=/a,sharing=exclusive", 'unsupported sharing value "exclusive"'],
    ["target=/a,mode=0644", "mode/uid/gid not allowed for bind mounts"],
    ["type=cache,target=/a,mode=9", "invalid value for mode: 9"],
    ["type=cache,target=/a,uid=-1", "invalid value for uid: -1"],
    ["type=secret", "invalid secret mount. one of source, target required"],
    ["type=secret,id=a,source=b", "both source and id can't be set"],
    ["type=secret,id=a,from=x", "secret mount should not have a from"],
    ["from=$STAGE,target=/a", "'from' doesn't support variable expansion, define alias stage instead"],
    ['"target=/a', 'parse error on mount value: extraneous or missing " in quoted-field'],
    ['target=/a"b', 'parse error on mount value: bare " in non-quoted-field'],
    ["target=${X", 'failed to process "${X": unsupported modifier (\uFFFD) in substitution'],
  ])("%s → %s", (value, message) => {
    expect(mount(value)).toBe(message);
  });

  it("underlines the flag value and keeps the other mounts", () => {
    const run = runOf("--mount=type=nope --mount=type=cache,target=/c");
    const result = parseRunFlags(run, NO_VARS, "\\");
    expect(result.mounts.map((m) => m.target)).toEqual(["/c"]);
    expect(result.diagnostics).toMatchObject([{ code: "invalid-mount", range: run.flags[0].value!.range }]);
  });

  it("never throws, whatever the value", () => {
    fc.assert(
      fc.property(fc.string({ unit: fc.constantFrom(..."type=cachebindsecret,target/\"$:{}rowsize1m ".split("")) }), (value) => {
        const { mount: m, diagnostics } = parseMount(mountFlag(value), NO_VARS, "\\");
        expect(m === undefined ? diagnostics.length : 0).toBe(m === undefined ? 1 : 0);
      }),
      { numRuns: 500 },
    );
  });
});

describe("variables and other RUN flags", () => {
  it("expands values (not from) against the stage env, listing unknowns", () => {
    const m = analyze("FROM alpine\nARG CACHE=/root/.cache\nARG ID\nRUN --mount=type=cache,id=$ID,target=${CACHE}/pip pip install x\n");
    expect(m.runs[0].flags.mounts[0]).toMatchObject({ target: "/root/.cache/pip", id: "", unresolved: ["ID"] });
  });

  it("reads --network and --security without expanding them", () => {
    expect(flags("--network=none --security=insecure")).toMatchObject({ network: "none", security: "insecure", diagnostics: [] });
    expect(flags("")).toMatchObject({ network: "default", security: "sandbox", mounts: [] });
    const bad = flags("--network=$NET --security=relaxed");
    expect(bad.diagnostics.map((d) => [d.code, d.message])).toEqual([
      ["invalid-network", 'invalid network mode "$NET"'],
      ["invalid-security", 'security "relaxed" is not valid'],
    ]);
  });

  it("reports invalid mounts in the model's diagnostics", () => {
    const m = analyze("FROM alpine\nRUN --mount=type=cache,sharing=nope,target=/c true\n");
    expect(m.diagnostics.map((d) => d.code)).toEqual(["invalid-mount"]);
  });
});
