import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { fileOperations } from "../../src/model/file-operations.js";
import {
  MANAGERS,
  PACKAGE_CACHES,
  cacheLeftBehind,
  packageOperations,
  type PackageManagerEnv,
  type PackageOperation,
  type RunMount,
} from "../../src/model/package-managers/index.js";
import { parseShell } from "../../src/model/shell.js";
import type { SimpleCommand } from "../../src/model/shell-types.js";
import { cmd, sh } from "./support/commands.js";

/** Each case runs on the test helper's commands and on the real shell parser's. */
const PARSERS: readonly (readonly [string, (script: string) => readonly SimpleCommand[]])[] = [
  ["helper", sh],
  ["parseShell", (script) => parseShell({ text: script }).commands],
];

const envOf = (vars: Record<string, string>): PackageManagerEnv => ({ get: (name) => vars[name] });

/** The fields a case compares; packages as `name[op version]` plus markers. */
function summary(op: PackageOperation) {
  return {
    manager: op.manager,
    kind: op.kind,
    program: op.program,
    subcommand: op.subcommand,
    packages: op.packages.map(
      (p) =>
        `${p.name}${p.operator ?? (p.version === undefined ? "" : " ")}${p.version ?? ""}${p.release === undefined ? "" : ` release=${p.release}`}` +
        `${p.pinned ? " pinned" : ""}${p.isFile ? " file" : ""}${p.isVariable ? " variable" : ""}`,
    ),
    operands: op.operands.map((w) => w.value ?? w.text),
    options: op.options.map((o) => (o.value === undefined ? o.name : `${o.name}=${o.value}`)),
    wrappers: op.wrappers,
    assumeYes: op.assumeYes,
    noInstallRecommends: op.noInstallRecommends,
    noCache: op.noCache,
    noDocs: op.noDocs,
    targetRelease: op.targetRelease,
    caches: op.caches.map((c) => c.path),
  };
}

interface Case {
  readonly name: string;
  readonly script: string;
  readonly env?: Record<string, string>;
  /** Expected summaries (partial), one per operation, in order. */
  readonly ops: readonly Partial<ReturnType<typeof summary>>[];
}

