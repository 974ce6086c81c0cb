import { defineRule } from "../src/engine/rule.js";
import type { PackageOperation, PackageOption } from "../src/model/package-managers/types.js";
import type { ShellWord } from "../src/model/shell-types.js";
import { runsToCheck } from "./_support/shell-commands.js";

/** A finding: the word that switches verification off, what it is, and the aliases that apply. */
interface Unverified {
  readonly word: ShellWord;
  readonly what: string;
  readonly aliases: readonly string[];
}

/** apt `-o` settings that accept unsigned packages or repositories. */
const APT_SETTINGS = /^(APT::Get::AllowUnauthenticated|Acquire::AllowInsecureRepositories|Acquire::AllowDowngradeToInsecureRepositories)=(1|true|yes|on)$/i;
/** yum/dnf `--setopt` settings that switch signature checks off. */
const RPM_SETOPT = /^([\w.*-]+\.)?(gpgcheck|repo_gpgcheck|localpkg_gpgcheck)=(0|false|no|off)$/i;
/** rpm options that skip signature or digest checks. */
const RPM_OPTIONS = new Set(["--nosignature", "--nodigest", "--nofiledigest", "--noverify"]);

/** The finding of an option of a package operation that switches verification off, if it is one. */
function unverifiedOption(op: PackageOperation, o: PackageOption): Unverified | undefined {
  switch (op.manager) {
    case "apk":
      return o.name === "allow-untrusted" ? { word: o.word, what: "--allow-untrusted", aliases: ["CKV2_DOCKER_7"] } : undefined;
    case "apt":
      if (o.name === "allow-unauthenticated" || o.name === "allow-insecure-repositories") return { word: o.word, what: `--${o.name}`, aliases: ["CKV2_DOCKER_8"] };
      if (o.name === "force-yes") return { word: o.word, what: "--force-yes", aliases: ["CKV2_DOCKER_11"] };
      if (o.name === "option" && APT_SETTINGS.test(o.value ?? "")) return { word: o.valueWord ?? o.word, what: o.value ?? "", aliases: ["CKV2_DOCKER_8"] };
      return undefined;
    case "yum":
    case "dnf":
    case "microdnf":
      if (o.name === "nogpgcheck") return { word: o.word, what: "--nogpgcheck", aliases: ["CKV2_DOCKER_9"] };
      if (o.name === "setopt" && RPM_SETOPT.test(o.value ?? "")) return { word: o.valueWord ?? o.word, what: o.value ?? "", aliases: ["CKV2_DOCKER_9"] };
      return undefined;
    case "zypper":
      return o.name === "no-gpg-checks" || o.name === "allow-unsigned-rpm" ? { word: o.word, what: `--${o.name}`, aliases: [] } : undefined;
    default:
      return undefined;
  }
}

/** An apt source line's `[… trusted=yes …]` options, found without a backtracking regex. */
function bracketsHoldTrustedYes(text: string): boolean {
  for (let open = text.indexOf("["); open >= 0; open = text.indexOf("[", open + 1)) {
    const close = text.indexOf("]", open);
    if (close < 0) return false;
    if (/(^|[\s,])trusted=yes($|[\s,])/.test(text.slice(open + 1, close))) return true;
  }
  return false;
}

export default defineRule({
  meta: {
    id: "no-unverified-packages",
    description: "Disallow switching off package signature verification",
    category: "security",
    severity: "error",
    fixable: "none",
    aliases: ["CKV2_DOCKER_7", "CKV2_DOCKER_8", "CKV2_DOCKER_9", "CKV2_DOCKER_10", "CKV2_DOCKER_11"],
    appliesInOnbuild: true,
    messages: {
      unverified: "`{{what}}` installs packages without checking their signatures: anyone between the build and the repository can substitute them. Import the repository's key instead.",
    },
    docs: {
      why: "Package managers verify every package against the repository's signing key; that check is what makes downloading over plain HTTP or through mirrors safe. Switching it off lets a compromised mirror, proxy or network inject arbitrary code into the image, silently.",
      bad: [
        "FROM debian:12\nRUN apt-get update && apt-get install -y --allow-unauthenticated tool\n",
        "FROM alpine:3.20\nRUN apk add --no-cache --allow-untrusted /tmp/tool.apk\n",
        "FROM rockylinux:9\nRUN yum install -y --nogpgcheck tool && yum clean all\n",
      ],
      good: [
        "FROM debian:12\nCOPY vendor.gpg /etc/apt/keyrings/vendor.gpg\nRUN apt-get update && apt-get install -y --no-install-recommends tool && rm -rf /var/lib/apt/lists/*\n",
        "FROM alpine:3.20\nCOPY vendor.rsa.pub /etc/apk/keys/\nRUN apk add --no-cache /tmp/tool.apk\n",
      ],
      notes:
        "Reported: apk `--allow-untrusted` (Checkov `CKV2_DOCKER_7`); apt `--allow-unauthenticated`, `--allow-insecure-repositories`, `-o APT::Get::AllowUnauthenticated=true`, `-o Acquire::AllowInsecureRepositories=true` (`CKV2_DOCKER_8`) and `--force-yes` (`CKV2_DOCKER_11`, which also allows unauthenticated packages); yum/dnf/microdnf/tdnf `--nogpgcheck` and `--setopt=gpgcheck=0` (`CKV2_DOCKER_9`); rpm `--nosignature`, `--nodigest`, `--nofiledigest`, `--noverify` (`CKV2_DOCKER_10`); zypper `--no-gpg-checks`, `--allow-unsigned-rpm`; and `[trusted=yes]` written into an apt source by echo/printf.",
      references: ["https://wiki.debian.org/SecureApt", "https://wiki.alpinelinux.org/wiki/Alpine_Package_Keeper"],
    },
    since: "0.1.0",
  },
  check(context) {
    const report = ({ word, what, aliases }: Unverified): void => context.report({ messageId: "unverified", data: { what }, range: word.range, aliases });
    for (const run of runsToCheck(context.model)) {
      for (const op of run.packages) {
        for (const option of op.options) {
          const found = unverifiedOption(op, option);
          if (found !== undefined) report(found);
        }
      }
      for (const call of run.calls) {
        const program = call.program;
        if (program !== "rpm" && program !== "tdnf" && program !== "echo" && program !== "printf") continue;
        for (const arg of call.args) {
          const value = arg.value ?? "";
          if (program === "rpm" && RPM_OPTIONS.has(value)) report({ word: arg, what: value, aliases: ["CKV2_DOCKER_10"] });
          if (program === "tdnf" && value === "--nogpgcheck") report({ word: arg, what: value, aliases: ["CKV2_DOCKER_9"] });
          if ((program === "echo" || program === "printf") && bracketsHoldTrustedYes(value)) report({ word: arg, what: "[trusted=yes]", aliases: [] });
        }
      }
    }
  },
});
