import { defineRule } from "../src/engine/rule.js";
import { parseArguments, resolveWord } from "../src/model/package-managers/command-line.js";
import { insertAfter, runsToCheck } from "./_support/shell-commands.js";

/** useradd's options that take a value (so their values are not read as the login name). */
const VALUED = ["-b", "-c", "-d", "-e", "-f", "-g", "-G", "-k", "-K", "-p", "-R", "-P", "-s", "-u", "-Z"];
const LONG: Readonly<Record<string, string>> = {
  "--base-dir": "-b", "--comment": "-c", "--home-dir": "-d", "--expiredate": "-e", "--inactive": "-f", "--gid": "-g",
  "--groups": "-G", "--skel": "-k", "--key": "-K", "--password": "-p", "--root": "-R", "--prefix": "-P", "--shell": "-s",
  "--uid": "-u", "--selinux-user": "-Z",
};
const SPECS = [
  ...VALUED.map((short) => ({ names: [short, ...Object.keys(LONG).filter((l) => LONG[l] === short)], canonical: short.slice(1), value: "required" as const })),
  { names: ["-l", "--no-log-init"], canonical: "no-log-init" },
];

export default defineRule({
  meta: {
    id: "useradd-no-log-init",
    description: "Require useradd -l when creating a user with a high UID",
    category: "layer-hygiene",
    severity: "warning",
    fixable: "safe",
    aliases: ["DL3046"],
    appliesInOnbuild: true,
    schema: {
      type: "object",
      additionalProperties: false,
      properties: {
        minUid: { type: "integer", minimum: 1, default: 100000, description: "The smallest UID reported (hadolint: UIDs of more than 5 digits)." },
      },
    },
    messages: {
      noLogInit: "Add -l to useradd: with UID {{uid}}, the lastlog and faillog files grow to about {{size}} MB, and image layers do not keep them sparse.",
    },
    docs: {
      why: "useradd records every user in /var/log/lastlog and /var/log/faillog at an offset proportional to the UID. On disk the files are sparse, but image layers store them in full: a UID of 100000 adds about 30 MB of zeros to the layer. `-l` (`--no-log-init`) skips those files.",
      bad: ["FROM debian:12\nRUN useradd -u 123456 -m app\n"],
      good: ["FROM debian:12\nRUN useradd -l -u 123456 -m app\n", "FROM debian:12\nRUN useradd -u 1001 -m app\n"],
      notes: "UIDs given by a variable are resolved from ARG/ENV values; an unknown UID is not reported. The fix inserts `-l` after `useradd`.",
      references: ["https://github.com/hadolint/hadolint/wiki/DL3046", "https://github.com/moby/moby/issues/5419"],
    },
    since: "0.1.0",
  },
  check(context) {
    const minUid = (context.options as { minUid: number }).minUid;
    for (const run of runsToCheck(context.model)) {
      for (const call of run.calls) {
        if (call.program !== "useradd") continue;
        const { options } = parseArguments(call.args, SPECS);
        if (options.some((o) => o.name === "no-log-init")) continue;
        const uidWord = options.findLast((o) => o.name === "u");
        const resolved = uidWord?.valueWord === undefined ? undefined : resolveWord(uidWord.valueWord, run.scope);
        // An attached value (`--uid=1000`, `-u1000`) shares its word with the option.
        const uid = resolved === undefined || uidWord!.valueWord !== uidWord!.word ? resolved : resolved.includes("=") ? resolved.slice(resolved.indexOf("=") + 1) : resolved.slice(2);
        if (uid === undefined || !/^\d+$/.test(uid) || Number(uid) < minUid) continue;
        context.report({
          messageId: "noLogInit",
          data: { uid, size: Math.round((Number(uid) * 292) / 1e6) },
          range: call.programWord.range,
          fix: insertAfter(call.programWord, "-l"),
        });
      }
    }
  },
});