const cases: readonly Case[] = [
  // apt
  {
    name: "apt: the canonical update + install + cleanup idiom",
    script:
      "apt-get update && apt-get install -y --no-install-recommends curl=7.88.1-10+deb12u5 ca-certificates && rm -rf /var/lib/apt/lists/*",
    ops: [
      { manager: "apt", kind: "update", subcommand: ["update"], packages: [], caches: ["/var/lib/apt/lists"] },
      {
        kind: "install",
        packages: ["curl=7.88.1-10+deb12u5 pinned", "ca-certificates"],
        options: ["yes", "no-install-recommends"],
        assumeYes: true,
        noInstallRecommends: true,
        caches: [],
      },
    ],
  },
  { name: "apt: -qq implies -y", script: "apt-get -qq install curl", ops: [{ assumeYes: true, packages: ["curl"] }] },
  { name: "apt: -q=2 implies -y", script: "apt-get -q=2 install curl", ops: [{ assumeYes: true }] },
  { name: "apt: a single -q does not", script: "apt-get -q install curl", ops: [{ assumeYes: false }] },
  { name: "apt: --assume-yes", script: "apt-get --assume-yes install curl", ops: [{ assumeYes: true, options: ["yes"] }] },
  {
    name: "apt: -o APT::Get::Assume-Yes=true",
    script: "apt-get -o APT::Get::Assume-Yes=true install curl",
    ops: [{ assumeYes: true, options: ["option=APT::Get::Assume-Yes=true"] }],
  },
  { name: "apt: no prompt switch at all", script: "apt-get install curl", ops: [{ assumeYes: false, noInstallRecommends: false }] },
  { name: "apt: update and clean never ask", script: "apt-get update && apt-get clean && apt-get remove curl", ops: [{ assumeYes: true }, { assumeYes: true }, { assumeYes: false }] },
  {
    name: "apt: -o APT::Install-Recommends=false",
    script: "apt-get install -y -o APT::Install-Recommends=false curl",
    ops: [{ noInstallRecommends: true, packages: ["curl"] }],
  },
  {
    name: "apt: -t target release is not a package",
    script: "apt-get install -y -t bookworm-backports golang",
    ops: [{ targetRelease: "bookworm-backports", packages: ["golang"] }],
  },
  {
    name: "apt: --target-release=",
    script: "apt-get install -y --target-release=jammy-updates nginx",
    ops: [{ targetRelease: "jammy-updates", packages: ["nginx"] }],
  },
  { name: "apt: wildcard pin", script: "apt-get install -y pkg=1.2*", ops: [{ packages: ["pkg=1.2* pinned"] }] },
  {
    name: "apt: release selector pkg/release",
    script: "apt install -y nginx/bookworm-backports",
    ops: [{ program: "apt", packages: ["nginx release=bookworm-backports"] }],
  },
  {
    name: "apt: local .deb files",
    script: "apt-get install -y ./google-chrome-stable_current_amd64.deb /tmp/pkg.deb",
    ops: [{ packages: ["./google-chrome-stable_current_amd64.deb file", "/tmp/pkg.deb file"] }],
  },
  { name: "apt: a package list in a variable", script: "apt-get install -y $BUILD_DEPS", ops: [{ packages: ["$BUILD_DEPS variable"] }] },
  {
    name: "apt: a version from a variable still pins",
    script: "apt-get install -y curl=${CURL_VERSION}",
    ops: [{ packages: ["curl=${CURL_VERSION} pinned"] }],
  },
  {
    name: "apt: a version resolved from ARG",
    script: "apt-get install -y curl=$CURL_VERSION",
    env: { CURL_VERSION: "7.88.1-10" },
    ops: [{ packages: ["curl=7.88.1-10 pinned"] }],
  },
  {
    name: "apt: a package list from ARG is split into fields",
    script: "apt-get install -y $BUILD_DEPS",
    env: { BUILD_DEPS: "gcc=4:12.2.0-3  make" },
    ops: [{ packages: ["gcc=4:12.2.0-3 pinned", "make"] }],
  },
  {
    name: "apt: a quoted variable is one field",
    script: 'apt-get install -y "$PKG"',
    env: { PKG: "curl git" },
    ops: [{ packages: ["curl git"] }],
  },
  { name: "apt: options before the subcommand", script: "sudo apt-get -y -qq install vim", ops: [{ kind: "install", packages: ["vim"], assumeYes: true }] },
  {
    name: "apt: upgrade kinds",
    script: "apt-get upgrade -y && apt-get dist-upgrade -y && apt full-upgrade -y",
    ops: [
      { kind: "upgrade", subcommand: ["upgrade"] },
      { kind: "upgrade", subcommand: ["dist-upgrade"] },
      { kind: "upgrade", subcommand: ["full-upgrade"] },
    ],
  },
  {
    name: "apt: remove kinds and clean kinds",
    script: "apt-get purge -y --auto-remove gcc && apt-get autoremove -y && apt-get clean && apt-get distclean",
    ops: [
      { kind: "remove", subcommand: ["purge"], packages: ["gcc"], options: ["yes", "auto-remove"] },
      { kind: "remove", subcommand: ["autoremove"] },
      { kind: "clean", subcommand: ["clean"] },
      { kind: "clean", subcommand: ["distclean"] },
    ],
  },
  {
    name: "apt: sudo and env wrappers",
    script: "sudo env DEBIAN_FRONTEND=noninteractive apt-get install -y tzdata",
    ops: [{ wrappers: ["sudo", "env"], packages: ["tzdata"], assumeYes: true }],
  },
  { name: "apt: command -v only looks it up", script: "command -v apt-get", ops: [] },
  { name: "apt: no subcommand", script: "apt-get --version", ops: [{ kind: "other", subcommand: [] }] },
  // apk
  {
    name: "apk: --no-cache with a virtual package",
    script: "apk add --no-cache --virtual .build-deps gcc musl-dev=1.2.4-r2 'python3~3.11'",
    ops: [
      {
        manager: "apk",
        kind: "install",
        packages: ["gcc", "musl-dev=1.2.4-r2 pinned", "python3~3.11 pinned"],
        options: ["no-cache", "virtual=.build-deps"],
        noCache: true,
        assumeYes: true,
        caches: [],
      },
    ],
  },
  {
    name: "apk: update, upgrade, del, cache clean",
    script: "apk update && apk upgrade && apk del .build-deps && apk cache clean",
    ops: [
      { kind: "update", caches: ["/var/cache/apk"] },
      { kind: "upgrade" },
      { kind: "remove", packages: [".build-deps"], caches: [] },
      { kind: "cache-clean", subcommand: ["cache", "clean"] },
    ],
  },
  { name: "apk: repository tag", script: "apk add -U curl@edge", ops: [{ packages: ["curl release=edge"], options: ["update-cache"] }] },
  { name: "apk: .apk file", script: "apk add --allow-untrusted /tmp/glibc-2.35-r1.apk", ops: [{ packages: ["/tmp/glibc-2.35-r1.apk file"] }] },
  // yum / dnf / microdnf
  {
    name: "yum: install with a pinned version and clean all",
    script: "yum install -y httpd-2.4.57-5.el9 mod_ssl && yum clean all",
    ops: [
      { manager: "yum", kind: "install", packages: ["httpd-2.4.57-5.el9 pinned", "mod_ssl"], assumeYes: true, caches: ["/var/cache/yum"] },
      { manager: "yum", kind: "clean", operands: ["all"] },
    ],
  },
  {
    name: "dnf: nodocs and no weak deps via --setopt; a dashed name is not a version",
    script: "dnf -y --setopt=tsflags=nodocs --setopt=install_weak_deps=False install java-17-openjdk-headless python3-pip-21.3.1",
    ops: [
      {
        manager: "dnf",
        packages: ["java-17-openjdk-headless", "python3-pip-21.3.1 pinned"],
        noDocs: true,
        noInstallRecommends: true,
        assumeYes: true,
        caches: ["/var/cache/dnf"],
      },
    ],
  },
  {
    name: "microdnf: a version from a variable pins",
    script: "microdnf install -y MariaDB-server-${MARIADB_VERSION} python3-devel",
    ops: [{ packages: ["MariaDB-server-${MARIADB_VERSION} pinned", "python3-devel"] }],
  },
  { name: "microdnf never prompts", script: "microdnf install --nodocs nginx", ops: [{ manager: "microdnf", assumeYes: true, noDocs: true }] },
  { name: "yum: groupinstall", script: 'yum groupinstall -y "Development Tools"', ops: [{ kind: "install", packages: ["Development Tools"] }] },
  { name: "dnf: module stream", script: "dnf module install -y nodejs:18", ops: [{ subcommand: ["module", "install"], packages: ["nodejs:18 pinned"] }] },
  { name: "yum: makecache refreshes metadata", script: "yum makecache", ops: [{ kind: "update" }] },
  { name: "dnf: local rpm", script: "dnf install -y /tmp/pkg.rpm", ops: [{ packages: ["/tmp/pkg.rpm file"] }] },
  // zypper
  {
    name: "zypper: global --non-interactive, --no-recommends, pinned",
    script: "zypper --non-interactive install --no-recommends curl=8.0.1",
    ops: [{ manager: "zypper", kind: "install", assumeYes: true, noInstallRecommends: true, packages: ["curl=8.0.1 pinned"] }],
  },
  {
    name: "zypper: short forms",
    script: "zypper -n ref && zypper in -y git && zypper rm -y vim && zypper cc -a",
    ops: [
      { kind: "update", subcommand: ["ref"] },
      { kind: "install", assumeYes: true, packages: ["git"] },
      { kind: "remove", packages: ["vim"] },
      { kind: "clean", subcommand: ["cc"] },
    ],
  },
  { name: "zypper: without -n or -y", script: "zypper install curl", ops: [{ assumeYes: false }] },
  // pip
  {
    name: "pip: pinned and ranged requirements without cache",
    script: "pip install --no-cache-dir flask==3.0.0 'gunicorn>=21' 'requests[socks]~=2.31'",
    ops: [
      {
        manager: "pip",
        packages: ["flask==3.0.0 pinned", "gunicorn>=21 pinned", "requests~=2.31 pinned"],
        noCache: true,
        caches: [],
      },
    ],
  },
  {
    name: "pip: python3 -m pip",
    script: "python3 -m pip install --upgrade pip",
    ops: [{ manager: "pip", program: "python3", kind: "install", packages: ["pip"], options: ["upgrade"], caches: ["/root/.cache/pip"] }],
  },
  { name: "pip: versioned program names", script: "pip3.11 install six && python3.12 -m pip install six", ops: [{ program: "pip3.11" }, { program: "python3.12" }] },
  { name: "pip: python runs a script, not pip", script: "python3 setup.py install", ops: [] },
  {
    name: "pip: requirement files are options, not packages",
    script: "pip3 install -r requirements.txt --requirement dev.txt",
    ops: [{ packages: [], options: ["requirement=requirements.txt", "requirement=dev.txt"] }],
  },
  {
    name: "pip: local paths, editable installs and wheels",
    script: "pip install . && pip install -e . && pip install --user ./dist/app-1.0-py3-none-any.whl",
    ops: [{ packages: [". file"] }, { packages: [". file"] }, { packages: ["./dist/app-1.0-py3-none-any.whl file"], options: ["user"] }],
  },
  {
    name: "pip: local projects with extras and relative paths",
    script: "pip install '.[dev]' src/mypkg dist/*.whl",
    ops: [{ packages: [".[dev] file", "src/mypkg file", "dist/*.whl file"] }],
  },
  {
    name: "pip: a quoted requirement with a variable version",
    script: 'pip install "isso==${ISSO_VER}"',
    ops: [{ packages: ["isso==${ISSO_VER} pinned"] }],
  },
  {
    name: "pip: VCS URL with a ref",
    script: "pip install git+https://github.com/psf/requests@v2.31.0",
    ops: [{ packages: ["git+https://github.com/psf/requests@v2.31.0 pinned file"] }],
  },
  { name: "pip: PIP_NO_CACHE_DIR from ENV", script: "pip install flask", env: { PIP_NO_CACHE_DIR: "1" }, ops: [{ noCache: true, caches: [] }] },
  { name: "pip: PIP_NO_CACHE_DIR=false also disables (pip compatibility)", script: "pip install flask", env: { PIP_NO_CACHE_DIR: "false" }, ops: [{ noCache: true }] },
  { name: "pip: PIP_NO_CACHE_DIR on the command", script: "PIP_NO_CACHE_DIR=1 pip install flask", ops: [{ noCache: true }] },
  { name: "pip: exported earlier in the RUN", script: "export PIP_NO_CACHE_DIR=1 && pip install flask", ops: [{ noCache: true }] },
  { name: "pip: a plain shell variable is not exported", script: "PIP_NO_CACHE_DIR=1; pip install flask", ops: [{ noCache: false }] },
  { name: "pip: through sudo -E env", script: "sudo -E env PIP_NO_CACHE_DIR=1 pip install flask", ops: [{ noCache: true, wrappers: ["sudo", "env"] }] },
  { name: "pip: uninstall prompts without -y", script: "pip uninstall -y six && pip uninstall six", ops: [{ kind: "remove", assumeYes: true }, { assumeYes: false }] },
  { name: "pip: cache purge", script: "pip cache purge", ops: [{ kind: "cache-clean", subcommand: ["cache", "purge"] }] },
  { name: "pip: cache relocated by HOME", script: "pip install flask", env: { HOME: "/home/app" }, ops: [{ caches: ["/home/app/.cache/pip"] }] },
  { name: "pip: cache relocated by --cache-dir", script: "pip install --cache-dir /tmp/pip flask", ops: [{ caches: ["/tmp/pip"] }] },
  // npm / yarn / pnpm
  {
    name: "npm: ci without dev dependencies, then cache clean",
    script: "npm ci --omit=dev && npm cache clean --force",
    ops: [
      { manager: "npm", kind: "install", subcommand: ["ci"], options: ["omit=dev"], caches: ["/root/.npm"] },
      { kind: "cache-clean", subcommand: ["cache", "clean"], options: ["force"] },
    ],
  },
  {
    name: "npm: global scoped packages",
    script: "npm install -g @angular/cli@17.3.0 typescript pnpm@latest",
    ops: [{ packages: ["@angular/cli@17.3.0 pinned", "typescript", "pnpm@latest"], options: ["global"] }],
  },
  { name: "npm: i --production", script: "npm i --production", ops: [{ kind: "install", packages: [], options: ["production"] }] },
  { name: "npm: tarballs and folders", script: "npm install ./pkg.tgz ../lib", ops: [{ packages: ["./pkg.tgz file", "../lib file"] }] },
  { name: "npm: npm_config_cache", script: "npm install", env: { npm_config_cache: "/tmp/.npm" }, ops: [{ caches: ["/tmp/.npm"] }] },
  {
    name: "yarn: install, production, cache clean",
    script: "yarn install --frozen-lockfile --production && yarn cache clean",
    ops: [
      { manager: "yarn", kind: "install", caches: ["/usr/local/share/.cache/yarn"] },
      { kind: "cache-clean" },
    ],
  },
  { name: "yarn: bare yarn installs", script: "yarn --frozen-lockfile", ops: [{ kind: "install", subcommand: [] }] },
  { name: "yarn: global add", script: "yarn global add serve@14.2.1", ops: [{ kind: "install", packages: ["serve@14.2.1 pinned"] }] },
  { name: "yarn: scripts are other", script: "yarn build", ops: [{ kind: "other", subcommand: ["build"] }] },
  { name: "pnpm: install --prod", script: "pnpm install --frozen-lockfile --prod", ops: [{ manager: "pnpm", kind: "install", options: ["frozen-lockfile", "production"] }] },
  // gem
  {
    name: "gem: -v pins, --no-document skips docs",
    script: "gem install bundler -v 2.4.22 --no-document",
    ops: [{ manager: "gem", packages: ["bundler 2.4.22 pinned"], noDocs: true, caches: ["/usr/local/bundle/cache"] }],
  },
  { name: "gem: name:version", script: "gem install rails:7.1.3 nokogiri", ops: [{ packages: ["rails:7.1.3 pinned", "nokogiri"] }] },
  // composer
  {
    name: "composer: install for production",
    script: "composer install --no-dev --no-interaction --optimize-autoloader",
    ops: [{ manager: "composer", kind: "install", assumeYes: true, packages: [], caches: ["/root/.composer/cache"] }],
  },
  { name: "composer: require with a constraint", script: "composer require monolog/monolog:^3.5", ops: [{ packages: ["monolog/monolog:^3.5 pinned"] }] },
  { name: "composer: clear-cache", script: "composer clear-cache", ops: [{ kind: "cache-clean" }] },
  { name: "composer: COMPOSER_CACHE_DIR=/dev/null", script: "composer install", env: { COMPOSER_CACHE_DIR: "/dev/null" }, ops: [{ noCache: true, caches: [] }] },
  // go
  {
    name: "go: install module@version",
    script: "go install golang.org/x/tools/gopls@v0.15.3",
    env: { GOPATH: "/go" },
    ops: [{ manager: "go", kind: "install", packages: ["golang.org/x/tools/gopls@v0.15.3 pinned"], caches: ["/go/pkg/mod", "/root/.cache/go-build"] }],
  },
  { name: "go: @latest does not pin", script: "go install github.com/a/b@latest", ops: [{ packages: ["github.com/a/b@latest"] }] },
  {
    name: "go: single-dash long flags and local packages",
    script: 'go install -ldflags "-s -w" -trimpath ./cmd/server',
    ops: [{ packages: ["./cmd/server file"], options: ["ldflags=-s -w", "trimpath"] }],
  },
  { name: "go: mod download", script: "go mod download", ops: [{ kind: "install", subcommand: ["mod", "download"], packages: [] }] },
  // cargo
  {
    name: "cargo: --version pins",
    script: "cargo install ripgrep --version 14.1.0 --locked",
    ops: [{ manager: "cargo", packages: ["ripgrep 14.1.0 pinned"], caches: ["/root/.cargo/registry"] }],
  },
  { name: "cargo: crate@version and --path", script: "cargo install cargo-watch@8.5.2 && cargo install --path=./tools/cli", ops: [{ packages: ["cargo-watch@8.5.2 pinned"] }, { packages: ["./tools/cli file"] }] },
  {
    name: "cargo: a git source is pinned by its tag",
    script: "cargo install --git https://github.com/a/tools --tag v1.2.0 tool-cli",
    ops: [{ packages: ["tool-cli v1.2.0 pinned", "https://github.com/a/tools v1.2.0 pinned file"] }],
  },
  { name: "cargo: a git branch does not pin", script: "cargo install --git https://github.com/a/tools --branch main tool-cli", ops: [{ packages: ["tool-cli", "https://github.com/a/tools file"] }] },
  // robustness
  { name: "a program in a variable", script: "$PM install -y curl", ops: [] },
  { name: "unrelated commands", script: "echo apt-get install curl && ls -la", ops: [] },
];

