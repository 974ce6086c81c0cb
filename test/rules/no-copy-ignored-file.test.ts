import { mkdtempSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import rule from "../../rules/no-copy-ignored-file.js";
import { testRule } from "../support/rule-tester.js";

/** A build context folder holding `files`; returns its path. */
function context(files: Record<string, string>): string {
  const root = mkdtempSync(join(tmpdir(), "dockerlint-copy-ignored-"));
  for (const [path, text] of Object.entries(files)) writeFileSync(join(root, path), text);
  return root;
}

const ignore = ["# build output", "*.md", "!README.md", "node_modules", "/secrets/", "build", "!build/keep.txt", "**/*.log", ""].join("\n");
const dir = context({ Dockerfile: "", ".dockerignore": ignore });
const dockerfile = join(dir, "Dockerfile");
const perFile = context({ "app.Dockerfile": "", ".dockerignore": "a.txt\n", "app.Dockerfile.dockerignore": "b.txt\n" });
const none = context({ Dockerfile: "" });

testRule(rule, {
  valid: [
    { code: "FROM node:22\nCOPY README.md package.json /app/\n", filePath: dockerfile, name: "re-included and untouched files" },
    { code: "FROM node:22\nCOPY build/keep.txt /app/\n", filePath: dockerfile, name: "Docker re-includes a file inside an excluded folder" },
    { code: "FROM node:22\nCOPY docs/guide.md /app/\n", filePath: dockerfile, name: "patterns are anchored at the context root" },
    { code: "FROM node:22\nCOPY . /app/\n", filePath: dockerfile, name: "the whole context" },
    { code: "FROM node:22\nCOPY *.md /app/\n", filePath: dockerfile, name: "wildcards are not checked" },
    { code: "FROM node:22 AS x\nFROM node:22\nCOPY --from=x notes.md /app/\n", filePath: dockerfile, name: "a copy from a stage" },
    { code: "FROM node:22\nCOPY notes.md /app/\n", name: "no file path" },
    { code: "FROM node:22\nCOPY notes.md /app/\n", filePath: join(dir, "made-up.Dockerfile"), name: "a path that is no file, in a folder with a .dockerignore" },
    { code: "FROM node:22\nCOPY notes.md /app/\n", filePath: join(dir, "-"), name: "standard input, in a folder with a .dockerignore" },
    { code: "FROM node:22\nCOPY notes.md /app/\n", filePath: join(none, "Dockerfile"), name: "no .dockerignore" },
    { code: "FROM node:22\nCOPY a.txt /app/\n", filePath: join(perFile, "app.Dockerfile"), name: "the per-Dockerfile ignore file wins" },
  ],
  invalid: [
    {
      code: "FROM node:22\nCOPY notes.md /app/\n",
      filePath: dockerfile,
      errors: [{ message: "Source 'notes.md' of COPY is excluded by .dockerignore (pattern '*.md'): it is not sent to the builder, so the build fails or copies less than it says.", line: 2, column: 6, endLine: 2, endColumn: 14, aliases: ["CopyIgnoredFile"] }],
    },
    {
      name: "folders, leading slashes, ./ and double stars",
      code: "FROM node:22\nCOPY node_modules/x/index.js ./secrets/key /app/\nADD build /build/\nCOPY logs/app/error.log /logs/\n",
      filePath: dockerfile,
      errors: [
        { message: "Source 'node_modules/x/index.js' of COPY is excluded by .dockerignore (pattern 'node_modules'): it is not sent to the builder, so the build fails or copies less than it says.", line: 2, column: 6, endColumn: 29 },
        { message: "Source './secrets/key' of COPY is excluded by .dockerignore (pattern 'secrets'): it is not sent to the builder, so the build fails or copies less than it says.", line: 2, column: 30, endColumn: 43 },
        { message: "Source 'build' of ADD is excluded by .dockerignore (pattern 'build'): it is not sent to the builder, so the build fails or copies less than it says.", line: 3, column: 5, endColumn: 10 },
        { messageId: "ignored", line: 4, column: 6, endColumn: 24 },
      ],
    },
    {
      name: "a per-Dockerfile ignore file",
      code: "FROM node:22\nCOPY b.txt /app/\n",
      filePath: join(perFile, "app.Dockerfile"),
      errors: [{ message: "Source 'b.txt' of COPY is excluded by app.Dockerfile.dockerignore (pattern 'b.txt'): it is not sent to the builder, so the build fails or copies less than it says.", line: 2, column: 6, endColumn: 11 }],
    },
  ],
});
