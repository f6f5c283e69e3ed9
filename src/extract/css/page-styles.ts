import * as csstree from 'css-tree';
import { loadVocabulary } from '../../common/vocabulary.js';
import type { DomElement } from '../dom.js';
import {
  type Computed,
  canHide,
  type Declaration,
  hidesBy,
  mayHide,
  sheetMayHide,
  visibilityDeclarations,
} from './declarations.js';
import { type HidingClassWords, saysMaybeHidden } from './hiding-class.js';
import { EVERYWHERE, type MediaMatch, matchMediaText, type Viewport } from './media-query.js';
import { compileSelector } from './selectors.js';
import { type CompiledSheet, compiledSheet, type StyleRule } from './style-sheet.js';

/** A stylesheet as the crawl hands it over: its text, or why it could not be read. */
export interface SheetText {
  url: string;
  css?: string;
  /** Why there is no text: `cross-site`, `not-found`, `too-large`, `robots`, `limit`, `failed` … */
  unread?: string;
}

/** Where a stylesheet stands in the page, in document order: a `<style>` block or a `<link>`. */
export type SheetSource =
  | { kind: 'style'; css: string; media?: string }
  | { kind: 'link'; url: string; media?: string };

/** What the page's CSS says of one element. */
export interface StyleVerdict {
  /** Why it is hidden at the desktop viewport, or null. */
  desktop: string | null;
  /** Why it is hidden at the phone viewport, or null. */
  phone: string | null;
  /** Its visibility depends on a script's state (a class on the page's root, a cloak attribute). */
  uncertain: boolean;
  /** Hidden by a stylesheet rule alone: its inline style and `hidden` attribute do not hide it. */
  bySheet?: boolean;
}

interface Entry {
  rule: StyleRule;
  media: MediaMatch;
  /** Document order across the page's sheets. */
  order: number;
  /** The selector tests a class the page's root carries or a cloak attribute: it holds only until scripts run. */
  stateDependent: boolean;
}

/** A sheet no rule of which hides by itself: compiled only once some element needs the full cascade. */
interface DeferredSheet {
  css: string;
  source: SheetSource;
  media: MediaMatch;
  base: number;
}

interface HidingWords {
  classWords: string[];
  otherProperties: string[];
  cloakAttributes: string[];
}

const lowerSet = (list: string[]) => new Set(list.map((w) => w.toLowerCase()));

let words: (HidingClassWords & { cloak: Set<string> }) | null = null;
export function hidingWords(): HidingClassWords & { cloak: Set<string> } {
  if (!words) {
    const vocabulary = loadVocabulary<HidingWords>('extract-hiding-words');
    words = {
      classWords: lowerSet(vocabulary.classWords),
      otherProperties: lowerSet(vocabulary.otherProperties),
      cloak: lowerSet(vocabulary.cloakAttributes),
    };
  }
  return words;
}

/** Precedence: importance, then inline over sheets (the UA's `[hidden]` below both), specificity, order. */
interface Winner {
  value: string;
  important: boolean;
  level: number;
  specificity: number;
  order: number;
}

function beats(a: Omit<Winner, 'value'>, b: Winner | undefined): boolean {
  if (!b) return true;
  if (a.important !== b.important) return a.important;
  if (a.level !== b.level) return a.level > b.level;
  if (a.specificity !== b.specificity) return a.specificity > b.specificity;
  return a.order >= b.order;
}

const LEVEL_UA = 0;
const LEVEL_SHEET = 1;
const LEVEL_INLINE = 2;
const INLINE_SPECIFICITY = 0;

const inlineCache = new Map<string, Declaration[]>();

function inlineDeclarations(style: string): Declaration[] {
  let hit = inlineCache.get(style);
  if (hit) return hit;
  try {
    hit = visibilityDeclarations(
      csstree.parse(style, { context: 'declarationList', parseValue: false, onParseError: () => {} }),
    );
  } catch {
    hit = [];
  }
  if (inlineCache.size > 5_000) inlineCache.clear();
  inlineCache.set(style, hit);
  return hit;
}

/**
 * The page's own CSS, applied the way a browser's cascade would for the properties that hide
 * (`declarations.ts`): its `<style>` blocks and the same-site stylesheets the crawl fetched, in
 * document order, with media queries judged at a desktop and a phone viewport, `!important`,
 * specificity, order, inline styles and the `hidden` attribute. Rules are indexed by their
 * rightmost class, id, tag or attribute, and only an element some hiding rule matches is judged
 * against the rest, so a page pays little for rules that hide nothing. A sheet none of whose rules
 * hides is not even parsed until such an element turns up.
 */
