import rule from "../../rules/omit-dev-dependencies.js";
import { testRule } from "../support/rule-tester.js";

testRule(rule, {
  valid: [
    "FROM node\nRUN npm ci --omit=dev\n",
    { code: "FROM node\nRUN npm install --production && npm ci --omit dev && npm i --only=prod\n", name: "other spellings" },
    { code: "FROM node\nRUN pnpm install --prod --frozen-lockfile\n", name: "pnpm --prod" },
    { code: "FROM node\nENV NODE_ENV=production\nRUN npm ci\n", name: "NODE_ENV in ENV" },
    { code: "FROM node\nARG NODE_ENV=production\nRUN npm ci\n", name: "NODE_ENV in ARG" },
    { code: "FROM node\nRUN NODE_ENV=production npm ci\n", name: "NODE_ENV on the command" },
    { code: "FROM node\nENV NPM_CONFIG_PRODUCTION=true\nRUN npm install\n", name: "npm config in the environment" },
    { code: "FROM node AS build\nRUN npm ci && npm run build\nFROM node\nCOPY --from=build /app/dist /app\n", name: "a build stage" },
    { code: "FROM node\nRUN npm ci && npm run build && npm prune --omit=dev\n", name: "pruned in the same RUN" },
    { code: "FROM node AS deps\nRUN npm ci\nFROM deps\nRUN npm run build\nRUN npm prune --production\n", name: "pruned in a later stage of the chain" },
    { code: "FROM node\nRUN npm ci && npm run build && rm -rf node_modules && npm ci --omit=dev\n", name: "node_modules removed" },
    { code: "FROM node\nRUN npm install -g pm2@5.3.1 && npm install express@4\n", name: "named packages" },
    { code: "FROM node\nRUN pnpm fetch\n", name: "pnpm fetch fills the store only" },
    { code: "FROM node\nRUN yarn install\n", name: "yarn is not checked" },
  ],
  invalid: [
    {
      code: "FROM node\nWORKDIR /app\nRUN npm ci\n",
      output: "FROM node\nWORKDIR /app\nRUN npm ci --omit=dev\n",
      errors: [{ message: "`npm ci` installs devDependencies into the final image. Add --omit=dev, set NODE_ENV=production, or build in an earlier stage.", line: 3, column: 9, endColumn: 11, aliases: [] }],
    },
    {
      name: "pnpm",
      code: "FROM node\nRUN pnpm install --frozen-lockfile\n",
      output: "FROM node\nRUN pnpm install --prod --frozen-lockfile\n",
      errors: [{ messageId: "dev", line: 2, column: 10, endColumn: 17 }],
    },
    {
      name: "a prune before the install does not count",
      code: "FROM node\nRUN npm prune --omit=dev && npm install\n",
      output: "FROM node\nRUN npm prune --omit=dev && npm install --omit=dev\n",
      errors: [{ messageId: "dev", line: 2, column: 33, endColumn: 40 }],
    },
    {
      name: "NODE_ENV=development",
      code: "FROM node AS base\nENV NODE_ENV=development\nRUN npm ci\nFROM base\n",
      output: "FROM node AS base\nENV NODE_ENV=development\nRUN npm ci --omit=dev\nFROM base\n",
      errors: [{ messageId: "dev", line: 3, column: 9, endColumn: 11 }],
    },
  ],
});
