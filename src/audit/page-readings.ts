import type { FoundLink } from '../crawl/link-extract.js';
import type { PageObserver, PageSnapshot } from '../crawl/types.js';
import { inferCountry } from '../evidence/country.js';
import { pageKindOf, pageLanguage } from '../extract/index.js';
import type { ShopTarget } from '../input/types.js';
import { type ExtractJob, type ExtractJobResult, jobPage } from './extract-job.js';
import type { ExtractPool } from './extract-pool.js';

/** What every page of a shop is extracted with: decided from the home page. */
export interface ShopSetting {
  country: string;
  countrySource: ReturnType<typeof inferCountry>['source'];
  language: string | null;
  homeUrl: string;
}

export function shopSetting(
  home: PageSnapshot | undefined,
  target: ShopTarget,
  origin: string | null,
  optionCountry: string | undefined,
): ShopSetting {
  const language = home ? pageLanguage(home.html) : null;
  const { country, source } = inferCountry({
    listCountry: target.country,
    optionCountry,
    url: origin ?? target.url,
    language,
  });
  return { country, countrySource: source, language, homeUrl: home?.finalUrl ?? target.url };
}

interface Reading {
  result: Promise<ExtractJobResult>;
  /** The link text the page was extracted with; the crawl may find a shorter path to it later. */
  viaText: string | undefined;
}

/**
 * Extracts a crawl's pages on the extraction threads as the crawl adds them, so that fetching and
 * extracting overlap and the crawl may drop each static page's HTML once it has its links.
 * `judgeRendering` (auto mode's static pass) also asks each page whether it needs a browser.
 */
export class PageReadings implements PageObserver {
  readonly releasesHtml = true;
  readonly decodesPages = true;
  setting: ShopSetting | null = null;
  private readonly readings = new Map<PageSnapshot, Reading>();

  constructor(
    private readonly pool: ExtractPool,
    private readonly target: ShopTarget,
    readonly optionCountry: string | undefined,
    private readonly judgeRendering: boolean,
  ) {}

  ready(): Promise<void> {
    return this.pool.roomForMore();
  }

  onPage(page: PageSnapshot, undecoded?: Uint8Array): Promise<FoundLink[] | null> | undefined {
    // The crawl adds the home page first, decoded.
    this.setting ??= shopSetting(page, this.target, new URL(page.finalUrl).origin, this.optionCountry);
    // A static page's links come from the thread's parse; a rendered page reports its own.
    const withLinks = page.fetchedWith === 'static' && (page.html !== '' || undecoded !== undefined);
    const result = this.read(page, this.setting, withLinks, undecoded).then((read) => {
      if (read.contentHash) page.contentHash = read.contentHash;
      return read;
    });
    // A page the watchdog cut off after the crawl's result was taken is never asked for.
    result.catch(() => {});
    this.readings.set(page, { result, viaText: page.via?.text });
    return withLinks ? result.then((r) => r.links ?? null) : undefined;
  }

  read(
    page: PageSnapshot,
    setting: ShopSetting,
    withLinks = false,
    undecoded?: Uint8Array,
  ): Promise<ExtractJobResult> {
    const job: ExtractJob = {
      page: jobPage(page),
      ctx: { country: setting.country, homeUrl: setting.homeUrl, viaText: page.via?.text },
      judgeRendering: this.judgeRendering,
    };
    if (withLinks) job.links = { visibleOnly: false };
    if (undecoded) job.undecoded = undecoded;
    return this.pool.run(job);
  }

  /** The page's extraction; its kind decided again if the crawl has since found a better link to it. */
  async resultFor(page: PageSnapshot): Promise<ExtractJobResult | null> {
    const reading = this.readings.get(page);
    if (!reading) return null;
    const result = await reading.result;
    const viaText = page.via?.text;
    if (viaText === reading.viaText || result.observations.kind === 'document' || !this.setting)
      return result;
    const kind = pageKindOf({
      url: page.finalUrl || page.url,
      title: result.observations.title,
      h1: result.h1,
      viaText,
      homeUrl: this.setting.homeUrl,
    });
    return { ...result, observations: { ...result.observations, kind } };
  }
}
