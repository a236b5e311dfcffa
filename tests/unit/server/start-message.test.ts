import { describe, expect, it } from "vitest";
import { localModeMessage, shownPath } from "~/server/start-message.server.ts";

describe("the start message", () => {
  it("names ./data/postgres and ./data/mail by default", () => {
    expect(localModeMessage({ port: 3000, dataDir: "/srv/portal/data", cwd: "/srv/portal", smtp: false })).toEqual([
      "The RASSO portal is running at http://localhost:3000 (Welsh: http://localhost:3000/cy)",
      "Local mode: embedded PostgreSQL in ./data/postgres, e-mail written to ./data/mail.",
    ]);
  });

  it("names the real folders when DATA_DIR moves them", () => {
    const [, local] = localModeMessage({ port: 3300, dataDir: "/tmp/portal-data", cwd: "/srv/portal", smtp: false });
    expect(local).toBe("Local mode: embedded PostgreSQL in /tmp/portal-data/postgres, e-mail written to /tmp/portal-data/mail.");
    expect(localModeMessage({ port: 3300, dataDir: "/srv/portal/var/d", cwd: "/srv/portal", smtp: false })[1]).toContain("./var/d/postgres");
  });

  it("says mail is sent, not written, when SMTP_URL is set", () => {
    expect(localModeMessage({ port: 3000, dataDir: "/srv/portal/data", cwd: "/srv/portal", smtp: true })[1]).toBe(
      "Local mode: embedded PostgreSQL in ./data/postgres, e-mail sent through SMTP_URL.",
    );
  });

  it("shows a folder outside the working directory as an absolute path", () => {
    expect(shownPath("/srv/other", "/srv/portal")).toBe("/srv/other");
    expect(shownPath("/srv/portal", "/srv/portal")).toBe(".");
  });
});