describe.each(PARSERS)("packageOperations (%s)", (_parser, parse) => {
  it.each(cases.map((c) => [c.name, c] as const))("%s", (_name, c) => {
    const ops = packageOperations(parse(c.script), c.env === undefined ? undefined : envOf(c.env));
    expect(ops.map(summary)).toMatchObject(c.ops);
    expect(ops).toHaveLength(c.ops.length);
  });
});

describe("packageOperations", () => {
  it("keeps the original command and the words of packages and options", () => {
    const command = cmd("sudo", "apt-get", "install", "-y", "curl");
    const [op] = packageOperations([command]);
    expect(op.command).toBe(command);
    expect(op.packages[0].word).toBe(command.args[3]);
    expect(op.options[0].word).toBe(command.args[2]);
  });

  it("never throws on odd input", () => {
    const odd = [
      cmd(),
      cmd("apt-get"),
      cmd("apt-get", "-o"),
      cmd("pip", "install", "-r"),
      cmd("python3", "-m"),
      cmd("sudo"),
      cmd("env", "A=1"),
      cmd("tar", "-"),
      cmd("apk", "add", "=1", "@", "~"),
      cmd("yum", "install", "-", "--", "-x"),
      cmd("npm", "install", "@", "@scope/"),
      cmd("constructor", "install"),
      cmd("__proto__"),
      cmd("toString", "-y"),
      cmd("hasOwnProperty"),
    ];
    expect(() => packageOperations(odd)).not.toThrow();
  });

  it("never throws on generated commands", () => {
    const token = fc.oneof(
      fc.constantFrom(
        "sudo", "env", "command", "exec", "-v", "A=1", "apt-get", "apk", "yum", "dnf", "microdnf", "zypper", "pip",
        "python3", "-m", "pip", "npm", "yarn", "pnpm", "gem", "composer", "go", "cargo", "install", "add", "cache",
        "clean", "all", "-y", "-qq", "-q=2", "-o", "-t", "--", "-", "=", "@", ":", "~", "$X", "${Y}", "*", "x=1*",
        "constructor", "__proto__", "'a b'", "--setopt=", "-e", "--path", "rm", "-rf", "curl", "tar", "xzf",
      ),
      fc.string({ maxLength: 6 }),
    );
    fc.assert(
      fc.property(fc.array(fc.array(token, { maxLength: 8 }), { maxLength: 4 }), (lines) => {
        const commands = lines.map((words) => cmd(...words));
        const env = { get: (name: string) => (name === "X" ? "a b=1" : undefined) };
        const ops = packageOperations(commands, env);
        cacheLeftBehind(ops, fileOperations(commands, env), [{ type: "cache", target: "/" }]);
      }),
      { numRuns: 500 },
    );
  });

  it("has one table row per manager", () => {
    expect(MANAGERS.map((m) => m.manager)).toEqual([
      "apt", "apk", "yum", "dnf", "microdnf", "zypper", "pip", "npm", "yarn", "pnpm", "gem", "composer", "go", "cargo",
    ]);
  });
});

