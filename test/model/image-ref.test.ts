/**
 * parseImageReference. The cases are ported from github.com/distribution/reference's test tables
 * (reference_test.go: TestReferenceParse, TestDomainAndPath; normalize_test.go:
 * TestValidateReferenceName, TestValidateRemoteName, TestParseRepositoryInfo,
 * TestParseReferenceWithTagAndDigest, TestParseAnyReference, TestNormalizedSplitHostname).
 * TestReferenceParse exercises `Parse`; here every input goes through `ParseNormalizedNamed`
 * (what BuildKit uses for FROM), so its expectations are restated for the normalised result.
 */
import { describe, expect, it } from "vitest";
import { parseImageReference, type ImageReference } from "../../src/model/image-ref.js";

const SHA256 = "sha256:" + "f".repeat(64);
const SHA512 = "sha512:" + "f".repeat(128);

function ref(raw: string): ImageReference {
  const result = parseImageReference(raw);
  if (!result.ok) throw new Error(`${raw}: ${result.error}`);
  return result.ref;
}

function errorOf(raw: string): string {
  const result = parseImageReference(raw);
  return result.ok ? "(parsed)" : result.error;
}

/** The normalised name with tag and digest, like distribution's `String()`. */
function canonical(r: ImageReference): string {
  return `${r.domain === "" ? "" : r.domain + "/"}${r.repository}${r.tag ? ":" + r.tag.value : ""}${r.digest ? "@" + r.digest.value : ""}`;
}

describe("TestReferenceParse (restated for ParseNormalizedNamed)", () => {
  it.each([
    ["test_com", "docker.io/library/test_com"],
    ["test.com:tag", "docker.io/library/test.com:tag"],
    ["test.com:5000", "docker.io/library/test.com:5000"],
    ["test.com/repo:tag", "test.com/repo:tag"],
    ["test:5000/repo", "test:5000/repo"],
    ["test:5000/repo:tag", "test:5000/repo:tag"],
    [`test:5000/repo@${SHA256}`, `test:5000/repo@${SHA256}`],
    [`test:5000/repo:tag@${SHA256}`, `test:5000/repo:tag@${SHA256}`],
    ["lowercase:Uppercase", "docker.io/library/lowercase:Uppercase"],
    ["a/".repeat(127) + "a:tag-puts-this-over-max", "docker.io/" + "a/".repeat(127) + "a:tag-puts-this-over-max"],
    ["sub-dom1.foo.com/bar/baz/quux", "sub-dom1.foo.com/bar/baz/quux"],
    ["sub-dom1.foo.com/bar/baz/quux:some-long-tag", "sub-dom1.foo.com/bar/baz/quux:some-long-tag"],
    ["b.gcr.io/test.example.com/my-app:test.example.com", "b.gcr.io/test.example.com/my-app:test.example.com"],
    ["xn--n3h.com/myimage:xn--n3h.com", "xn--n3h.com/myimage:xn--n3h.com"],
    [`xn--7o8h.com/myimage:xn--7o8h.com@${SHA512}`, `xn--7o8h.com/myimage:xn--7o8h.com@${SHA512}`],
    ["foo_bar.com:8080", "docker.io/library/foo_bar.com:8080"],
    ["foo/foo_bar.com:8080", "docker.io/foo/foo_bar.com:8080"],
    ["192.168.1.1", "docker.io/library/192.168.1.1"],
    ["192.168.1.1:tag", "docker.io/library/192.168.1.1:tag"],
    ["192.168.1.1:5000", "docker.io/library/192.168.1.1:5000"],
    ["192.168.1.1/repo", "192.168.1.1/repo"],
    ["192.168.1.1:5000/repo", "192.168.1.1:5000/repo"],
    ["192.168.1.1:5000/repo:5050", "192.168.1.1:5000/repo:5050"],
    ["[2001:db8::1]/repo", "[2001:db8::1]/repo"],
    ["[2001:db8:1:2:3:4:5:6]/repo:tag", "[2001:db8:1:2:3:4:5:6]/repo:tag"],
    ["[2001:db8::1]:5000/repo", "[2001:db8::1]:5000/repo"],
    ["[2001:db8::1]:5000/repo:tag", "[2001:db8::1]:5000/repo:tag"],
    [`[2001:db8::1]:5000/repo@${SHA256}`, `[2001:db8::1]:5000/repo@${SHA256}`],
    [`[2001:db8::1]:5000/repo:tag@${SHA256}`, `[2001:db8::1]:5000/repo:tag@${SHA256}`],
    ["[2001:db8::]:5000/repo", "[2001:db8::]:5000/repo"],
    ["[::1]:5000/repo", "[::1]:5000/repo"],
  ])("%s → %s", (input, expected) => {
    expect(canonical(ref(input))).toBe(expected);
  });

  it.each([
    ["", "invalid reference format"],
    [":justtag", "invalid reference format"],
    [`@${SHA256}`, "invalid reference format"],
    ["repo@sha256:" + "f".repeat(34), "invalid checksum digest length"],
    ["validname@invaliddigest:" + "f".repeat(64), "unsupported digest algorithm"],
    ["Uppercase:tag", "invalid reference format: repository name (library/Uppercase) must be lowercase"],
    ["test:5000/Uppercase/lowercase:tag", "invalid reference format: repository name (Uppercase/lowercase) must be lowercase"],
    ["a/".repeat(128) + "a:tag", "repository name must not be more than 255 characters"],
    ["[2001:db8::1]", "invalid reference format"],
    ["[2001:db8::1]:5000", "invalid reference format"],
    ["[2001:db8::1]:tag", "invalid reference format"],
    ["[fe80::1%eth0]:5000/repo", "invalid reference format"],
    ["[fe80::1%@invalidzone]:5000/repo", "invalid reference format"],
  ])("%j fails: %s", (input, error) => {
    expect(errorOf(input)).toBe(error);
  });

  it("marks a name with $ as unresolved instead of failing (aa/asdf$$^/aa)", () => {
    expect(parseImageReference("aa/asdf$$^/aa")).toMatchObject({ ok: true, ref: { unresolved: true } });
  });
});

