import { execSync } from 'node:child_process';
import { defineConfig, devices } from '@playwright/test';

// Real-browser tests: Debian's Chromium (no downloaded browsers) against the real API on the embedded
// database with the Pay Score simulator and fleet-sim, all started by global-setup on free ports.
function chromium(): string {
  if (process.env.CHROMIUM_PATH) return process.env.CHROMIUM_PATH;
  try {
    return execSync('command -v chromium || command -v chromium-browser', { encoding: 'utf8', shell: '/bin/sh' }).trim().split('\n')[0] ?? '';
  } catch {
    throw new Error('Chromium is not installed: `apt-get install -y chromium fonts-wqy-zenhei` (see README, "Test it")');
  }
}

const launchOptions = {
  executablePath: chromium(),
  args: ['--no-sandbox', '--disable-gpu', '--disable-background-networking', '--disable-component-update', '--disable-sync', '--no-first-run'],
};

export default defineConfig({
  testDir: './e2e',
  outputDir: '../../test-results/console-e2e',
  globalSetup: './e2e/support/global-setup.ts',
  globalTeardown: './e2e/support/global-teardown.ts',
  fullyParallel: false,
  workers: 1,
  retries: 0,
  timeout: 60_000,
  expect: { timeout: 15_000 },
  forbidOnly: true,
  reporter: [['list']],
  use: {
    baseURL: process.env.E2E_BASE_URL,
    locale: 'zh-CN',
    timezoneId: 'Asia/Shanghai',
    trace: 'retain-on-failure',
    screenshot: 'only-on-failure',
    launchOptions,
  },
  projects: [
    { name: 'desktop', use: { ...devices['Desktop Chrome'], launchOptions, viewport: { width: 1440, height: 900 } } },
  ],
});
