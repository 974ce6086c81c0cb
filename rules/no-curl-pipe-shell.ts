import { defineRule } from "../src/engine/rule.js";
import { runsToCheck } from "./_support/shell-commands.js";

export default defineRule({
  meta: {
    id: "no-curl-pipe-shell",
    description: "Disallow running a downloaded script without saving and checking it",
    category: "security",
    severity: "warning",
    fixable: "none",
    aliases: [],
    appliesInOnbuild: true,
    messages: {
      pipe: "The script from {{url}} runs in {{shell}} straight from {{tool}}: its content is whatever the server sends today, and a cut-off download runs half a script. Download it to a file, verify its checksum, then run it.",
    },
    docs: {
      why: "`curl … | sh` runs code nobody reviewed, pinned or verified: a compromised or changed server changes the image, and a connection that drops mid-way can run a truncated script (`rm -rf /usr/local/lib` instead of `rm -rf /usr/local/lib/tool`). Without `set -o pipefail` a failed download is not even noticed. Saving the script, checking its digest and then running it makes the build reproducible and tamper-evident.",
      bad: [
        "FROM debian:12\nRUN curl -fsSL https://deb.nodesource.com/setup_22.x | bash -\n",
        "FROM alpine:3.20\nRUN sh -c \"$(wget -qO- https://example.com/install.sh)\"\n",
      ],
      good: [
        "FROM debian:12\nARG SETUP_SHA256=24454f830cdb571e2c4ad15481119c43b3cafd48dd869a9b2015d0a70ba2ba2f\nRUN curl -fsSLo /tmp/setup.sh https://deb.nodesource.com/setup_22.x \\\n && echo \"${SETUP_SHA256}  /tmp/setup.sh\" | sha256sum -c - \\\n && bash /tmp/setup.sh && rm /tmp/setup.sh\n",
      ],
      notes: "Reported: curl or wget whose output a shell (`sh`, `bash`, `dash`, `zsh`, `ash`, `ksh`) reads, through a pipe or a command substitution (`sh -c \"$(curl …)\"`, `bash <(curl …)`).",
      references: ["https://www.idontplaydarts.com/2016/04/detecting-curl-pipe-bash-server-side/"],
    },
    since: "0.1.0",
  },
  check(context) {
    for (const run of runsToCheck(context.model)) {
      for (const file of run.files) {
        if (file.kind !== "download" || !file.pipedToShell) continue;
        context.report({
          messageId: "pipe",
          data: { url: file.urls[0]?.path ?? "the server", shell: file.pipedTo ?? "a shell", tool: file.tool },
          range: file.command.range,
        });
      }
    }
  },
});