describe("TestDomainAndPath / TestNormalizedSplitHostname", () => {
  it.each([
    ["test.com/foo", "test.com", "foo"],
    ["test_com/foo", "docker.io", "test_com/foo"],
    ["docker/migrator", "docker.io", "docker/migrator"],
    ["test:8080/foo", "test:8080", "foo"],
    ["test.com:8080/foo", "test.com:8080", "foo"],
    ["test-com:8080/foo", "test-com:8080", "foo"],
    ["foo", "docker.io", "library/foo"],
    ["xn--n3h.com/foo", "xn--n3h.com", "foo"],
    ["xn--n3h.com:18080/foo", "xn--n3h.com:18080", "foo"],
    ["docker.io/foo", "docker.io", "library/foo"],
    ["docker.io/library/foo", "docker.io", "library/foo"],
    ["docker.io/library/foo/bar", "docker.io", "library/foo/bar"],
  ])("%s → domain %s, path %s", (input, domain, repository) => {
    expect(ref(input)).toMatchObject({ domain, repository });
  });

  it("keeps a first element that looks like a domain but is not one in the path (grammar quirk)", () => {
    // splitDockerDomain takes "foo_bar.com" as the domain, then the grammar only accepts it as a path.
    expect(ref("foo_bar.com/x")).toMatchObject({ domain: "", repository: "foo_bar.com/x", familiarName: "foo_bar.com/x", path: { start: 0 } });
    expect(ref("foo_bar.com/x").registry).toBeUndefined();
  });
});

describe("TestValidateReferenceName / TestValidateRemoteName", () => {
  it.each([
    "docker/docker",
    "library/debian",
    "debian",
    "docker.io/docker/docker",
    "docker.io/library/debian",
    "docker.io/debian",
    "index.docker.io/docker/docker",
    "index.docker.io/library/debian",
    "index.docker.io/debian",
    "127.0.0.1:5000/docker/docker",
    "127.0.0.1:5000/library/debian",
    "127.0.0.1:5000/debian",
    "192.168.0.1",
    "192.168.0.1:80",
    "192.168.0.1:8/debian",
    "192.168.0.2:25000/debian",
    "thisisthesongthatneverendsitgoesonandonandonthisisthesongthatnev",
    "[fc00::1]:5000/docker",
    "[fc00::1]:5000/docker/docker",
    "[fc00:1:2:3:4:5:6:7]:5000/library/debian",
    "docker.io/1a3f5e7d9c1b3a5f7e9d1c3b5a7f9e1d3c5b7a9f1e3d5d7c9b1a3f5e7d9c1b3a",
    "Docker/docker",
    "DOCKER/docker",
    "docker-rules/docker",
    "docker---rules/docker",
    "doc/docker",
    "d/docker",
    "jess/t",
    "dock__er/docker",
  ])("%s is valid", (input) => {
    expect(parseImageReference(input).ok).toBe(true);
  });

  it.each([
    "https://github.com/docker/docker",
    "docker/Docker",
    "-docker",
    "-docker/docker",
    "-docker.io/docker/docker",
    "docker///docker",
    "docker.io/docker/Docker",
    "docker.io/docker///docker",
    "[fc00::1]",
    "[fc00::1]:5000",
    "fc00::1:5000/debian",
    "[fe80::1%eth0]:5000/debian",
    "[2001:db8:3:4::192.0.2.33]:5000/debian",
    "1a3f5e7d9c1b3a5f7e9d1c3b5a7f9e1d3c5b7a9f1e3d5d7c9b1a3f5e7d9c1b3a",
    "docker-/docker",
    "-docker-/docker",
    "____/____",
    "_docker/_docker",
    "dock..er/docker",
    "dock_.er/docker",
    "dock-.er/docker",
    "docker/",
    "this_is_not_a_valid_namespace_because_its_lenth_is_greater_than_255_".repeat(4) + "/docker",
  ])("%s is invalid", (input) => {
    expect(parseImageReference(input)).toMatchObject({ ok: false, unresolved: false });
  });

  it("names the 64-hex identifier error", () => {
    const id = "1a3f5e7d9c1b3a5f7e9d1c3b5a7f9e1d3c5b7a9f1e3d5d7c9b1a3f5e7d9c1b3a";
    expect(errorOf(id)).toBe(`invalid repository name (${id}), cannot specify 64-byte hexadecimal strings`);
  });
});

