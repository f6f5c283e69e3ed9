import { createHash } from 'node:crypto';
import { staticConsentWall } from '../crawl/consent/static-consent-wall.js';
import { type FoundLink, linksInDocument } from '../crawl/discovery/link-extract.js';
// The extraction threads import the few crawl modules they run, not the crawl's index (and its browser).
import { decodeBody, decodesToItself } from '../crawl/fetch/charset.js';
import type { ConsentObservation } from '../crawl/types.js';
import type { ExtractContext, PageInput, PageObservations } from '../extract/index.js';
import { extractPageAndHeading, needsRendering, pageLanguage, parseHtml } from '../extract/index.js';
import { type SettingInputs, type ShopSetting, settingOf } from './shop-setting.js';

/** One page to extract, as sent to an extraction thread: only what extraction reads. */
export interface ExtractJob {
  page: PageInput;
  /** What the page is extracted with; for a home page, `setting` decides it here instead. */
  ctx?: ExtractContext;
  /**
   * A home page: the shop's setting (country, language) is decided here from the page, which is
   * then extracted with it, and returned. Takes the place of `ctx`.
   */
  setting?: { inputs: SettingInputs; viaText?: string };
  /** Static mode's home page: also say whether the page is nothing but a consent wall. */
  consentWall?: boolean;
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
  /** Set when `setting` was asked. */
  setting?: ShopSetting;
  /** Set when `consentWall` was asked: the wall, or null for a page with content. */
  consentWall?: ConsentObservation | null;
}

function contextOf(job: ExtractJob, html: string): { ctx: ExtractContext; setting?: ShopSetting } {
  if (job.ctx) return { ctx: job.ctx };
  if (!job.setting) throw new Error('an extraction job needs ctx or setting');
  const setting = settingOf(pageLanguage(html), job.setting.inputs);
  const ctx: ExtractContext = { country: setting.country, homeUrl: setting.homeUrl };
  if (job.setting.viaText !== undefined) ctx.viaText = job.setting.viaText;
  return { ctx, setting };
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
  const { ctx, setting } = contextOf(job, page.html);
  const { observations, h1 } = extractPageAndHeading(page, ctx, parsed);
  const result: ExtractJobResult = { observations, h1 };
  if (links) result.links = links;
  if (setting) result.setting = setting;
  if (job.consentWall) result.consentWall = staticConsentWall(page.html, parsed);
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
