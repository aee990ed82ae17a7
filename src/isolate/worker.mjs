// A worker thread of src/isolate in the sources (piscina calls the default export with each task). It runs the
// compiled task of dist/ when dist/ is current, else registers tsx and runs task.ts (scripts/build-dist.mjs decides).
// The build writes its own dist/isolate/worker.mjs, which is the compiled task alone.
import { entry } from '../../scripts/build-dist.mjs';

const target = entry('isolate/task');
if (target.from === 'src') (await import('tsx/esm/api')).register();
const { runTask } = await import(target.url);

/** Piscina calls the default export with each task. */
export default runTask;
