// Opens MLflow's own web UI in Debian's chromium, driven by playwright-core; no browser is
// downloaded. A fresh profile and no background traffic, so only the local server is contacted.
import { existsSync } from 'node:fs';
import { mkdir, mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { chromium, type Page } from 'playwright-core';
import { WORKSPACE_ROOT } from '@pipeline/test-support';

const CHROMIUM = '/usr/bin/chromium';

/** Screenshots land here, git-ignored, for people and CI to look at. */
export const TEST_RESULTS_DIR = join(WORKSPACE_ROOT, 'test-results');

const FLAGS = [
  '--headless',
  '--no-sandbox',
  '--disable-gpu',
  '--disable-quic',
  '--no-first-run',
  '--disable-background-networking',
  '--disable-component-update',
  '--disable-sync',
];

export async function withChromium<T>(work: (page: Page) => Promise<T>): Promise<T> {
  if (!existsSync(CHROMIUM)) {
    throw new Error(`${CHROMIUM} is missing: install Debian's chromium (apt-get install chromium)`);
  }
  await mkdir(TEST_RESULTS_DIR, { recursive: true });
  const profile = await mkdtemp(join(tmpdir(), 'chromium-profile-'));
  const context = await chromium.launchPersistentContext(profile, {
    executablePath: CHROMIUM,
    headless: true,
    args: FLAGS,
    viewport: { width: 1400, height: 1000 },
  });
  try {
    const page = context.pages()[0] ?? (await context.newPage());
    return await work(page);
  } finally {
    await context.close();
    await rm(profile, { recursive: true, force: true });
  }
}
