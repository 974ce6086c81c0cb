/** The `dockerlint --help` text. */

/**
 * Usage of the whole command line.
 *
 * @example
 * ```ts
 * io.out(USAGE + "\n");
 * ```
 */
export const USAGE = `Usage: dockerlint [options] [file|dir|glob|-]...
       dockerlint rules [--format text|json|markdown]
       dockerlint ast <file|-> [--format json|buildkit]
       dockerlint plan <file|-> [--target S] [--format text|json|mermaid|dot]

Lints Dockerfiles (default: the Dockerfiles in the current folder). Folders are searched for
Dockerfile, Dockerfile.*, Dockerfile-*, *.Dockerfile, Containerfile, Containerfile.*,
honouring .gitignore; "-" reads standard input.

Configuration:
  -c, --config <file>           use this config file for every input
      --no-config-lookup        do not look for .dockerlintrc.json / package.json "dockerlint"
      --rule <rule>:<severity>  set a rule (id or alias) to off|info|warning|error (repeatable)
      --print-config <file>     print the configuration that applies to <file>
      --explain <rule>          show a rule's documentation (id or alias)

Output:
  -f, --format <name>           stylish (default), json, sarif, github, gitlab, checkstyle, junit
  -o, --output-file <file>      write the report to a file instead of standard output
      --quiet                   report errors only
      --color, --no-color       force colour on or off (default: on for a terminal; NO_COLOR, FORCE_COLOR)

Exit code:
      --failure-threshold <s>   least severity that fails: error (default), warning, info, none
      --max-warnings <n>        fail when there are more than n warnings

Fixing:
      --fix                     apply safe fixes to the files
      --unsafe-fixes            with --fix or --fix-dry-run: also apply fixes that may change behaviour
      --fix-dry-run             print the fixes as a unified diff; write nothing

Files:
      --ignore-pattern <glob>   skip paths matching this gitignore-style pattern (repeatable)
      --no-ignore               do not honour .gitignore, --ignore-pattern or the config's ignores
      --stdin-filename <name>   the name of the file read from standard input
      --max-file-size <bytes>   skip larger files with a warning (default 1048576)
      --concurrency <n|auto>    worker threads (default auto: used for more than 200 files)
      --shellcheck              also run RUN scripts through ShellCheck (when installed)

  -v, --version                 print the version
  -h, --help                    print this help

Exit codes: 0 no failing findings; 1 findings at or above the failure threshold, or too many
warnings; 2 usage, configuration or internal error, a file that could not be read, or no files.`;
