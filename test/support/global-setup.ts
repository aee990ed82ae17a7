// Once before the test files: the web app is built if it is missing or stale (scripts/web-build.ts), so that the
// files that serve it (the browser tests, `npm start`) find it built and never build it at the same time.
import { ensureWebBuild } from '../../scripts/web-build.ts';

export default async function setup(): Promise<void> {
  await ensureWebBuild({ quiet: true });
}
