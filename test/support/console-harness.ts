import { launchBrowser, requireBuiltConsole, TestBrowser } from './browser';
import { startTestHub, TestHub } from './hub';
import { createTestOrganisation, TestOrganisation } from './org-fixture';

/** What a browser test of the console runs against. */
export interface ConsoleHarness {
  hub: TestHub;
  org: TestOrganisation;
  browser: TestBrowser;
  /** Where the hub serves the console, e.g. http://127.0.0.1:43121 */
  origin: string;
  stop(): Promise<void>;
}

/** The real hub serving the built console on a fresh database with the test organisation, and one headless Chromium. */
export async function startConsoleHarness(options: Parameters<typeof startTestHub>[0] = {}): Promise<ConsoleHarness> {
  const hub = await startTestHub(options);
  try {
    requireBuiltConsole(hub.config.console.directory);
    const org = await createTestOrganisation(hub.services, hub.database.dataSource);
    const browser = await launchBrowser();
    return {
      hub,
      org,
      browser,
      origin: new URL(hub.url).origin,
      async stop() {
        await browser.close();
        await hub.stop();
      },
    };
  } catch (error) {
    await hub.stop();
    throw error;
  }
}
