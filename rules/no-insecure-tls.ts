import type { Range } from "../src/ast/nodes.js";
import { defineRule } from "../src/engine/rule.js";
import { assignmentIn } from "../src/model/package-managers/command-line.js";
import type { PackageOperation } from "../src/model/package-managers/types.js";
import type { RunAnalysis } from "../src/model/runs.js";
import { runsToCheck } from "./_support/shell-commands.js";
import { flatMap } from "../src/util/arrays.js";

/** A finding: where, what switches verification off, and the aliases that apply. */
interface Insecure {
  readonly range: Range;
  readonly what: string;
  readonly aliases: readonly string[];
}

const OFF = /^(0|false|no|off)$/i;

/** Environment variables that switch TLS verification off, with the test of their value and the Checkov id. */
const VARIABLES: readonly { name: RegExp; disables: (value: string) => boolean; alias: string }[] = [
  { name: /^PYTHONHTTPSVERIFY$/, disables: (v) => v === "0", alias: "CKV2_DOCKER_5" },
  { name: /^NODE_TLS_REJECT_UNAUTHORIZED$/, disables: (v) => v === "0", alias: "CKV2_DOCKER_6" },
  { name: /^npm_config_strict_ssl$/i, disables: (v) => OFF.test(v), alias: "CKV2_DOCKER_12" },
  // Git skips verification when the variable is set at all, whatever its value.
  { name: /^GIT_SSL_NO_VERIFY$/, disables: () => true, alias: "CKV2_DOCKER_14" },
  { name: /^PIP_TRUSTED_HOST$/, disables: (v) => v.trim() !== "", alias: "CKV2_DOCKER_16" },
];

/** The finding for setting `name` to `value`, if that switches verification off. */
function variable(name: string, value: string | undefined, range: Range): Insecure | undefined {
  const known = VARIABLES.find((v) => v.name.test(name));
  if (known === undefined || value === undefined || !known.disables(value)) return undefined;
  return { range, what: `${name}=${value}`, aliases: [known.alias] };
}

/** Findings in a package-manager operation. */
function fromOperation(op: PackageOperation): Insecure[] {
  const found: Insecure[] = [];
  const [verb, key, value] = op.operands.map((w) => w.value ?? "");
  const node = op.manager === "npm" || op.manager === "yarn" || op.manager === "pnpm";
  if (op.subcommand[0] === "config" && verb === "set") {
    const [k, v] = key.includes("=") ? key.split("=", 2) : [key, value];
    if (node && k === "strict-ssl" && OFF.test(v ?? "")) found.push({ range: op.operands[1].range, what: `${op.program} config set strict-ssl ${v}`, aliases: ["CKV2_DOCKER_13"] });
    if (op.manager === "pip" && /(^|\.)trusted-host$/.test(k)) found.push({ range: op.operands[1].range, what: `pip config set ${k}`, aliases: ["CKV2_DOCKER_4"] });
  }
  for (const o of op.options) {
    if (op.manager === "pip" && o.name === "trusted-host") found.push({ range: o.word.range, what: "pip --trusted-host", aliases: ["CKV2_DOCKER_4"] });
    if (node && o.name === "strict-ssl" && OFF.test(o.value ?? "")) found.push({ range: o.word.range, what: `--strict-ssl=${o.value}`, aliases: ["CKV2_DOCKER_13"] });
    if (["yum", "dnf", "microdnf"].includes(op.manager) && o.name === "setopt" && /^([\w.*-]+\.)?sslverify=(0|false|no|off)$/i.test(o.value ?? "")) {
      found.push({ range: (o.valueWord ?? o.word).range, what: `--setopt=${o.value}`, aliases: ["CKV2_DOCKER_15"] });
    }
    if (op.manager === "apt" && o.name === "option" && /^Acquire::https::([\w.-]+::)?Verify-(Peer|Host)=(0|false|no|off)$/i.test(o.value ?? "")) {
      found.push({ range: (o.valueWord ?? o.word).range, what: o.value!, aliases: [] });
    }
  }
  return found;
}

/** Findings in a RUN's commands: curl/wget, git, variables set in the shell. */
function fromRun(run: RunAnalysis): Insecure[] {
  const found = flatMap(run.packages, fromOperation);
  for (const file of run.files) {
    if (file.kind !== "download" || !file.insecure) continue;
    const word = file.options.find((o) => o.name === "insecure")?.word;
    if (word !== undefined) found.push({ range: word.range, what: `${file.tool} ${word.value ?? word.text}`, aliases: [file.tool === "curl" ? "CKV2_DOCKER_2" : "CKV2_DOCKER_3"] });
  }
  for (const command of run.shellScript?.commands ?? []) {
    for (const a of command.assignments) {
      const hit = variable(a.name, a.value === undefined ? "" : a.value.value, a.range);
      if (hit !== undefined) found.push(hit);
    }
  }
  for (const call of run.calls) {
    call.args.forEach((arg, i) => {
      const value = arg.value ?? "";
      if (call.program === "export") {
        const set = assignmentIn(arg);
        const hit = set === undefined ? undefined : variable(set.name, set.value, arg.range);
        if (hit !== undefined) found.push(hit);
      }
      if (call.program !== "git") return;
      const setting = /^http\.([^=]*\.)?sslverify(=(.*))?$/i.exec(value);
      const setTo = setting?.[3] ?? (setting === null ? undefined : call.args[i + 1]?.value);
      if (setting !== null && OFF.test(setTo ?? "")) found.push({ range: arg.range, what: `git ${value.includes("=") ? value : `${value} ${setTo}`}`, aliases: [] });
    });
  }
  return found;
}

