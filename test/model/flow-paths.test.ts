/**
 * The path helpers of the file-flow analysis: how two paths relate, also on the inputs their
 * shortcuts take (glob paths that part at a literal segment, answered without splitting; glob paths
 * that part at a glob segment or where one path ends; `/` itself), and relative paths joined to a
 * normal or an odd working directory.
 */
import { describe, expect, it } from "vitest";
import { absolutePath, baseName, pathRelation } from "../../src/model/flow/index.js";

describe("pathRelation", () => {
  it("relates paths with globs segment by segment", () => {
    expect(pathRelation("/var/lib/apt/lists/*", "/var/lib/apt/lists")).toBe("contents");
    expect(pathRelation("/software", "/software")).toBe("same");
    expect(pathRelation("/opt", "/opt/tool/bin")).toBe("ancestor");
    expect(pathRelation("/app/.git", "/app")).toBe("inside");
    expect(pathRelation("/app", "/application")).toBeUndefined();
    expect(pathRelation("/application", "/app")).toBeUndefined();
    expect(pathRelation("/", "/x")).toBe("ancestor");
    expect(pathRelation("/x", "/")).toBe("inside");
    expect(pathRelation("/", "/")).toBe("same");
    expect(pathRelation("/usr/bin/qemu-*-static", "/usr/bin/qemu-aarch64-static")).toBe("same");
    expect(pathRelation("/tmp/a", "/tmp/b")).toBeUndefined();
    expect(pathRelation("/", "/etc")).toBe("ancestor");
  });

  it("finds unrelated paths that part at a literal segment", () => {
    expect(pathRelation("/var/lib/apt/lists/*", "/app")).toBeUndefined();
    expect(pathRelation("/usr/lib/*", "/usr/lib64/x")).toBeUndefined();
    expect(pathRelation("/usr/lib64/*", "/usr/lib")).toBeUndefined();
    expect(pathRelation("/tmp/*.tar.gz", "/opt/app.tar.gz")).toBeUndefined();
  });

  it("matches where the paths part at a glob segment", () => {
    expect(pathRelation("/tmp/*.tar.gz", "/tmp/app.tar.gz")).toBe("same");
    expect(pathRelation("/usr/lib*/x", "/usr/lib64/x")).toBe("same");
    expect(pathRelation("/usr/lib6?", "/usr/lib64/x")).toBe("ancestor");
    expect(pathRelation("/opt/[ab]pp/bin", "/opt/app")).toBe("inside");
    expect(pathRelation("/opt/[ab]pp/bin", "/opt/cpp")).toBeUndefined();
  });

  it("relates a glob path to a path it ends in or that ends in it", () => {
    expect(pathRelation("/var/lib/apt/lists/*", "/var/lib")).toBe("inside");
    expect(pathRelation("/var/lib", "/var/lib/apt/lists/*")).toBe("ancestor");
    expect(pathRelation("/var/*", "/var/*")).toBe("same");
  });

  it("tells paths apart at their first character unless a pattern starts there", () => {
    expect(pathRelation("/usr", "/var")).toBeUndefined();
    expect(pathRelation("/var/lib/apt/lists/*", "/bin")).toBeUndefined();
    expect(pathRelation("/*/bin", "/usr/bin")).toBe("same");
    expect(pathRelation("/?pp/x", "/app")).toBe("inside");
    expect(pathRelation("/[ab]pp", "/app")).toBe("same");
    expect(pathRelation("/\\a*", "/app")).toBe("same");
  });

  it("treats / as the root of every path", () => {
    expect(pathRelation("/", "/tmp/*")).toBe("ancestor");
    expect(pathRelation("/*", "/")).toBe("contents");
    expect(pathRelation("/tmp/*", "/")).toBe("inside");
  });
});

describe("absolutePath", () => {
  it("joins a plain relative path to a normal directory as it is", () => {
    expect(absolutePath("src/app", "/srv")).toBe("/srv/src/app");
    expect(absolutePath("app", "/")).toBe("/app");
    expect(absolutePath(".hidden/x", "/srv")).toBe("/srv/.hidden/x");
    expect(absolutePath("a...b", "/srv")).toBe("/srv/a...b");
  });

  it("normalises relative paths with ., .. or empty segments", () => {
    expect(absolutePath("./app", "/srv")).toBe("/srv/app");
    expect(absolutePath("../etc//app/", "/srv/www")).toBe("/srv/etc/app");
    expect(absolutePath("..", "/")).toBe("/");
    expect(absolutePath("app/.", "/srv")).toBe("/srv/app");
  });

  it("normalises the working directory too when it is not normal", () => {
    expect(absolutePath("app", "/srv/")).toBe("/srv/app");
    expect(absolutePath("app", "/srv/./www/..")).toBe("/srv/app");
  });

  it("leaves normal absolute paths alone and normalises the others", () => {
    expect(absolutePath("/tmp/x", undefined)).toBe("/tmp/x");
    expect(absolutePath("/tmp/./x/", undefined)).toBe("/tmp/x");
    expect(absolutePath("/tmp/../..", undefined)).toBe("/");
    expect(absolutePath("x", undefined)).toBeUndefined();
    expect(absolutePath("", "/srv")).toBeUndefined();
  });
});

describe("absolutePath on paths odd only at the end", () => {
  it("cuts trailing slashes and a trailing /. off", () => {
    expect(absolutePath("/app/", undefined)).toBe("/app");
    expect(absolutePath("/app//./", undefined)).toBe("/app");
    expect(absolutePath(".", "/srv")).toBe("/srv");
    expect(absolutePath("./", "/")).toBe("/");
    expect(absolutePath("/.", undefined)).toBe("/");
    expect(absolutePath("//", undefined)).toBe("/");
  });

  it("still resolves .. and names that only start with dots", () => {
    expect(absolutePath("/app/../", undefined)).toBe("/");
    expect(absolutePath("/app/.../", undefined)).toBe("/app/...");
    expect(absolutePath("/app/.d/.", undefined)).toBe("/app/.d");
  });
});

describe("baseName", () => {
  it("reads the last segment before a query or fragment, without trailing slashes", () => {
    expect(baseName("/a/b.tgz")).toBe("b.tgz");
    expect(baseName("https://x/y.zip?z=1/w")).toBe("y.zip");
    expect(baseName("https://x/y.zip#a?b")).toBe("y.zip");
    expect(baseName("/opt/app//")).toBe("app");
    expect(baseName("app")).toBe("app");
    expect(baseName("/")).toBe("");
    expect(baseName("?x")).toBe("");
    expect(baseName("")).toBe("");
  });
});
