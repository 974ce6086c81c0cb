/** Hostile inputs, each a generator of size n, for the adversarial tests. */

/** One hostile input family. */
export interface Adversary {
  readonly name: string;
  /** Builds the input at size `n`. */
  readonly make: (n: number) => string;
  /** The size the test uses (it also runs 10× that). */
  readonly n: number;
}

export const adversaries: readonly Adversary[] = [
  { name: "a single long line (bytes)", n: 1_000_000, make: (n) => "FROM alpine\nRUN echo " + "x".repeat(n) + "\n" },
  { name: "a long line of slashes in COPY", n: 100_000, make: (n) => "FROM alpine\nCOPY " + "/".repeat(n) + "x /app/\n" },
  { name: "continuation lines", n: 5_000, make: (n) => "FROM alpine\nRUN true \\\n" + "  && echo a \\\n".repeat(n) + "  && true\n" },
  { name: "heredocs", n: 500, make: (n) => "FROM alpine\n" + "RUN <<EOF\necho hi\nEOF\n".repeat(n) },
  { name: "independent named stages", n: 1_500, make: (n) => Array.from({ length: n }, (_, i) => `FROM alpine AS s${i}\nRUN echo ${i}\n`).join("") },
  { name: "stages", n: 500, make: (n) => Array.from({ length: n }, (_, i) => `FROM alpine AS s${i}\nCOPY --from=${i > 0 ? `s${i - 1}` : "alpine"} /a /a\nRUN echo ${i}\n`).join("") },
  { name: "nested command substitutions", n: 300, make: (n) => "FROM alpine\nRUN echo " + "$( ".repeat(n) + "true" + " )".repeat(n) + "\n" },
  { name: "commands in one RUN", n: 1_000, make: (n) => "FROM debian\nRUN " + Array.from({ length: n }, (_, i) => `apt-get install -y p${i}`).join(" && ") + "\n" },
  { name: "ENV pairs", n: 1_000, make: (n) => "FROM alpine\nENV " + Array.from({ length: n }, (_, i) => `V${i}=$V${Math.max(0, i - 1)}`).join(" ") + "\n" },
  { name: "an unterminated heredoc", n: 10_000, make: (n) => "FROM alpine\nRUN <<EOF\n" + "line\n".repeat(n) },
  { name: "comment lines", n: 10_000, make: (n) => "# c\n".repeat(n) + "FROM alpine\n" },
  {
    name: "meta ARGs, then stages from a base name with no known value",
    n: 300,
    make: (n) => Array.from({ length: n }, (_, i) => `ARG A${i}=v${i}\n`).join("") + "ARG X\n" + Array.from({ length: n }, (_, i) => `FROM img-\${X}-${i}\n`).join(""),
  },
];

/** Inputs that must simply not crash (no size to scale). */
export const oddities: readonly [string, string][] = [
  ["empty", ""],
  ["only comments", "# a\n# b\n"],
  ["NUL bytes", "FROM alpine\0\nRUN echo \0\0\n"],
  ["invalid UTF-8 decoded", Buffer.from([0x46, 0x52, 0x4f, 0x4d, 0x20, 0xff, 0xfe, 0x0a, 0x52, 0x55, 0x4e, 0x20, 0xc3, 0x28, 0x0a]).toString("utf8")],
  ["UTF-16 with BOM read as UTF-8", Buffer.from("\ufeffFROM alpine\nRUN echo hi\n", "utf16le").toString("utf8")],
  ["CRLF", "FROM alpine\r\nRUN echo a \\\r\n  b\r\n"],
  ["lone CR", "FROM alpine\rRUN echo a\r"],
];