export default defineRule({
  meta: {
    id: "no-insecure-tls",
    description: "Disallow switching off TLS certificate verification",
    category: "security",
    severity: "warning",
    fixable: "none",
    aliases: ["CKV2_DOCKER_2", "CKV2_DOCKER_3", "CKV2_DOCKER_4", "CKV2_DOCKER_5", "CKV2_DOCKER_6", "CKV2_DOCKER_12", "CKV2_DOCKER_13", "CKV2_DOCKER_14", "CKV2_DOCKER_15", "CKV2_DOCKER_16"],
    appliesInOnbuild: true,
    messages: {
      insecure: "`{{what}}` switches off TLS certificate verification: anyone on the network path can serve what the build downloads. Install the CA certificate instead.",
    },
    docs: {
      why: "TLS verification is what proves a download comes from the server it names. Without it, a proxy, a compromised network or DNS can hand the build anything: a tampered tarball, a package, an install script. When a private CA is the reason, add its certificate to the image (or mount it as a secret) and keep verification on. Set in ENV, the switch also stays in the final image and weakens every connection the application makes.",
      bad: [
        "FROM debian:12\nRUN curl -kfsSLo /tmp/tool.tgz https://example.com/tool.tgz\n",
        "FROM python:3.12\nRUN pip install --trusted-host pypi.example.com -r requirements.txt\n",
        "FROM node:22\nENV NODE_TLS_REJECT_UNAUTHORIZED=0\n",
      ],
      good: [
        "FROM debian:12\nRUN curl -fsSLo /tmp/tool.tgz https://example.com/tool.tgz\n",
        "FROM python:3.12\nCOPY corp-ca.pem /usr/local/share/ca-certificates/corp-ca.crt\nRUN update-ca-certificates && pip install --cert /etc/ssl/certs/ca-certificates.crt -r requirements.txt\n",
      ],
      notes:
        "Reported, with the Checkov id that applies: `curl -k`/`--insecure` (`CKV2_DOCKER_2`), `wget --no-check-certificate` (`CKV2_DOCKER_3`), pip `--trusted-host` and `pip config set global.trusted-host` (`CKV2_DOCKER_4`), `PYTHONHTTPSVERIFY=0` (`CKV2_DOCKER_5`), `NODE_TLS_REJECT_UNAUTHORIZED=0` (`CKV2_DOCKER_6`), `NPM_CONFIG_STRICT_SSL=false` (`CKV2_DOCKER_12`), npm/yarn/pnpm `config set strict-ssl false` and `--strict-ssl=false` (`CKV2_DOCKER_13`), `GIT_SSL_NO_VERIFY` with any value (`CKV2_DOCKER_14`), yum/dnf `--setopt=sslverify=0` (`CKV2_DOCKER_15`), `PIP_TRUSTED_HOST` (`CKV2_DOCKER_16`); also `git -c http.sslVerify=false`, `git config http.sslVerify false` and apt `-o Acquire::https::Verify-Peer=false`. Variables count in ENV, ARG defaults, `export` and `NAME=value command` in RUN.",
      references: ["https://curl.se/docs/sslcerts.html"],
    },
    since: "0.1.0",
  },
  check(context) {
    const { model } = context;
    const found: Insecure[] = flatMap(runsToCheck(model), fromRun);
    for (const instruction of model.ast.instructions) {
      const node = instruction.type === "ONBUILD" ? instruction.trigger : instruction;
      if (node?.type === "ENV") {
        for (const pair of node.pairs) {
          const hit = variable(pair.key.value, model.resolve(pair.value, node).value, pair.range);
          if (hit !== undefined) found.push(hit);
        }
      }
      if (node?.type === "ARG") {
        for (const d of node.declarations) {
          const hit = d.defaultValue === undefined ? undefined : variable(d.name.value, model.resolve(d.defaultValue, node).value, d.range);
          if (hit !== undefined) found.push(hit);
        }
      }
    }
    for (const { range, what, aliases } of found) context.report({ messageId: "insecure", data: { what }, range, aliases });
  },
});
