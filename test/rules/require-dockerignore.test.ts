import { mkdirSync, mkdtempSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import rule from "../../rules/require-dockerignore.js";
import { testRule } from "../support/rule-tester.js";

/** A repository folder (with `.git`, so the search stops there) holding `files`; returns its path. */
function repo(files: Record<string, string>): string {
  const root = mkdtempSync(join(tmpdir(), "dockerlint-require-dockerignore-"));
  mkdirSync(join(root, ".git"));
  for (const [path, text] of Object.entries(files)) {
    mkdirSync(join(root, path, ".."), { recursive: true });
    writeFileSync(join(root, path), text);
  }
  return root;
}

const bare = join(repo({ Dockerfile: "" }), "Dockerfile");
const withIgnore = join(repo({ Dockerfile: "", ".dockerignore": ".git\n" }), "Dockerfile");
const inParent = join(repo({ "docker/Dockerfile": "", ".dockerignore": ".git\n" }), "docker", "Dockerfile");
const perDockerfile = join(repo({ "app.Dockerfile": "", "app.Dockerfile.dockerignore": ".git\n" }), "app.Dockerfile");

testRule(rule, {
  valid: [
    { code: "FROM node:22\nCOPY . .\n", filePath: withIgnore, name: "a .dockerignore next to the Dockerfile" },
    { code: "FROM node:22\nCOPY . .\n", filePath: inParent, name: "a .dockerignore in a folder above (the context may be there)" },
    { code: "FROM node:22\nCOPY . .\n", filePath: perDockerfile, name: "a per-Dockerfile ignore file" },
    { code: "FROM node:22\nCOPY . .\n", name: "no file path: nothing to look at" },
    { code: "FROM node:22\nCOPY src/ ./src/\nCOPY package.json ./\n", filePath: bare, name: "narrow copies" },
    { code: "FROM node:22 AS build\nFROM node:22\nCOPY --from=build . .\n", filePath: bare, name: "a copy from a stage" },
  ],
  invalid: [
    {
      code: "FROM node:22\nCOPY . .\n",
      filePath: bare,
      errors: [{ message: "Source '.' of COPY is the whole build context, and there is no .dockerignore: .git, local build output, node_modules and secrets such as .env end up in the image, and every change to any file invalidates this layer.", line: 2, column: 6, endLine: 2, endColumn: 7, aliases: [] }],
    },
    {
      name: "ADD, ./ and *",
      code: "FROM node:22\nadd ./ /src\nCOPY * /app/\nCOPY ./* /app/\n",
      filePath: bare,
      errors: [
        { message: "Source './' of ADD is the whole build context, and there is no .dockerignore: .git, local build output, node_modules and secrets such as .env end up in the image, and every change to any file invalidates this layer.", line: 2, column: 5, endColumn: 7 },
        { messageId: "missing", line: 3, column: 6, endColumn: 7 },
        { messageId: "missing", line: 4, column: 6, endColumn: 9 },
      ],
    },
  ],
});
