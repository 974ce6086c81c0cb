import { defineRule } from "../src/engine/rule.js";

export default defineRule({
  meta: {
    id: "directive-casing",
    description: "Enforce lowercase parser directive names",
    category: "instructions",
    severity: "warning",
    fixable: "safe",
    aliases: [],
    messages: {
      casing: "Parser directive '{{name}}' should be written in lowercase ('{{fixed}}').",
    },
    docs: {
      why: "Parser directives (`# syntax=`, `# escape=`, `# check=`) are matched case-insensitively, but the documentation and every other tool write them in lowercase; an upper-case `# ESCAPE=` looks like an ordinary comment to a reader.",
      bad: ["# Syntax=docker/dockerfile:1\nFROM alpine\n", "# ESCAPE=`\nFROM mcr.microsoft.com/windows/servercore\n"],
      good: ["# syntax=docker/dockerfile:1\n# escape=\\\nFROM alpine\n"],
      notes: "Only the directive block at the top of the file holds directives; later comments that look like directives are ordinary comments. The fix lowercases the name.",
      references: ["https://docs.docker.com/reference/dockerfile/#parser-directives"],
    },
    since: "0.1.0",
  },
  check(context) {
    for (const directive of context.ast.directives) {
      const name = directive.name;
      const fixed = name.value.toLowerCase();
      if (fixed === name.value) continue;
      context.report({ messageId: "casing", data: { name: name.value, fixed }, node: name, fix: { edits: [{ range: name.range, text: fixed }] } });
    }
  },
});
