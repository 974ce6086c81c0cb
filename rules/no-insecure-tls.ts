import type { Range } from "../src/ast/nodes.js";
import { defineRule, type RuleContext } from "../src/engine/rule.js";
import { assignmentIn } from "../src/model/package-managers/command-line.js";
import type { PackageOperation } from "../src/model/package-managers/types.js";
import type { RunAnalysis } from "../src/model/runs.js";
import { instructionsOfType } from "./_support/instructions.js";
import { runsToCheck } from "./_support/shell-commands.js";

const OFF = /^(0|false|no|off)$/i;

/** An environment variable that switches TLS verification off: the test of its value and the Checkov id. */
interface Switch {
  readonly disables: (value: string) => boolean;
  readonly alias: string;
}

/** The variables matched by exact name. */
const VARIABLES: ReadonlyMap<string, Switch> = new Map([
  ["PYTHONHTTPSVERIFY", { disables: (v) => v === "0", alias: "CKV2_DOCKER_5" }],
  ["NODE_TLS_REJECT_UNAUTHORIZED", { disables: (v) => v === "0", alias: "CKV2_DOCKER_6" }],
  // Git skips verification when the variable is set at all, whatever its value.
  ["GIT_SSL_NO_VERIFY", { disables: () => true, alias: "CKV2_DOCKER_14" }],
  ["PIP_TRUSTED_HOST", { disables: (v) => v.trim() !== "", alias: "CKV2_DOCKER_16" }],
]);

/** npm reads its settings from the environment in any case. */
const NPM_STRICT_SSL = "npm_config_strict_ssl";
const NPM_SWITCH: Switch = { disables: (v) => OFF.test(v), alias: "CKV2_DOCKER_12" };

/** The switch a variable name is, if any (a name test only: the value is looked at once this says yes). */
function switchNamed(name: string): Switch | undefined {
  return VARIABLES.get(name) ?? (name.length === NPM_STRICT_SSL.length && name.toLowerCase() === NPM_STRICT_SSL ? NPM_SWITCH : undefined);
}

/** Whether an `export` argument may set one of the switches: the name before its `=` is one (a name test first). */
function maySetSwitch(arg: string | undefined): boolean {
  if (arg === undefined) return false;
  const eq = arg.indexOf("=");
  return eq > 0 && switchNamed(arg.slice(0, eq)) !== undefined;
}

function report(context: RuleContext, range: Range, what: string, aliases: readonly string[]): void {
  context.report({ messageId: "insecure", data: { what }, range, aliases });
}

/** Reports setting the variable `name`, the switch `known`, to `value` when that switches verification off. */
function checkSwitch(context: RuleContext, known: Switch, name: string, value: string, range: Range): void {
  if (known.disables(value)) report(context, range, `${name}=${value}`, [known.alias]);
}

/** Findings in a package-manager operation: only npm, yarn, pnpm, pip, yum, dnf, microdnf and apt have such switches. */
function checkOperation(context: RuleContext, op: PackageOperation): void {
  const node = op.manager === "npm" || op.manager === "yarn" || op.manager === "pnpm";
  const pip = op.manager === "pip";
  const rpm = op.manager === "yum" || op.manager === "dnf" || op.manager === "microdnf";
  if (!node && !pip && !rpm && op.manager !== "apt") return;
  if ((node || pip) && op.subcommand[0] === "config" && op.operands[0]?.value === "set" && op.operands.length > 1) {
    const key = op.operands[1].value ?? "";
    const [k, v] = key.includes("=") ? key.split("=", 2) : [key, op.operands[2]?.value ?? ""];
    if (node && k === "strict-ssl" && OFF.test(v)) report(context, op.operands[1].range, `${op.program} config set strict-ssl ${v}`, ["CKV2_DOCKER_13"]);
    if (pip && /(^|\.)trusted-host$/.test(k)) report(context, op.operands[1].range, `pip config set ${k}`, ["CKV2_DOCKER_4"]);
  }
  for (const o of op.options) {
    if (pip && o.name === "trusted-host") report(context, o.word.range, "pip --trusted-host", ["CKV2_DOCKER_4"]);
    if (node && o.name === "strict-ssl" && OFF.test(o.value ?? "")) report(context, o.word.range, `--strict-ssl=${o.value}`, ["CKV2_DOCKER_13"]);
    if (rpm && o.name === "setopt" && /^([\w.*-]+\.)?sslverify=(0|false|no|off)$/i.test(o.value ?? "")) {
      report(context, (o.valueWord ?? o.word).range, `--setopt=${o.value}`, ["CKV2_DOCKER_15"]);
    }
    if (op.manager === "apt" && o.name === "option" && /^Acquire::https::([\w.-]+::)?Verify-(Peer|Host)=(0|false|no|off)$/i.test(o.value ?? "")) {
      report(context, (o.valueWord ?? o.word).range, o.value!, []);
    }
  }
}

/** Findings in a RUN's commands: package managers, curl/wget, variables set in the shell, `export`, git. */
function checkRun(context: RuleContext, run: RunAnalysis): void {
  for (const op of run.packages) checkOperation(context, op);
  for (const file of run.files) {
    if (file.kind !== "download" || !file.insecure) continue;
    const word = file.options.find((o) => o.name === "insecure")?.word;
    if (word !== undefined) report(context, word.range, `${file.tool} ${word.value ?? word.text}`, [file.tool === "curl" ? "CKV2_DOCKER_2" : "CKV2_DOCKER_3"]);
  }
  for (const command of run.shellScript?.commands ?? []) {
    for (const a of command.assignments) {
      const known = switchNamed(a.name);
      const value = a.value === undefined ? "" : a.value.value;
      if (known !== undefined && value !== undefined) checkSwitch(context, known, a.name, value, a.range);
    }
  }
  for (const call of run.calls) {
    if (call.program === "export") {
      for (const arg of call.args) {
        if (!maySetSwitch(arg.value)) continue;
        const set = assignmentIn(arg);
        const known = set === undefined ? undefined : switchNamed(set.name);
        if (set !== undefined && known !== undefined) checkSwitch(context, known, set.name, set.value, arg.range);
      }
    } else if (call.program === "git") {
      const args = call.args;
      for (let i = 0; i < args.length; i++) {
        const value = args[i].value ?? "";
        const setting = /^http\.([^=]*\.)?sslverify(=(.*))?$/i.exec(value);
        if (setting === null) continue;
        const setTo = setting[3] ?? args[i + 1]?.value;
        if (OFF.test(setTo ?? "")) report(context, args[i].range, `git ${value.includes("=") ? value : `${value} ${setTo}`}`, []);
      }
    }
  }
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
    for (const run of runsToCheck(model)) checkRun(context, run);
    // The instructions that set variables: ENV, and ARG with a default.
    for (const env of instructionsOfType(model, ["ENV"], "with-triggers")) {
      for (const pair of env.pairs) {
        const known = switchNamed(pair.key.value);
        if (known !== undefined) checkSwitch(context, known, pair.key.value, model.resolve(pair.value, env).value, pair.range);
      }
    }
    for (const arg of instructionsOfType(model, ["ARG"], "with-triggers")) {
      for (const d of arg.declarations) {
        const known = switchNamed(d.name.value);
        if (known !== undefined && d.defaultValue !== undefined) checkSwitch(context, known, d.name.value, model.resolve(d.defaultValue, arg).value, d.range);
      }
    }
  },
});
