// A reading process of a process pool (processes.ts). It runs the worker module named by its argument, the same
// module a worker thread runs, and calls that module's default export with each task the parent sends. It answers
// each task with { id, result } or { id, error }, and ends when the parent goes.
const run = (await import(process.argv[2])).default;

process.on('message', async (message) => {
  const { id, task } = message;
  try {
    process.send({ id, result: await run(task) });
  } catch (error) {
    process.send({
      id,
      error: { name: error?.name ?? 'Error', message: error?.message ?? String(error) },
    });
  }
});
process.on('disconnect', () => process.exit(0));
process.send({ ready: true });
