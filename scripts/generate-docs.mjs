// Writes docs/rules/<id>.md, docs/rules/README.md and schema/config.schema.json from the rules'
// metadata (run after `npm run build`; test/rules/parity.test.ts checks they are up to date).
import { mkdirSync, readdirSync, rmSync, writeFileSync } from "node:fs";

const root = new URL("..", import.meta.url).pathname;
const { allRules } = await import(`${root}dist/rules/index.js`);
const { renderRuleDoc, renderRuleIndex } = await import(`${root}dist/src/engine/rule-docs.js`);
const { configSchema } = await import(`${root}dist/src/engine/config.js`);

mkdirSync(`${root}docs/rules`, { recursive: true });
for (const file of readdirSync(`${root}docs/rules`)) if (file.endsWith(".md")) rmSync(`${root}docs/rules/${file}`);
for (const rule of allRules) writeFileSync(`${root}docs/rules/${rule.meta.id}.md`, renderRuleDoc(rule));
writeFileSync(`${root}docs/rules/README.md`, renderRuleIndex(allRules));
mkdirSync(`${root}schema`, { recursive: true });
writeFileSync(`${root}schema/config.schema.json`, JSON.stringify(configSchema(allRules), null, 2) + "\n");
console.log(`wrote ${allRules.length} rule pages, the rule index and the config schema`);
