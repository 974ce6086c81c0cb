import { describe, expect, it } from "vitest";
import { analyze } from "../../src/model/index.js";

const scriptOf = (dockerfile: string) => analyze(dockerfile).runs[0].script;

describe("runScript maps script offsets to the Dockerfile", () => {
  it("for a one-line RUN", () => {
    const source = "FROM a\nRUN make install\n";
    const script = scriptOf(source);
    expect(script.text).toBe("make install");
    expect(source.slice(script.toSource(5), script.toSource(12))).toBe("install");
  });

  it("for a RUN joined from continuation lines, through its source map", () => {
    const source = "FROM a\nRUN make \\\n  install && \\\n  echo done\n";
    const script = scriptOf(source);
    const at = script.text!.indexOf("echo");
    expect(source.slice(script.toSource(at), script.toSource(at) + 9)).toBe("echo done");
    expect(source.slice(script.toSource(0), script.toSource(0) + 4)).toBe("make");
  });

  it("for a command line followed by its heredoc", () => {
    const source = "FROM a\nRUN cat <<EOF > /x\nhello\nEOF\n";
    const script = scriptOf(source);
    expect(script.form).toBe("shell-heredocs");
    const at = script.text!.indexOf("hello");
    expect(source.slice(script.toSource(at), script.toSource(at) + 5)).toBe("hello");
  });
});
