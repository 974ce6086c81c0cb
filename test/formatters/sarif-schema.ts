/**
 * A validator for the official SARIF 2.1.0 JSON schema (see schema/README.md).
 */
import { readFileSync } from "node:fs";
import { Ajv2020, type ValidateFunction } from "ajv/dist/2020.js";

/**
 * Compiles schema/sarif-schema-2.1.0.json with the two corrections described in schema/README.md,
 * and checks the `uri`, `uri-reference` and `date-time` formats it uses.
 *
 * @example
 * ```ts
 * const validate = sarifValidator();
 * expect(validate(JSON.parse(output)), JSON.stringify(validate.errors)).toBe(true);
 * ```
 */
export function sarifValidator(): ValidateFunction {
  const schema = JSON.parse(readFileSync(new URL("./schema/sarif-schema-2.1.0.json", import.meta.url), "utf8"));
  // Correction 1: the schema lists region's "at least a start" rule under `properties` by mistake.
  const region = schema.definitions.region;
  region.anyOf = region.properties.anyOf;
  delete region.properties.anyOf;
  // Correction 2: the `language` patterns use the inline flag `(?i)`, which JavaScript lacks.
  const regExp = Object.assign(
    (pattern: string, flags: string) =>
      pattern.includes("(?i)") ? new RegExp(pattern.replace("(?i)", ""), `${flags}i`) : new RegExp(pattern, flags),
    { code: "new RegExp" },
  );
  const ajv = new Ajv2020({
    allErrors: true,
    code: { regExp },
    formats: {
      uri: (value: string) => URL.canParse(value),
      "uri-reference": (value: string) => URL.canParse(value, "file:///base/"),
      "date-time": (value: string) => !Number.isNaN(Date.parse(value)),
    },
  });
  return ajv.compile(schema);
}