interface CacheCase {
  readonly name: string;
  readonly script: string;
  readonly env?: Record<string, string>;
  readonly mounts?: readonly RunMount[];
  /** Expected `manager path` entries. */
  readonly left: readonly string[];
}

const cacheCases: readonly CacheCase[] = [
  { name: "apt lists kept", script: "apt-get update && apt-get install -y curl", left: ["apt /var/lib/apt/lists"] },
  { name: "apt lists removed", script: "apt-get update && apt-get install -y curl && rm -rf /var/lib/apt/lists/*", left: [] },
  { name: "apt-get distclean removes the lists (apt 3.0)", script: "apt-get update && apt-get install -y curl && apt-get distclean", left: [] },
  { name: "apt-get clean does not remove the lists", script: "apt-get update && apt-get install -y curl && apt-get clean", left: ["apt /var/lib/apt/lists"] },
  { name: "removing the lists before updating does not help", script: "rm -rf /var/lib/apt/lists/* && apt-get update && apt-get install -y curl", left: ["apt /var/lib/apt/lists"] },
  { name: "rm -rf lists* (glob over the directory itself)", script: "apt-get update && rm -rf /var/lib/apt/lists*", left: [] },
  { name: "rm of the list files by pattern", script: "apt-get update && rm /var/lib/apt/lists/*_*", left: [] },
  { name: "rm of a sibling", script: "apt-get update && rm -rf /var/lib/apt/lists.old /var/lib/apt/l?sts/partial", left: ["apt /var/lib/apt/lists"] },
  { name: "rm with a character class", script: "apk add curl && rm -rf /var/cache/[a]pk", left: [] },
  { name: "a malformed class is literal", script: "apk add curl && rm -rf /var/cache/[z-a]pk", left: ["apk /var/cache/apk"] },
  { name: "rm of a parent directory", script: "apt-get update && apt-get install -y curl && rm -rf /var/lib/apt", left: [] },
  { name: "rm without -r of the directory itself fails", script: "apt-get update && rm -f /var/lib/apt/lists", left: ["apt /var/lib/apt/lists"] },
  { name: "install alone does not write the lists", script: "apt-get install -y curl", left: [] },
  {
    name: "a cache mount on /var/lib/apt",
    script: "apt-get update && apt-get install -y curl",
    mounts: [{ type: "cache", target: "/var/lib/apt" }, { type: "cache", target: "/var/cache/apt" }],
    left: [],
  },
  { name: "a tmpfs mount on the lists", script: "apt-get update", mounts: [{ type: "tmpfs", target: "/var/lib/apt/lists/" }], left: [] },
  { name: "a cache mount elsewhere", script: "apt-get update", mounts: [{ type: "cache", target: "/var/cache/apt" }], left: ["apt /var/lib/apt/lists"] },
  { name: "writes under a bind mount are discarded", script: "apt-get update", mounts: [{ type: "bind", target: "/var/lib/apt" }], left: [] },
  { name: "a secret mount hides nothing", script: "apt-get update", mounts: [{ type: "secret", target: "/run/secrets/netrc" }], left: ["apt /var/lib/apt/lists"] },
  { name: "a mount without a target hides nothing", script: "pip install flask", mounts: [{ type: "cache", target: undefined }], left: ["pip /root/.cache/pip"] },
  { name: "apk without --no-cache", script: "apk add curl", left: ["apk /var/cache/apk"] },
  { name: "apk --no-cache", script: "apk add --no-cache curl", left: [] },
  { name: "apk cache removed", script: "apk add --update curl && rm -rf /var/cache/apk/*", left: [] },
  { name: "yum clean all", script: "yum install -y httpd && yum clean all", left: [] },
  { name: "yum clean metadata is not all", script: "yum install -y httpd && yum clean metadata", left: ["yum /var/cache/yum"] },
  { name: "yum cleaned before installing", script: "yum clean all && yum install -y httpd", left: ["yum /var/cache/yum"] },
  { name: "dnf without clean", script: "dnf install -y nginx", left: ["dnf /var/cache/dnf"] },
  { name: "microdnf clean all", script: "microdnf install nginx && microdnf clean all", left: [] },
  { name: "zypper clean", script: "zypper -n in curl && zypper clean -a", left: [] },
  { name: "pip keeps its cache", script: "pip install flask", left: ["pip /root/.cache/pip"] },
  { name: "pip --no-cache-dir", script: "pip install --no-cache-dir flask", left: [] },
  { name: "pip cache mount", script: "pip install flask", mounts: [{ type: "cache", target: "/root/.cache" }], left: [] },
  { name: "pip cache removed with ~", script: "pip install flask && rm -rf ~/.cache/pip", left: [] },
  { name: "pip cache purge", script: "pip install flask && pip cache purge", left: [] },
  { name: "pip for another user", script: "pip install --user flask", env: { HOME: "/home/app" }, left: ["pip /home/app/.cache/pip"] },
  { name: "npm cache clean --force", script: "npm ci && npm cache clean --force", left: [] },
  { name: "npm cache clean without --force refuses", script: "npm ci && npm cache clean", left: ["npm /root/.npm"] },
  { name: "yarn cache clean", script: "yarn install && yarn cache clean", left: [] },
  { name: "yarn cache kept", script: "yarn install", left: ["yarn /usr/local/share/.cache/yarn"] },
  { name: "composer clear-cache", script: "composer install && composer clear-cache", left: [] },
  { name: "gem cache with GEM_HOME", script: "gem install rails", env: { GEM_HOME: "/usr/local/bundle" }, left: ["gem /usr/local/bundle/cache"] },
  {
    name: "go caches, module cache cleaned",
    script: "go install ./cmd/app && go clean -modcache",
    env: { GOPATH: "/go" },
    left: ["go /root/.cache/go-build"],
  },
  { name: "two managers at once", script: "apt-get update && pip install flask", left: ["apt /var/lib/apt/lists", "pip /root/.cache/pip"] },
];

