// The peak memory (resident set size) of a server process while a
// measurement runs. Linux only: read from /proc; elsewhere nothing is reported.
import fs from "node:fs";

const INTERVAL_MS = 50;

function statusKiB(pid: number, field: "VmRSS" | "VmHWM"): number | undefined {
  try {
    const match = new RegExp(`^${field}:\\s+(\\d+) kB`, "m").exec(fs.readFileSync(`/proc/${pid}/status`, "utf8"));
    return match ? Number(match[1]) : undefined;
  } catch {
    return undefined;
  }
}

/** The process and its descendants (nginx's master and its worker, say). */
function processTree(pid: number): number[] {
  const found = [pid];
  for (let i = 0; i < found.length; i++) {
    let tasks: string[] = [];
    try {
      tasks = fs.readdirSync(`/proc/${found[i]}/task`);
    } catch {
      continue;
    }
    for (const task of tasks) {
      try {
        const kids = fs.readFileSync(`/proc/${found[i]}/task/${task}/children`, "utf8").trim();
        if (kids) found.push(...kids.split(/\s+/).map(Number));
      } catch {
        // Gone, or no children file on this kernel.
      }
    }
  }
  return found;
}

/** Sets the kernel's high-water mark (VmHWM) back to the current RSS; false where that is not allowed. */
function resetPeak(pid: number) {
  try {
    fs.writeFileSync(`/proc/${pid}/clear_refs`, "5");
    return true;
  } catch {
    return false;
  }
}

export type MemoryWatch = { stop(): number | undefined };

/**
 * Watches the RSS of `pid` (with `tree`, summed over it and its descendants)
 * until stop(), which returns the peak in bytes. For a single process the
 * kernel's own high-water mark is used as well, reset at the start, so a peak
 * shorter than the polling interval is not missed.
 */
export function watchMemory(pid: number | undefined, { tree = false } = {}): MemoryWatch {
  if (pid === undefined || !fs.existsSync(`/proc/${pid}/status`)) return { stop: () => undefined };
  const kernelPeak = !tree && resetPeak(pid);
  let peakKiB = 0;
  const sample = () => {
    const pids = tree ? processTree(pid) : [pid];
    const total = pids.reduce((sum, one) => sum + (statusKiB(one, "VmRSS") ?? 0), 0);
    peakKiB = Math.max(peakKiB, total);
  };
  sample();
  const timer = setInterval(sample, INTERVAL_MS);
  return {
    stop() {
      clearInterval(timer);
      sample();
      if (kernelPeak) peakKiB = Math.max(peakKiB, statusKiB(pid, "VmHWM") ?? 0);
      return peakKiB ? peakKiB * 1024 : undefined;
    },
  };
}
