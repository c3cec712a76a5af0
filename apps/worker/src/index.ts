// For another entry point that runs the worker inside its own process (`npm start` with
// LOCAL_WORKER=true); production runs main.ts.
export { createWorker, stopWorker } from './worker.js';
