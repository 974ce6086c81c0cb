import { describe, expect, it } from "vitest";
import { fileOperations, type FileOperation, type FilePath } from "../../src/model/file-operations.js";
import { parseShell } from "../../src/model/shell.js";
import type { SimpleCommand } from "../../src/model/shell-types.js";
import { cmd, sh } from "./support/commands.js";

/** Each case runs on the test helper's commands and on the real shell parser's. */
const PARSERS: readonly (readonly [string, (script: string) => readonly SimpleCommand[]])[] = [
  ["helper", sh],
  ["parseShell", (script) => parseShell({ text: script }).commands],
];

const envOf = (vars: Record<string, string>) => ({ get: (name: string) => vars[name] });

const pathText = (p: FilePath): string => `${p.path}${p.isGlob ? " glob" : ""}${p.isVariable ? " variable" : ""}`;

/** The fields a case compares, without words and commands. */
function summary(op: FileOperation): Record<string, unknown> {
  switch (op.kind) {
    case "remove":
      return { kind: op.kind, paths: op.paths.map(pathText), recursive: op.recursive, force: op.force };
    case "download":
      return {
        kind: op.kind,
        tool: op.tool,
        urls: op.urls.map(pathText),
        output: op.output,
        pipedTo: op.pipedTo,
        pipedToShell: op.pipedToShell,
        insecure: op.insecure,
      };
    case "extract":
      return {
        kind: op.kind,
        tool: op.tool,
        archive: op.archive && pathText(op.archive),
        fromStdin: op.fromStdin,
        destination: op.destination,
      };
    case "chmod":
      return { kind: op.kind, mode: op.mode, paths: op.paths.map(pathText), recursive: op.recursive };
    case "chown":
      return { kind: op.kind, owner: op.owner, group: op.group, paths: op.paths.map(pathText), recursive: op.recursive };
    case "mkdir":
      return { kind: op.kind, paths: op.paths.map(pathText), parents: op.parents, mode: op.mode };
  }
}

interface Case {
  readonly name: string;
  readonly script: string;
  readonly env?: Record<string, string>;
  readonly ops: readonly Record<string, unknown>[];
}

