import { defineConfig } from '@playwright/test';
import path from 'node:path';

// Serves the release build (dist/, made by `trunk build --release`) on its own port, so it
// does not clash with scripts/serve.sh on 8080.
const PORT = Number(process.env.E2E_PORT ?? 8081);
const ROOT = path.resolve(__dirname, '..');

export default defineConfig({
  testDir: './tests',
  outputDir: './test-results',
  reporter: 'list',
  // Two cores: one worker for the browser, leaving a core for the web server.
  workers: 1,
  fullyParallel: false,
  forbidOnly: !!process.env.CI,
  retries: 0,
  timeout: 60_000,
  use: {
    baseURL: `http://127.0.0.1:${PORT}`,
    viewport: { width: 1920, height: 1080 },
    trace: 'retain-on-failure',
    screenshot: 'only-on-failure',
    // Debian's Chromium: Playwright must never download browsers here; the flags keep
    // Chromium off the network.
    launchOptions: {
      executablePath: '/usr/bin/chromium',
      args: [
        '--no-sandbox',
        '--disable-gpu',
        '--disable-background-networking',
        '--disable-component-update',
        '--disable-sync',
        '--no-first-run',
        '--disable-quic',
      ],
    },
  },
  webServer: {
    command: `python3 -m http.server ${PORT} --bind 127.0.0.1 --directory dist`,
    cwd: ROOT,
    url: `http://127.0.0.1:${PORT}/index.html`,
    reuseExistingServer: !process.env.CI,
    timeout: 30_000,
    stdout: 'ignore',
    stderr: 'ignore',
  },
});
