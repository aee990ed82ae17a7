// Once before the test files: dist/ (the compiled code the command and the batch workers run) is built when it is
// stale (scripts/build-dist.mjs), so that the tests run what users run; the web app is built if it is missing or
// stale (scripts/web-build.ts), so that the files that serve it (the browser tests, `npm start`) find it built and
// never build it at the same time.
import { ensureDist } from '../../scripts/build-dist.mjs';
import { ensureWebBuild } from '../../scripts/web-build.ts';

export default async function setup(): Promise<void> {
  await ensureDist();
  await ensureWebBuild({ quiet: true });
}
