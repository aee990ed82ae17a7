// A batch worker thread: registers tsx (the project runs TypeScript without a build) and runs one file's task.
import { register } from 'tsx/esm/api';

register();
const { runTask } = await import('./worker-task.ts');

/** Piscina calls the default export with each task. */
export default runTask;
