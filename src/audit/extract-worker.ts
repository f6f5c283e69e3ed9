/** Entry of an extraction thread: runs jobs from the pool in `extract-pool.ts`, one message each. */
import { parentPort } from 'node:worker_threads';
import { loadExtractionVocabularies } from '../extract/index.js';
import { type ExtractJob, runExtractJob } from './extract-job.js';

export interface WorkerRequest {
  id: number;
  job: ExtractJob;
}

export type WorkerReply =
  | { ready: true }
  | { id: number; result: ReturnType<typeof runExtractJob> }
  | { id: number; error: string };

const port = parentPort;
if (port) {
  port.on('message', ({ id, job }: WorkerRequest) => {
    let reply: WorkerReply;
    try {
      reply = { id, result: runExtractJob(job) };
    } catch (error) {
      reply = { id, error: String((error as Error)?.stack ?? error) };
    }
    port.postMessage(reply);
  });
  // Vocabularies are read now, with the modules: a broken file keeps the thread from starting.
  loadExtractionVocabularies();
  // Loading is over: the pool may send work.
  port.postMessage({ ready: true } satisfies WorkerReply);
}
