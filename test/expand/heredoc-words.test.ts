/**
 * splitHeredocLine: the words BuildKit's parser gets when it lexes an instruction line to look for
 * heredocs (spec: shared/reference/buildkit-semantics.md §7, step 2).
 */
import { describe, expect, it } from "vitest";
import { splitHeredocLine } from "../../src/expand/index.js";

describe("splitHeredocLine", () => {
  it.each([
    ["RUN <<EOF", ["RUN", "<<EOF"]],
    ["RUN << EOF", ["RUN", "<< EOF"]],
    ["RUN <<  EOF  x", ["RUN", "<<  EOF", "x"]],
    ["RUN <<\tEOF", ["RUN", "<<\tEOF"]],
    ["RUN <<-EOF", ["RUN", "<<-EOF"]],
    ["RUN <<- EOF", ["RUN", "<<-", "EOF"]],
    ["RUN << -EOF", ["RUN", "<< -EOF"]],
    ["RUN cat<<EOF", ["RUN", "cat<<EOF"]],
    ["RUN 3<<EOF cat /dev/fd/3", ["RUN", "3<<EOF", "cat", "/dev/fd/3"]],
    ["RUN cat <<EOF > out", ["RUN", "cat", "<<EOF", ">", "out"]],
    ["RUN cat <<EOF>out", ["RUN", "cat", "<<EOF>out"]],
    ["COPY <<A <<B /dst/", ["COPY", "<<A", "<<B", "/dst/"]],
    ["RUN <<'EOF' | python", ["RUN", "<<'EOF'", "|", "python"]],
    ['RUN <<"A B"', ["RUN", '<<"A B"']],
    ['RUN echo "<<EOF"', ["RUN", "echo", '"<<EOF"']],
    ["RUN <<eo\\'f", ["RUN", "<<eo\\'f"]],
    ["RUN <<$EOF ${HOME:-x}", ["RUN", "<<$EOF", "${HOME:-x}"]],
    ["RUN cat <<<EOF", ["RUN", "cat", "<<<EOF"]],
  ])("%j", (line, words) => {
    expect(splitHeredocLine(line)).toEqual(words);
  });

  it.each([
    ["RUN <<EOF cat it's", "an unbalanced single quote elsewhere on the line"],
    ["RUN <<'EOF", "an unbalanced quote in the marker"],
    ["RUN <<EOF echo ${X", "${ without }"],
    ['RUN <<EOF echo "a', "an unbalanced double quote"],
  ])("%j has no heredoc words (%s)", (line) => {
    expect(splitHeredocLine(line)).toBeUndefined();
  });

  it("always uses \\ as escape, whatever the escape directive", () => {
    expect(splitHeredocLine("RUN <<EOF a\\ b `c")).toEqual(["RUN", "<<EOF", "a\\ b", "`c"]);
  });

  it("is linear on long lines", () => {
    const line = "RUN " + "<<EOF ".repeat(20_000) + "'x' \"y\" $Z ".repeat(20_000);
    const started = performance.now();
    expect(splitHeredocLine(line)).toHaveLength(1 + 20_000 + 60_000);
    expect(performance.now() - started).toBeLessThan(2_000);
  });
});
