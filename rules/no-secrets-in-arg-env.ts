import { defineRule } from "../src/engine/rule.js";

/** BuildKit's heuristic (`validateNoSecretKey`): a secret-sounding word between underscores or the ends of the name. */
const SECRET = /(?:_|^)(?:apikey|auth|credential|credentials|key|password|pword|passwd|secret|token)(?:_|$)/i;
const PUBLIC = /(?:_|^)public(?:_|$)/i;

/**
 * Whether BuildKit's SecretsUsedInArgOrEnv would flag a variable name.
 *
 * @example
 * ```ts
 * looksSecret("DB_PASSWORD"); // true
 * looksSecret("PUBLIC_KEY");  // false
 * looksSecret("MONKEY");      // false
 * ```
 */
export function looksSecret(name: string): boolean {
  return SECRET.test(name) && !PUBLIC.test(name);
}

export default defineRule<{ allowedNames: string[] }>({
  meta: {
    id: "no-secrets-in-arg-env",
    description: "Disallow secret-looking names in ARG and ENV",
    category: "security",
    severity: "warning",
    fixable: "none",
    aliases: ["SecretsUsedInArgOrEnv", "DL3064", "DS-0031"],
    messages: {
      secret: "Do not use ARG or ENV instructions for sensitive data ({{keyword}} \"{{name}}\"): values end up in the image's history or config; use a secret mount (RUN --mount=type=secret) instead.",
    },
    schema: {
      type: "object",
      additionalProperties: false,
      properties: {
        allowedNames: {
          type: "array",
          items: { type: "string" },
          default: ["GPG_KEY", "GPG_KEYS"],
          description: "Names that look secret but are not (matched exactly); the default allows the public key fingerprints official images keep in GPG_KEY.",
        },
      },
    },
    docs: {
      why: "ENV values are stored in the image configuration and ARG values in the build history of every RUN that uses them: anyone who can pull the image can read them with `docker history` or `docker inspect`. Secrets belong in secret mounts, which never reach the image.",
      bad: ["FROM node:22\nARG NPM_TOKEN\nRUN npm ci\n", "FROM postgres:16\nENV POSTGRES_PASSWORD=example\n"],
      good: [
        "FROM node:22\nRUN --mount=type=secret,id=npm_token,env=NPM_TOKEN npm ci\n",
        "FROM alpine\nENV PUBLIC_KEY=abc MONKEY=1\n",
        "FROM python:3.12\nENV GPG_KEY=A035C8C19219BA821ECEA86B64E628F8D684696D\n",
      ],
      notes: "The names are judged with BuildKit's heuristic: one of apikey, auth, credential(s), key, password, pword, passwd, secret or token as a whole `_`-separated word, unless the name also has the word `public`. Like BuildKit, ARGs before the first FROM are not judged (they stay out of the image unless a stage declares them again). `allowedNames` lists exceptions.",
      references: ["https://docs.docker.com/go/dockerfile/rule/secrets-used-in-arg-or-env/", "https://docs.docker.com/build/building/secrets/"],
    },
    since: "0.1.0",
  },
  check(context) {
    const allowed = new Set(context.options.allowedNames);
    for (const stage of context.model.stages) {
      for (const instruction of stage.instructions) {
        const names =
          instruction.type === "ENV" ? instruction.pairs.map((p) => p.key)
            : instruction.type === "ARG" ? instruction.declarations.map((d) => d.name)
              : [];
        for (const name of names) {
          if (!looksSecret(name.value) || allowed.has(name.value)) continue;
          context.report({ messageId: "secret", data: { keyword: instruction.type, name: name.value }, node: name });
        }
      }
    }
  },
});