describe("TestParseRepositoryInfo", () => {
  it.each([
    ["fooo/bar", "fooo/bar", "docker.io/fooo/bar", "index.docker.io/fooo/bar", "docker.io"],
    ["library/ubuntu", "ubuntu", "docker.io/library/ubuntu", "library/ubuntu", "docker.io"],
    ["nonlibrary/ubuntu", "nonlibrary/ubuntu", "docker.io/nonlibrary/ubuntu", "", "docker.io"],
    ["other/library", "other/library", "docker.io/other/library", "", "docker.io"],
    ["private/moonbase", "127.0.0.1:8000/private/moonbase", "127.0.0.1:8000/private/moonbase", "", "127.0.0.1:8000"],
    ["privatebase", "127.0.0.1:8000/privatebase", "127.0.0.1:8000/privatebase", "", "127.0.0.1:8000"],
    ["private/moonbase", "example.com/private/moonbase", "example.com/private/moonbase", "", "example.com"],
    ["privatebase", "example.com/privatebase", "example.com/privatebase", "", "example.com"],
    ["private/moonbase", "example.com:8000/private/moonbase", "example.com:8000/private/moonbase", "", "example.com:8000"],
    ["privatebasee", "example.com:8000/privatebasee", "example.com:8000/privatebasee", "", "example.com:8000"],
    ["library/ubuntu-12.04-base", "ubuntu-12.04-base", "docker.io/library/ubuntu-12.04-base", "index.docker.io/library/ubuntu-12.04-base", "docker.io"],
    ["library/foo", "foo", "docker.io/library/foo", "docker.io/foo", "docker.io"],
    ["library/foo/bar", "library/foo/bar", "docker.io/library/foo/bar", "", "docker.io"],
    ["store/foo/bar", "store/foo/bar", "docker.io/store/foo/bar", "", "docker.io"],
    ["bar", "Foo/bar", "Foo/bar", "", "Foo"],
    ["bar", "FOO/bar", "FOO/bar", "", "FOO"],
  ])("%s: %s / %s / %s", (remote, familiar, full, ambiguous, domain) => {
    for (const input of [familiar, full, ambiguous].filter((s) => s !== "")) {
      const r = ref(input);
      expect({ familiar: r.familiarName, full: canonical(r), domain: r.domain, remote: r.repository }).toEqual({ familiar, full, domain, remote });
    }
  });
});

describe("TestParseReferenceWithTagAndDigest / TestParseAnyReference", () => {
  it("keeps both tag and digest", () => {
    const digest = "sha256:86e0e091d0da6bde2456dbb48306f3956bbeb2eae1b5b9a43045843f69fe4aaa";
    const r = ref(`busybox:latest@${digest}`);
    expect(canonical(r)).toBe(`docker.io/library/busybox:latest@${digest}`);
    expect(r).toMatchObject({ familiarName: "busybox", tag: { value: "latest" }, digest: { value: digest } });
  });

  const DIGEST = "sha256:dbcc1c35ac38df41fd2f5e4130b32ffdb93ebae8b3dbe638c23575912276fc9c";
  it.each([
    ["redis", "docker.io/library/redis"],
    ["redis:latest", "docker.io/library/redis:latest"],
    ["docker.io/library/redis:latest", "docker.io/library/redis:latest"],
    [`redis@${DIGEST}`, `docker.io/library/redis@${DIGEST}`],
    [`docker.io/library/redis@${DIGEST}`, `docker.io/library/redis@${DIGEST}`],
    ["dmcgowan/myapp", "docker.io/dmcgowan/myapp"],
    ["dmcgowan/myapp:latest", "docker.io/dmcgowan/myapp:latest"],
    ["docker.io/mcgowan/myapp:latest", "docker.io/mcgowan/myapp:latest"],
    [`dmcgowan/myapp@${DIGEST}`, `docker.io/dmcgowan/myapp@${DIGEST}`],
    ["dbcc1c35ac38df41fd2f5e4130b32ffdb93ebae8b3dbe638c23575912276fc9", "docker.io/library/dbcc1c35ac38df41fd2f5e4130b32ffdb93ebae8b3dbe638c23575912276fc9"],
    ["dbcc1", "docker.io/library/dbcc1"],
  ])("%s ≡ %s", (input, equivalent) => {
    expect(canonical(ref(input))).toBe(equivalent);
  });
});

