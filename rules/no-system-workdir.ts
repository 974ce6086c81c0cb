import { defineRule } from "../src/engine/rule.js";
import { absolutePath } from "../src/model/flow/index.js";
import { workdirStates } from "./_support/workdir.js";
import { instructionsOfType } from "./_support/instructions.js";
import { knownValue } from "./_support/variables.js";

/** Kernel and boot file systems (Trivy's list, plus /sys). */
const SYSTEM_DIRS = ["/proc", "/sys", "/boot", "/dev", "/initrd", "/lost+found"];

/** The system directory `path` is or is under. */
function systemDirOf(path: string): string | undefined {
  for (const dir of SYSTEM_DIRS) {
    if (path.startsWith(dir) && (path.length === dir.length || path.charCodeAt(dir.length) === 0x2f /* / */)) return dir;
  }
  return undefined;
}

export default defineRule({
  meta: {
    id: "no-system-workdir",
    description: "Disallow WORKDIR in system directories such as /proc, /sys, /dev and /boot",
    category: "security",
    severity: "warning",
    fixable: "none",
    aliases: ["DS-0030"],
    messages: {
      system: "WORKDIR {{path}} is inside the system directory {{dir}}: keep application files out of kernel and boot directories.",
    },
    docs: {
      why: "`/proc`, `/sys` and `/dev` are kernel file systems the container runtime mounts over the image, and `/boot`, `/initrd` and `/lost+found` belong to the host's boot and file-system machinery. Files put there by the build are hidden at run time, and a process working in them touches the kernel's view of the container.",
      bad: ["FROM alpine\nWORKDIR /proc/app\n", "FROM alpine\nWORKDIR /dev\n"],
      good: ["FROM alpine\nWORKDIR /app\n", "FROM alpine\nWORKDIR /devtools\n"],
      notes: "Relative WORKDIRs are judged on the path they resolve to when the earlier WORKDIRs are known; values with unknown variables are skipped.",
      references: ["https://docs.docker.com/reference/dockerfile/#workdir"],
    },
    since: "0.1.0",
  },
  check(context) {
    const { model } = context;
    if (instructionsOfType(model, ["WORKDIR"], "top-level").length === 0) return;
    for (const stage of model.stages) {
      if (stage.windows) continue;
      for (const instruction of stage.instructions) {
        if (instruction.type !== "WORKDIR" || instruction.value === undefined) continue;
        const value = knownValue(model.resolve(instruction.value, instruction));
        if (value === undefined) continue;
        // An absolute path needs no base: the working-directory states are only worked out for relative ones.
        const base = value.startsWith("/") ? undefined : workdirStates(model).get(instruction)?.path;
        const path = absolutePath(value, base);
        const dir = path === undefined ? undefined : systemDirOf(path);
        if (dir !== undefined) context.report({ messageId: "system", data: { path: path!, dir }, node: instruction.value });
      }
    }
  },
});
