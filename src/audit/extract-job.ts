import type { ExtractContext, PageInput, PageObservations } from '../extract/index.js';
import { extractPageAndHeading, needsRendering } from '../extract/index.js';

/** One page to extract, as sent to an extraction thread: only what extraction reads. */
export interface ExtractJob {
  page: PageInput;
  ctx: ExtractContext;
  /** Auto mode: also decide whether the static page needs rendering (reads the HTML again). */
  judgeRendering: boolean;
}

export interface ExtractJobResult {
  observations: PageObservations;
  /** The page's first heading, for deciding its kind again (`pageKindOf`) without the HTML. */
  h1: string | null;
  /** Set when `judgeRendering` was asked. */
  needsRendering?: boolean;
}

/** The work itself, the same in a worker thread and in the calling thread. Pure. */
export function runExtractJob(job: ExtractJob): ExtractJobResult {
  const { observations, h1 } = extractPageAndHeading(job.page, job.ctx);
  if (!job.judgeRendering) return { observations, h1 };
  return { observations, h1, needsRendering: needsRendering(job.page.html, observations) };
}

/** The fields of a snapshot extraction reads; the rest (hashes, screenshots, via) stays home. */
export function jobPage(snapshot: PageInput): PageInput {
  const page: PageInput = {
    url: snapshot.url,
    finalUrl: snapshot.finalUrl,
    html: snapshot.html,
    fetchedWith: snapshot.fetchedWith,
  };
  if (snapshot.afterInteraction !== undefined) page.afterInteraction = snapshot.afterInteraction;
  // A PDF is a document page by its content type, whatever its URL says.
  if (snapshot.contentType) page.contentType = snapshot.contentType;
  return page;
}