describe.each(PARSERS)("cacheLeftBehind (%s)", (_parser, parse) => {
  it.each(cacheCases.map((c) => [c.name, c] as const))("%s", (_name, c) => {
    const env = c.env === undefined ? undefined : envOf(c.env);
    const commands = parse(c.script);
    const left = cacheLeftBehind(packageOperations(commands, env), fileOperations(commands, env), c.mounts ?? []);
    expect(left.map((l) => `${l.manager} ${l.path}`)).toEqual(c.left);
  });
});

describe("cacheLeftBehind", () => {
  it("names the last operation that wrote the cache", () => {
    const commands = sh("apt-get update && rm -rf /var/lib/apt/lists/* && apt-get update");
    const [left] = cacheLeftBehind(packageOperations(commands), fileOperations(commands), []);
    expect(left.operation.command).toBe(commands[2]);
    expect(left.cache.contents).toBe("package index lists");
  });

  it("documents every manager's caches", () => {
    const managers = new Set(PACKAGE_CACHES.map((c) => c.manager));
    expect([...managers].sort()).toEqual(MANAGERS.map((m) => m.manager).sort());
    expect(PACKAGE_CACHES.find((c) => c.manager === "apt")?.cleanedByCommand).toContain("rm -rf /var/lib/apt/lists/*");
  });
});

describe("operations that fetch nothing write no cache", () => {
  it.each([
    ["yarn --version", "yarn"],
    ["npm -v", "npm"],
    ["apk add --no-network curl", "apk"],
  ])("%s", (script, manager) => {
    const ops = packageOperations(sh(script));
    expect(ops.map((o) => o.manager)).toEqual([manager]);
    expect(ops[0].caches).toEqual([]);
  });
});
