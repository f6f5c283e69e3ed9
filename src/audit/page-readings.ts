import type { CrawlReading, FetchedStylesheet, PageObserver, PageSnapshot } from '../crawl/types.js';
import type { ObservedPage } from '../evidence/index.js';
import { pageKindOf } from '../extract/index.js';
import type { ShopTarget } from '../input/types.js';
import type { ReadableSelections } from '../rules/index.js';
import { contactCoverage } from './contact-coverage.js';
import { type ExtractJob, type ExtractJobResult, jobPage } from './extract-job.js';
import type { ExtractPool } from './extract-pool.js';
import { type ShopSetting, settingInputs, settingOf } from './shop-setting.js';

let nextStartOrder = 0;

interface ReadExtras {
  withLinks?: boolean;
  undecoded?: Uint8Array;
  consentWall?: boolean;
  /** The page's own stylesheets, as the crawl fetched them (static pages). */
  stylesheets?: Promise<FetchedStylesheet[]>;
}

interface Reading {
  result: Promise<ExtractJobResult>;
  /** The link text the page was extracted with; the crawl may find a shorter path to it later. */
  viaText: string | undefined;
}

/** The job with the page's stylesheets in it, once the crawl has them (fetching them never fails). */
async function withStylesheets(job: ExtractJob, extras: ReadExtras): Promise<ExtractJob> {
  if (!extras.stylesheets) return job;
  const sheets = await extras.stylesheets;
  if (sheets.length > 0) job.page = { ...job.page, stylesheets: sheets };
  return job;
}

/**
 * Extracts a crawl's pages on the extraction threads as the crawl adds them, so that fetching and
 * extracting overlap and the crawl may drop each static page's HTML once it has its links.
 * `judgeRendering` (auto mode's static pass) also asks each page whether it needs a browser.
 */
export class PageReadings implements PageObserver {
  readonly releasesHtml = true;
  readonly decodesPages = true;
  /** The shop's setting, once the home page's reading has decided it. */
  setting: ShopSetting | null = null;
  private settingDecided: Promise<ShopSetting> | null = null;
  private readonly readings = new Map<PageSnapshot, Reading>();
  /** Shops begun earlier have their pages extracted first: they finish, and make room, sooner. */
  private readonly startOrder = nextStartOrder++;

  constructor(
    private readonly pool: ExtractPool,
    private readonly target: ShopTarget,
    readonly optionCountry: string | undefined,
    private readonly judgeRendering: boolean,
    /** The rules' readable-phone and readable-email: what counts as a contact found. */
    private readonly readable: ReadableSelections,
  ) {}

  ready(): Promise<void> {
    return this.pool.roomForMore(this.startOrder);
  }

  onPage(
    page: PageSnapshot,
    undecoded?: Uint8Array,
    ask?: { consentWall?: boolean; stylesheets?: Promise<FetchedStylesheet[]> },
  ): Promise<CrawlReading | null> | undefined {
    // A static page's links come from the thread's parse; a rendered page reports its own.
    const withLinks = page.fetchedWith === 'static' && (page.html !== '' || undecoded !== undefined);
    const extras: ReadExtras = { withLinks, undecoded, consentWall: ask?.consentWall === true };
    if (ask?.stylesheets) extras.stylesheets = ask.stylesheets;
    // The crawl adds the home page first: its reading decides the setting the others are read with.
    const result = (
      this.settingDecided
        ? this.settingDecided.then((setting) => this.read(page, setting, extras))
        : this.readHome(page, extras)
    ).then((read) => {
      if (read.contentHash) page.contentHash = read.contentHash;
      return read;
    });
    // A page the watchdog cut off after the crawl's result was taken is never asked for.
    result.catch(() => {});
    this.readings.set(page, { result, viaText: page.via?.text });
    if (!withLinks && !extras.consentWall) return undefined;
    return result.then((r) => {
      const reading: CrawlReading = { links: r.links ?? null };
      if (r.consentWall !== undefined) reading.consentWall = r.consentWall;
      return reading;
    });
  }

  /** Whether the pages read so far show a readable phone number and e-mail address (a page that failed counts as none). */
  async contactsFound(): Promise<{ phone: boolean; email: boolean }> {
    const read = await Promise.all(
      [...this.readings.entries()].map(([snapshot, reading]) =>
        reading.result.then(
          (result): ObservedPage => ({ snapshot, observations: result.observations }),
          () => null,
        ),
      ),
    );
    return contactCoverage(
      read.filter((page) => page !== null),
      this.readable,
    );
  }

  /** The setting once decided; null when no home page was read. */
  async decidedSetting(): Promise<ShopSetting | null> {
    return this.settingDecided ?? null;
  }

  private readHome(page: PageSnapshot, extras: ReadExtras): Promise<ExtractJobResult> {
    const inputs = settingInputs(
      this.target,
      new URL(page.finalUrl).origin,
      page.finalUrl,
      this.optionCountry,
    );
    const job: ExtractJob = { ...this.jobFor(page, extras), setting: { inputs } };
    if (page.via?.text !== undefined) job.setting = { inputs, viaText: page.via.text };
    const result = withStylesheets(job, extras).then((ready) => this.pool.run(ready, this.startOrder));
    // A home page that could not be read still leaves a setting, decided without its language.
    this.settingDecided = result.then(
      (r) => r.setting ?? settingOf(null, inputs),
      () => settingOf(null, inputs),
    );
    this.settingDecided.then((setting) => {
      this.setting = setting;
    });
    return result;
  }

  read(page: PageSnapshot, setting: ShopSetting, extras: ReadExtras = {}): Promise<ExtractJobResult> {
    const job = this.jobFor(page, extras);
    job.ctx = { country: setting.country, homeUrl: setting.homeUrl, viaText: page.via?.text };
    return withStylesheets(job, extras).then((ready) => this.pool.run(ready, this.startOrder));
  }

  private jobFor(page: PageSnapshot, extras: ReadExtras): ExtractJob {
    const job: ExtractJob = { page: jobPage(page), judgeRendering: this.judgeRendering };
    if (extras.withLinks) job.links = { visibleOnly: false };
    if (extras.undecoded) job.undecoded = extras.undecoded;
    if (extras.consentWall) job.consentWall = true;
    return job;
  }

  /** The page's extraction; its kind decided again if the crawl has since found a better link to it. */
  async resultFor(page: PageSnapshot): Promise<ExtractJobResult | null> {
    const reading = this.readings.get(page);
    if (!reading) return null;
    const result = await reading.result;
    const setting = await this.decidedSetting();
    const viaText = page.via?.text;
    if (viaText === reading.viaText || result.observations.kind === 'document' || !setting) return result;
    const kind = pageKindOf({
      url: page.finalUrl || page.url,
      title: result.observations.title,
      h1: result.h1,
      viaText,
      homeUrl: setting.homeUrl,
    });
    return { ...result, observations: { ...result.observations, kind } };
  }
}