export class PageStyles {
  private readonly hiding = new Map<string, Entry[]>();
  private readonly onDemand = new Map<string, Entry[]>();
  private all: Map<string, Entry[]> | null = null;
  private readonly entries: Entry[] = [];
  private readonly attributeKeys = new Set<string>();
  /** Sheets the page links but static mode has no text of, and `@import`s it did not follow. */
  readonly unread: string[] = [];
  /** Selectors left out by the per-sheet cap, summed over the page's sheets. */
  selectorsLeftOut = 0;
  /** Style sources left out by the page's caps (set by whoever gathered them). */
  sourcesLeftOut = 0;
  /** Whether any rule or the page's markup can hide anything at all. */
  readonly active: boolean;
  private deferred: DeferredSheet[] = [];
  private readonly stateDependent: (rule: StyleRule) => boolean;

  constructor(sources: SheetSource[], fetched: SheetText[], rootClasses: Set<string>) {
    const byUrl = new Map(fetched.map((sheet) => [sheet.url, sheet]));
    this.stateDependent = stateDependence(rootClasses);
    let sheetIndex = 0;
    for (const source of sources) {
      const css = this.sheetText(source, byUrl);
      if (css === undefined) continue;
      const media = source.media === undefined ? EVERYWHERE : matchMediaText(source.media);
      if (!media.desktop && !media.phone) continue;
      const base = sheetIndex++ * 1_000_000;
      if (sheetMayHide(css)) this.addSheet(compiledSheet(css), source, media, base);
      else this.deferred.push({ css, source, media, base });
    }
    this.noteAttributeKeys();
    this.active = this.hiding.size > 0;
  }

  private noteAttributeKeys(): void {
    for (const key of [...this.hiding.keys(), ...this.onDemand.keys()])
      if (key.startsWith('[')) this.attributeKeys.add(key.slice(1));
  }

  /** Compiles the sheets that were waiting, for an element that needs every rule. */
  private loadDeferred(): void {
    if (this.deferred.length === 0) return;
    for (const { css, source, media, base } of this.deferred)
      this.addSheet(compiledSheet(css), source, media, base);
    this.deferred = [];
    this.all = null;
    this.noteAttributeKeys();
  }

  /** A source's CSS; a linked sheet without text is noted as unread (undefined). */
  private sheetText(source: SheetSource, byUrl: Map<string, SheetText>): string | undefined {
    if (source.kind === 'style') return source.css;
    const sheet = byUrl.get(source.url);
    if (sheet?.css === undefined) this.unread.push(`${source.url} (${sheet?.unread ?? 'not fetched'})`);
    return sheet?.css;
  }

  /** Indexes a sheet's rules, its order starting at `base`, and notes what of it was not read. */
  private addSheet(sheet: CompiledSheet, source: SheetSource, media: MediaMatch, base: number): void {
    if (sheet.unreadable)
      this.unread.push(source.kind === 'link' ? `${source.url} (unreadable)` : '<style> (unreadable)');
    for (let i = 0; i < sheet.imports; i++) this.unread.push('@import');
    this.selectorsLeftOut += sheet.selectorsLeftOut;
    for (const rule of sheet.rules) {
      const ruleMedia = narrowMedia(media, rule.media);
      if (!ruleMedia.desktop && !ruleMedia.phone) continue;
      const entry: Entry = {
        rule,
        media: ruleMedia,
        order: base + rule.order,
        stateDependent: this.stateDependent(rule),
      };
      this.entries.push(entry);
      if (rule.hides) add(this.hiding, rule.selector.key, entry);
    }
    for (const rule of sheet.onDemand)
      add(this.onDemand, rule.selector.key, { rule, media, order: base + rule.order, stateDependent: false });
  }

  /** What the CSS says of an element; null when nothing hides it (the common case, cheaply). */
  judge(el: DomElement): StyleVerdict | null {
    const style = el.attribs.style;
    const inline = style !== undefined && mayHide(style) ? inlineDeclarations(style) : null;
    const uaHidden = el.attribs.hidden !== undefined;
    const suspects = this.active ? this.matching(this.hiding, el, true) : [];
    if (suspects.length === 0 && !uaHidden && !(inline?.some(canHide) ?? false)) return null;
    // A suspect: every rule that sets a visibility property on it takes part in the cascade.
    this.loadDeferred();
    const rules = this.matching(this.allRules(), el, false);
    const inlineAll = style !== undefined ? (inline ?? inlineDeclarations(style)) : [];
    const verdict: StyleVerdict = { desktop: null, phone: null, uncertain: false };
    for (const viewport of ['desktop', 'phone'] as Viewport[]) {
      const reason = hidesBy(cascade(rules, inlineAll, uaHidden, viewport, false));
      if (!reason) continue;
      // Hidden only through rules that hold until scripts run: static mode cannot tell.
      if (hidesBy(cascade(rules, inlineAll, uaHidden, viewport, true))) verdict[viewport] = reason;
      else return { desktop: null, phone: null, uncertain: true };
    }
    if (!verdict.desktop && !verdict.phone) return null;
    verdict.bySheet = !hidesBy(cascade([], inlineAll, uaHidden, 'desktop', false));
    return verdict;
  }

