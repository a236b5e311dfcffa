// What `npm start` prints in local mode: the address, and where the embedded
// PostgreSQL and the written e-mail really are (DATA_DIR may move them).
import path from "node:path";

/** A path as a person at `cwd` would type it: relative ("./data") inside it, absolute outside. */
export function shownPath(target: string, cwd: string): string {
  const relative = path.relative(cwd, target);
  if (relative === "") return ".";
  if (relative.startsWith("..") || path.isAbsolute(relative)) return target;
  return `./${relative.split(path.sep).join("/")}`;
}

export function localModeMessage({ port, dataDir, cwd, smtp }: { port: number; dataDir: string; cwd: string; smtp: boolean }): string[] {
  const address = `http://localhost:${port}`;
  const mail = smtp ? "e-mail sent through SMTP_URL" : `e-mail written to ${shownPath(path.join(dataDir, "mail"), cwd)}`;
  return [
    `The RASSO portal is running at ${address} (Welsh: ${address}/cy)`,
    `Local mode: embedded PostgreSQL in ${shownPath(path.join(dataDir, "postgres"), cwd)}, ${mail}.`,
  ];
}