const cases: readonly Case[] = [
  // rm
  {
    name: "rm -rf keeps globs as patterns",
    script: "rm -rf /var/lib/apt/lists/* /tmp/build",
    ops: [{ kind: "remove", paths: ["/var/lib/apt/lists/* glob", "/tmp/build"], recursive: true, force: true }],
  },
  { name: "rm -fr and --recursive spellings", script: "rm -fr /a && rm --recursive --force /b", ops: [{ recursive: true, force: true }, { recursive: true, force: true }] },
  { name: "rm without -r", script: "rm -f /tmp/pkg.deb", ops: [{ paths: ["/tmp/pkg.deb"], recursive: false, force: true }] },
  { name: "~ is HOME (default /root)", script: "rm -rf ~/.npm ~/.cache/pip", ops: [{ paths: ["/root/.npm", "/root/.cache/pip"] }] },
  { name: "$HOME defaults to /root", script: 'rm -rf "$HOME/.cargo/registry"', ops: [{ paths: ["/root/.cargo/registry"] }] },
  { name: "$HOME is resolved from ENV", script: "rm -rf $HOME/.cache", env: { HOME: "/home/app" }, ops: [{ paths: ["/home/app/.cache"] }] },
  { name: "unknown variables are marked", script: 'rm -rf "$TMP_DIR"', ops: [{ paths: ["$TMP_DIR variable"] }] },
  { name: "quoted globs are literal", script: "rm -f '/tmp/*'", ops: [{ paths: ["/tmp/*"] }] },
  { name: "sudo rm", script: "sudo rm -rf /opt/old", ops: [{ kind: "remove", paths: ["/opt/old"] }] },
  // curl / wget
  {
    name: "curl | bash",
    script: "curl -fsSL https://deb.nodesource.com/setup_20.x | bash -",
    ops: [{ kind: "download", tool: "curl", urls: ["https://deb.nodesource.com/setup_20.x"], output: "-", pipedTo: "bash", pipedToShell: true }],
  },
  {
    name: "curl | sudo sh",
    script: "curl -sSL https://get.example.com | sudo sh",
    ops: [{ pipedTo: "sh", pipedToShell: true }],
  },
  {
    name: "curl -o into a file",
    script: "curl -fsSLo /usr/local/bin/kubectl https://dl.k8s.io/release/v1.30.0/bin/linux/amd64/kubectl",
    ops: [{ output: "/usr/local/bin/kubectl", pipedToShell: false }],
  },
  {
    name: "curl -O names the file after the URL",
    script: "curl -LO https://example.com/files/app.tar.gz",
    ops: [{ output: "app.tar.gz", urls: ["https://example.com/files/app.tar.gz"] }],
  },
  { name: "curl --output-dir", script: "curl -O --output-dir /tmp https://example.com/a.zip", ops: [{ output: "/tmp/a.zip" }] },
  { name: "curl --url", script: "curl --url https://example.com/x -o x", ops: [{ urls: ["https://example.com/x"], output: "x" }] },
  { name: "option paths are resolved like arguments", script: "curl -fsSLo ~/bin/tool https://example.com/tool && tar -xzf /tmp/a.tgz -C $PREFIX", env: { PREFIX: "/opt/a" }, ops: [{ output: "/root/bin/tool" }, { destination: "/opt/a" }] },
  { name: "curl -k is insecure", script: "curl -k https://example.com/x -o x", ops: [{ insecure: true }] },
  {
    name: "curl | tar: the download feeds an extraction",
    script: "curl -sSL https://go.dev/dl/go1.22.2.linux-amd64.tar.gz | tar -xz -C /usr/local",
    ops: [
      { kind: "download", pipedTo: "tar", pipedToShell: false },
      { kind: "extract", tool: "tar", archive: undefined, fromStdin: true, destination: "/usr/local" },
    ],
  },
  {
    name: "wget -qO- | sh",
    script: "wget -qO- https://get.docker.com | sh",
    ops: [{ tool: "wget", output: "-", pipedTo: "sh", pipedToShell: true }],
  },
  { name: "wget saves under the URL's name", script: "wget -nv https://example.com/dist/tool-1.0.tgz", ops: [{ output: "tool-1.0.tgz", pipedTo: undefined }] },
  { name: "wget --progress with a separate value", script: 'wget --progress dot:giga --output-document "$OTP_PATH.tar.gz" "$OTP_SOURCE_URL"', ops: [{ urls: ["$OTP_SOURCE_URL variable"], output: "$OTP_PATH.tar.gz" }] },
  { name: "curl --speed-limit takes a value", script: "curl --speed-limit 256000 --location https://example.com/a.zip -o a.zip", ops: [{ urls: ["https://example.com/a.zip"] }] },
  { name: "wget -P", script: "wget -P /tmp/ https://example.com/a.zip", ops: [{ output: "/tmp/a.zip" }] },
  {
    name: "wget -O with --no-check-certificate",
    script: "wget --no-check-certificate --progress=dot:giga -O /tmp/x.tgz https://example.com/x.tgz",
    ops: [{ output: "/tmp/x.tgz", insecure: true }],
  },
  // tar / unzip
  {
    name: "tar old-style options",
    script: "tar xzf node-v20.tar.gz -C /usr/local --strip-components=1",
    ops: [{ kind: "extract", tool: "tar", archive: "node-v20.tar.gz", fromStdin: false, destination: "/usr/local" }],
  },
  { name: "tar -xJf", script: "tar -xJf /tmp/x.tar.xz", ops: [{ archive: "/tmp/x.tar.xz" }] },
  { name: "tar long options", script: "tar --extract --file=/tmp/a.tar --directory=/opt", ops: [{ archive: "/tmp/a.tar", destination: "/opt" }] },
  { name: "tar -C before -x", script: "tar -C /opt -xvf /tmp/a.tar", ops: [{ archive: "/tmp/a.tar", destination: "/opt" }] },
  { name: "tar create is not an extraction", script: "tar -czf /tmp/out.tgz /app", ops: [] },
  {
    name: "unzip -d",
    script: "unzip -q /tmp/awscliv2.zip -d /opt",
    ops: [{ kind: "extract", tool: "unzip", archive: "/tmp/awscliv2.zip", destination: "/opt", fromStdin: false }],
  },
  // chmod / chown / mkdir
  { name: "chmod +x", script: "chmod +x /usr/local/bin/kubectl", ops: [{ kind: "chmod", mode: "+x", paths: ["/usr/local/bin/kubectl"], recursive: false }] },
  { name: "chmod -R 755", script: "chmod -R 755 /app", ops: [{ mode: "755", paths: ["/app"], recursive: true }] },
  { name: "chmod symbolic list", script: "chmod u+x,g-w a b", ops: [{ mode: "u+x,g-w", paths: ["a", "b"] }] },
  { name: "chmod -x is a mode, not an option", script: "chmod -R -s /usr/bin/exim && chmod -x /a", ops: [{ mode: "-s", paths: ["/usr/bin/exim"], recursive: true }, { mode: "-x", paths: ["/a"] }] },
  { name: "chmod --reference", script: "chmod --reference=/etc/hosts /tmp/x", ops: [{ mode: undefined, paths: ["/tmp/x"] }] },
  { name: "chown -R user:group", script: "chown -R app:app /app", ops: [{ kind: "chown", owner: "app", group: "app", paths: ["/app"], recursive: true }] },
  { name: "chown :group", script: "chown :www-data /var/www", ops: [{ owner: undefined, group: "www-data" }] },
  { name: "chown uid.gid", script: "chown 1000.1000 /data", ops: [{ owner: "1000", group: "1000" }] },
  { name: "mkdir -p -m", script: "mkdir -p -m 700 /app/data /app/logs", ops: [{ kind: "mkdir", paths: ["/app/data", "/app/logs"], parents: true, mode: "700" }] },
  { name: "mkdir without -p", script: "mkdir /x", ops: [{ parents: false, mode: undefined }] },
  // mixed and robustness
  {
    name: "a typical download-and-install RUN",
    script:
      "curl -fsSL -o /tmp/hadolint https://github.com/hadolint/hadolint/releases/download/v2.12.0/hadolint-Linux-x86_64 && chmod +x /tmp/hadolint && mv /tmp/hadolint /usr/local/bin && rm -rf /tmp/*",
    ops: [{ kind: "download", output: "/tmp/hadolint" }, { kind: "chmod" }, { kind: "remove", paths: ["/tmp/* glob"] }],
  },
  { name: "a program in a variable", script: "$RM -rf /x", ops: [] },
  { name: "command -v is a lookup", script: "command -v curl", ops: [] },
];

