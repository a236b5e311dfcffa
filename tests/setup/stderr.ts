// What the code under test writes to standard error (where the logger writes
// warnings and errors), without showing it.
import { vi } from "vitest";

export function captureStderr(run: () => void): string[] {
  const lines: string[] = [];
  const spy = vi.spyOn(process.stderr, "write").mockImplementation((chunk) => {
    lines.push(String(chunk));
    return true;
  });
  try {
    run();
  } finally {
    spy.mockRestore();
  }
  return lines;
}