describe("parts and offsets", () => {
  it("splits registry, path, tag and digest with offsets into the input", () => {
    const digest = "sha256:" + "a".repeat(64);
    const raw = `registry.example.com:5000/team/app:1.2@${digest}`;
    expect(ref(raw)).toEqual({
      raw,
      registry: { value: "registry.example.com:5000", start: 0, end: 25 },
      path: { value: "team/app", start: 26, end: 34 },
      tag: { value: "1.2", start: 35, end: 38 },
      digest: { value: digest, start: 39, end: raw.length },
      domain: "registry.example.com:5000",
      repository: "team/app",
      familiarName: "registry.example.com:5000/team/app",
      isScratch: false,
      unresolved: false,
    });
  });

  it("reports no tag when none is written", () => {
    expect(ref("alpine").tag).toBeUndefined();
    expect(ref("alpine")).toMatchObject({ path: { value: "alpine", start: 0, end: 6 }, familiarName: "alpine" });
  });

  it("treats localhost as a registry only before a slash", () => {
    expect(ref("localhost/app")).toMatchObject({ registry: { value: "localhost" }, domain: "localhost" });
    expect(ref("localhost:5000")).toMatchObject({ domain: "docker.io", repository: "library/localhost", tag: { value: "5000" } });
    expect(ref("[::1]:5000/app:v1")).toMatchObject({ registry: { value: "[::1]:5000" }, path: { value: "app" }, tag: { value: "v1", start: 15 } });
  });

  it("normalises index.docker.io but keeps what was written", () => {
    expect(ref("index.docker.io/library/alpine:3")).toMatchObject({ registry: { value: "index.docker.io" }, domain: "docker.io", familiarName: "alpine" });
  });

  it("recognises scratch exactly", () => {
    expect(ref("scratch").isScratch).toBe(true);
    expect(ref("scratch:latest").isScratch).toBe(false);
  });

  it("limits tags to 128 characters and checks digest hex case", () => {
    expect(parseImageReference("a:" + "t".repeat(128)).ok).toBe(true);
    expect(errorOf("a:" + "t".repeat(129))).toBe("invalid reference format");
    expect(errorOf("a:-tag")).toBe("invalid reference format");
    expect(errorOf("a@sha256:" + "A".repeat(64))).toBe("invalid checksum digest format");
  });
});

describe("unresolved references", () => {
  it("splits around ${…} without validating", () => {
    expect(ref("${REGISTRY:-docker.io}/team/app:${TAG}")).toMatchObject({
      registry: { value: "${REGISTRY:-docker.io}", start: 0, end: 22 },
      path: { value: "team/app" },
      tag: { value: "${TAG}", start: 32, end: 38 },
      unresolved: true,
    });
    expect(ref("node:$NODE_VERSION-alpine")).toMatchObject({ domain: "docker.io", repository: "library/node", tag: { value: "$NODE_VERSION-alpine" }, unresolved: true });
    expect(ref("$BASE")).toMatchObject({ path: { value: "$BASE" }, unresolved: true });
    expect(ref("$BASE").tag).toBeUndefined();
  });

  it("fails, still marked unresolved, when there is no path", () => {
    expect(parseImageReference(":${TAG}")).toEqual({ ok: false, error: "invalid reference format", unresolved: true });
  });
});

describe("performance", () => {
  it("stays linear on long hostile inputs", () => {
    const started = performance.now();
    for (const raw of ["a-".repeat(50_000) + "!", "a.".repeat(50_000) + "/x!", "a/".repeat(50_000) + ":", "x@" + "sha256+".repeat(20_000) + ":"]) {
      expect(parseImageReference(raw).ok).toBe(false);
    }
    expect(performance.now() - started).toBeLessThan(2_000);
  });
});