describe.each(PARSERS)("fileOperations (%s)", (_parser, parse) => {
  it.each(cases.map((c) => [c.name, c] as const))("%s", (_name, c) => {
    const ops = fileOperations(parse(c.script), c.env === undefined ? undefined : envOf(c.env));
    expect(ops.map(summary)).toMatchObject(c.ops);
    expect(ops).toHaveLength(c.ops.length);
  });
});

/** Cases that need redirections or substitutions, which only the real parser builds. */
const parserOnlyCases: readonly Case[] = [
  { name: "curl > file", script: "curl -fsSL https://example.com/key.gpg > /usr/share/keyrings/example.gpg", ops: [{ output: "/usr/share/keyrings/example.gpg", pipedToShell: false }] },
  { name: "stderr redirection keeps stdout", script: "curl -fsSL https://example.com/i.sh 2>/dev/null | sh", ops: [{ output: "-", pipedToShell: true }] },
  { name: 'sh -c "$(curl …)"', script: 'sh -c "$(curl -fsSL https://raw.githubusercontent.com/ohmyzsh/ohmyzsh/master/tools/install.sh)"', ops: [{ output: "-", pipedTo: "sh", pipedToShell: true }] },
  { name: "bash <(curl …)", script: "bash <(curl -s https://example.com/i.sh)", ops: [{ pipedTo: "bash", pipedToShell: true }] },
  { name: "echo $(curl …) is not a shell", script: 'echo "$(curl -s https://example.com/v)"', ops: [{ pipedTo: undefined, pipedToShell: false }] },
];

describe("fileOperations (parseShell: redirections and substitutions)", () => {
  it.each(parserOnlyCases.map((c) => [c.name, c] as const))("%s", (_name, c) => {
    const ops = fileOperations(parseShell({ text: c.script }).commands);
    expect(ops.map(summary)).toMatchObject(c.ops);
    expect(ops).toHaveLength(c.ops.length);
  });
});

describe("fileOperations", () => {
  it("normalises option names", () => {
    const [op] = fileOperations(sh("curl -fsSL -H 'Accept: text/plain' --retry 3 --header=X:1 https://example.com -o out"));
    expect(op.options.map((o) => (o.value === undefined ? o.name : `${o.name}=${o.value}`))).toEqual([
      "fail", "silent", "S", "location", "header=Accept: text/plain", "retry=3", "header=X:1", "output=out",
    ]);
  });

  it("keeps the command and the words", () => {
    const command = cmd("rm", "-rf", "/tmp/x");
    const [op] = fileOperations([command]);
    expect(op.command).toBe(command);
    expect(op.kind === "remove" && op.paths[0].word).toBe(command.args[1]);
  });

  it("never throws on odd input", () => {
    const odd = [cmd(), cmd("rm"), cmd("curl"), cmd("curl", "-o"), cmd("wget", "-O"), cmd("tar"), cmd("tar", "x"), cmd("unzip"), cmd("chmod"), cmd("chown", ":"), cmd("mkdir", "-m"), cmd("constructor"), cmd("__proto__", "-rf")];
    expect(() => fileOperations(odd)).not.toThrow();
  });
});