  /**
   * Whether a rule shows the element while a visitor hovers, focuses or checks something on the
   * page (`.menu:hover .sub`, `.switch:checked ~ .flyout`): a menu or a toggle, not hidden content.
   */
  shownOnDemand(el: DomElement): boolean {
    this.loadDeferred();
    return this.onDemand.size > 0 && this.matching(this.onDemand, el, false).length > 0;
  }

  /**
   * With sheets static mode could not read, an element whose class or id says it may be hidden
   * (a modal, `hidden-xs` …) and that no rule read hides cannot be judged.
   */
  mayBeHiddenUnseen(el: DomElement): boolean {
    if (this.unread.length === 0) return false;
    const tokens = `${el.attribs.class ?? ''} ${el.attribs.id ?? ''}`.toLowerCase().split(/\s+/);
    const words = hidingWords();
    return tokens.some((token) => token !== '' && saysMaybeHidden(token, words));
  }

  private allRules(): Map<string, Entry[]> {
    if (!this.all) {
      this.all = new Map();
      for (const entry of this.entries) add(this.all, entry.rule.selector.key, entry);
      for (const key of this.all.keys()) if (key.startsWith('[')) this.attributeKeys.add(key.slice(1));
    }
    return this.all;
  }

  private matching(index: Map<string, Entry[]>, el: DomElement, hidingOnly: boolean): Entry[] {
    const found: Entry[] = [];
    const consider = (key: string) => {
      const bucket = index.get(key);
      if (!bucket) return;
      for (const entry of bucket) {
        if (hidingOnly && !entry.rule.hides) continue;
        if (entry.rule.test === undefined) entry.rule.test = compileSelector(entry.rule.selector);
        if (entry.rule.test?.(el)) found.push(entry);
      }
    };
    const id = el.attribs.id;
    if (id) consider(`#${id}`);
    const classes = el.attribs.class;
    if (classes) for (const name of classes.split(/\s+/)) if (name) consider(`.${name}`);
    consider(el.name);
    for (const name of this.attributeKeys) if (el.attribs[name] !== undefined) consider(`[${name}`);
    consider('*');
    return found;
  }
}

/** Where a rule of a sheet applies: the sheet's media and the rule's own. */
function narrowMedia(sheet: MediaMatch, rule: MediaMatch): MediaMatch {
  if (sheet === EVERYWHERE) return rule;
  return { desktop: sheet.desktop && rule.desktop, phone: sheet.phone && rule.phone };
}

/**
 * Whether a rule's selector tests a class the page's root carries (set by a script) or a cloak
 * attribute: such a rule holds only until scripts run.
 */
function stateDependence(rootClasses: Set<string>): (rule: StyleRule) => boolean {
  const { cloak } = hidingWords();
  return (rule) =>
    rule.selector.classes.some((c) => rootClasses.has(c)) ||
    rule.selector.attributes.some((a) => cloak.has(a));
}

function add(index: Map<string, Entry[]>, key: string, entry: Entry): void {
  const bucket = index.get(key);
  if (bucket) bucket.push(entry);
  else index.set(key, [entry]);
}

/** The winning value of each visibility property at one viewport. */
function cascade(
  rules: Entry[],
  inline: Declaration[],
  uaHidden: boolean,
  viewport: Viewport,
  withoutStateRules: boolean,
): Computed {
  const winners = new Map<string, Winner>();
  const offer = (d: Declaration, level: number, specificity: number, order: number) => {
    const candidate = { important: d.important, level, specificity, order };
    if (beats(candidate, winners.get(d.property))) winners.set(d.property, { ...candidate, value: d.value });
  };
  if (uaHidden) offer({ property: 'display', value: 'none', important: false }, LEVEL_UA, 0, 0);
  for (const entry of rules) {
    if (!entry.media[viewport] || (withoutStateRules && entry.stateDependent)) continue;
    for (const d of entry.rule.declarations)
      offer(d, LEVEL_SHEET, entry.rule.selector.specificity, entry.order);
  }
  for (const d of inline) offer(d, LEVEL_INLINE, INLINE_SPECIFICITY, Number.MAX_SAFE_INTEGER);
  const computed: Computed = new Map();
  for (const [property, winner] of winners) computed.set(property, winner.value);
  return computed;
}
