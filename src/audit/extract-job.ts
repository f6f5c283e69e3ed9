import { createHash } from 'node:crypto';
import { decodeBody, decodesToItself } from '../crawl/charset.js';
import { type FoundLink, linksInDocument } from '../crawl/link-extract.js';
import type { ExtractContext, PageInput, PageObservations } from '../extract/index.js';
import { extractPageAndHeading, needsRendering, parseHtml } from '../extract/index.js';

/** One page to extract, as sent to an extraction thread: only what extraction reads. */
export interface ExtractJob {
  page: PageInput;
  ctx: ExtractContext;
  /** Auto mode: also decide whether the static page needs rendering (reads the HTML again). */
  judgeRendering: boolean;
  /** Also read the page's links for the crawl, from the same parse (`visibleOnly` for rendered pages). */
  links?: { visibleOnly: boolean };
  /** The body as received when `page.html` is '': decoded here as the crawl would have, and hashed. */
  undecoded?: Uint8Array;
}

export interface ExtractJobResult {
  observations: PageObservations;
  /** The page's first heading, for deciding its kind again (`pageKindOf`) without the HTML. */
  h1: string | null;
  /** Set when `judgeRendering` was asked. */
  needsRendering?: boolean;
  /** Set when `links` was asked. */
  links?: FoundLink[];
  /** Set for an `undecoded` page: sha256 hex of the decoded HTML, the snapshot's contentHash. */
  contentHash?: string;
}

/** The work itself, the same in a worker thread and in the calling thread. Pure. */
export function runExtractJob(job: ExtractJob): ExtractJobResult {
  const decoded = job.page.html === '' && job.undecoded !== undefined;
  const page = decoded
    ? { ...job.page, html: decodeBody(job.undecoded as Uint8Array, job.page.contentType ?? null) }
    : job.page;
  const parsed = parseHtml(page.html);
  // Links first: extraction only reads the tree, but the crawl's reading should not depend on that.
  const links = job.links
    ? linksInDocument(parsed, page.finalUrl || page.url, job.links.visibleOnly)
    : undefined;
  const { observations, h1 } = extractPageAndHeading(page, job.ctx, parsed);
  const result: ExtractJobResult = { observations, h1 };
  if (links) result.links = links;
  if (decoded) {
    const bytes = job.undecoded as Uint8Array;
    // The same digest as hashing the decoded HTML (as UTF-8), for a quarter of the work.
    const hashed = decodesToItself(bytes, page.contentType ?? null) ? bytes : page.html;
    result.contentHash = createHash('sha256').update(hashed).digest('hex');
  }
  if (job.judgeRendering) result.needsRendering = needsRendering(page.html, observations);
  return result;
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
