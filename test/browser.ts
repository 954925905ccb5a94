// Headless Chromium for the page tests and the screenshot script: the system's Chromium
// (Debian's chromium package, which .ci/run installs), driven by playwright-core.
import { existsSync } from "node:fs";
import { chromium, type Browser } from "playwright-core";

const CANDIDATES = [
  process.env.CHROMIUM_PATH,
  "/usr/bin/chromium",
  "/usr/bin/chromium-browser",
  "/usr/bin/google-chrome",
];

/** The path of a Chromium on this machine, or undefined. */
export function chromiumPath(): string | undefined {
  return CANDIDATES.find((p): p is string => p !== undefined && existsSync(p));
}

/** Chromium headless, with nothing that reaches the network on its own. */
export function launch(executablePath: string): Promise<Browser> {
  return chromium.launch({
    executablePath,
    args: [
      "--headless",
      "--no-sandbox",
      "--disable-gpu",
      "--disable-quic",
      "--no-first-run",
      "--disable-background-networking",
      "--disable-component-update",
      "--disable-sync",
      "--disable-dev-shm-usage",
    ],
  });
}
