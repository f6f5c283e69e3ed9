import { type DomElement, forEachElement, textOf } from './dom.js';
import { LiteralSearch } from './literal-search.js';
import type { PageModel } from './page-model.js';
import { parsePhone } from './phone-parse.js';
import type { Widget } from './types.js';
import { chatVendors, widgetWords } from './vocabularies.js';

const lower = (s: string | undefined): string => (s ?? '').toLowerCase();

/** Every vendor's inline signatures in one search: big inline scripts are read once. */
let inlineMatcher: { search: LiteralSearch; vendors: string[] } | null = null;
function inlineSignatures(): { search: LiteralSearch; vendors: string[] } {
  if (inlineMatcher) return inlineMatcher;
  const signatures: string[] = [];
  const vendors: string[] = [];
  for (const v of chatVendors())
    for (const sig of v.inline ?? []) {
      signatures.push(sig);
      vendors.push(v.name);
    }
  inlineMatcher = { search: new LiteralSearch(signatures), vendors };
  return inlineMatcher;
}

/** Chat vendors whose code is on the page: a script src, inline script or iframe signature. */
export function chatWidgets(model: PageModel): Widget[] {
  const found = new Map<string, Widget>();
  for (const { el } of model.scripts) for (const sign of scriptVendors(el)) noteVendor(found, sign, false);
  for (const { el } of model.iframes) for (const sign of iframeVendors(el)) noteVendor(found, sign, true);
  return [...found.values()];
}

/** A vendor's code seen on the page, and the piece of it that shows it. */
interface VendorSign {
  vendor: string;
  detail: string;
}

/** The first sign of a vendor makes its widget; an iframe of it seen later is noted on that widget. */
function noteVendor(found: Map<string, Widget>, { vendor, detail }: VendorSign, iframe: boolean): void {
  const existing = found.get(vendor);
  if (existing) {
    if (iframe) existing.iframeSeen = true;
    return;
  }
  const widget: Widget = { kind: 'chat', vendor, detail };
  if (iframe) widget.iframeSeen = true;
  found.set(vendor, widget);
}

/** Vendors a script loads by its src, or whose signatures its inline code carries. */
function scriptVendors(el: DomElement): VendorSign[] {
  const type = lower(el.attribs.type);
  if (type.includes('json') || type.includes('template')) return [];
  const src = lower(el.attribs.src);
  if (src)
    return chatVendors()
      .filter((v) => v.scriptSrc?.some((sig) => src.includes(sig.toLowerCase())))
      .map((v) => ({ vendor: v.name, detail: el.attribs.src }));
  const { search, vendors } = inlineSignatures();
  const code = textOf(el, true);
  return search.matches(code).map(({ pattern, at }) => ({
    vendor: vendors[pattern],
    detail: code.slice(at, at + search.lengthOf(pattern)),
  }));
}

/** Vendors an iframe's src, id, class or title names. */
function iframeVendors(el: DomElement): VendorSign[] {
  const src = lower(el.attribs.src ?? el.attribs['data-src']);
  const idClass = lower(`${el.attribs.id ?? ''} ${el.attribs.class ?? ''} ${el.attribs.title ?? ''}`);
  if (!src && !idClass.trim()) return [];
  const out: VendorSign[] = [];
  for (const v of chatVendors()) {
    const sig = v.iframe?.find((s) => src.includes(s.toLowerCase()) || idClass.includes(s.toLowerCase()));
    if (sig) out.push({ vendor: v.name, detail: el.attribs.src ?? sig });
  }
  return out;
}

const WHATSAPP_CHANNELS = [
  /^(?:https?:)?\/\/(?:www\.)?wa\.me\/\+?(\d{6,})/i,
  /(?:api|web)\.whatsapp\.com\/send\/?\?(?:[^#]*&)?phone=(?:%2B|\+)?(\d{6,})/i,
  /^whatsapp:\/\/send\?(?:[^#]*&)?phone=(?:%2B|\+)?(\d{6,})/i,
  /wa\.me\/message\//i,
];

/**
 * wa.me/<number> and whatsapp send?phone= links and buttons: a WhatsApp channel, with the number
 * it opens a chat with when that is a valid international number. Share links (send?text=) are no
 * channel. A number only in such a link is not a readable phone: the visitor sees a button.
 */
export function whatsappWidgets(model: PageModel): Widget[] {
  const out: Widget[] = [];
  const seen = new Set<string>();
  for (const { el } of model.anchors) {
    const href = el.attribs.href ?? '';
    let match: RegExpExecArray | null = null;
    for (const re of WHATSAPP_CHANNELS) {
      match = re.exec(href);
      if (match) break;
    }
    if (!match || seen.has(href)) continue;
    seen.add(href);
    const widget: Widget = { kind: 'whatsapp', detail: href.slice(0, 200) };
    const number = match[1] ? parsePhone(`+${match[1]}`, 'ZZ') : null;
    if (number) widget.number = number.e164;
    out.push(widget);
  }
  return out;
}

function formDescriptor(form: DomElement): string {
  const a = form.attribs;
  return lower(`${a.action ?? ''} ${a.id ?? ''} ${a.class ?? ''} ${a.name ?? ''} ${a.role ?? ''}`);
}

/** Forms a visitor writes a message in: a textarea or a message field, not search/login/newsletter/comments. */
export function contactForms(model: PageModel): Widget[] {
  const words = widgetWords();
  const out: Widget[] = [];
  for (const { el } of model.forms) {
    const descriptor = formDescriptor(el);
    if (words.notContactForm.some((w) => descriptor.includes(w))) continue;
    let textarea = false;
    let messageField = false;
    let password = false;
    let emailField = false;
    forEachElement(el, (child) => {
      const name = lower(child.attribs.name ?? child.attribs.id);
      const type = lower(child.attribs.type);
      if (child.name === 'textarea') textarea = true;
      if (child.name === 'input' && type === 'password') password = true;
      if (child.name === 'input' && (type === 'email' || /e-?mail/.test(name))) emailField = true;
      if (
        (child.name === 'input' || child.name === 'textarea') &&
        words.messageFields.some((w) => name === w || name.includes(w))
      )
        messageField = true;
    });
    if (password) continue;
    if (textarea || (emailField && messageField))
      out.push({ kind: 'contact-form', detail: el.attribs.action ?? el.attribs.id ?? 'form' });
  }
  return out;
}

/** Links, buttons and forms that offer a call back. */
export function callbackWidgets(model: PageModel): Widget[] {
  const words = widgetWords().callback.map((w) => w.toLowerCase());
  const candidates: DomElement[] = [...model.anchors.map((a) => a.el), ...model.forms.map((f) => f.el)];
  for (const { el } of model.forms)
    forEachElement(el, (child) => child.name === 'button' && candidates.push(child));
  for (const el of candidates) {
    const a = el.attribs;
    const label = el.name === 'form' ? '' : textOf(el).slice(0, 200);
    const hay = lower(`${a.href ?? ''} ${a.action ?? ''} ${a.id ?? ''} ${a.class ?? ''} ${label}`);
    const word = words.find((w) => hay.includes(w));
    if (word) return [{ kind: 'callback', detail: (a.href ?? a.action ?? word).slice(0, 200) }];
  }
  return [];
}

export function widgetsOf(model: PageModel): Widget[] {
  return [
    ...chatWidgets(model),
    ...contactForms(model),
    ...whatsappWidgets(model),
    ...callbackWidgets(model),
  ];
}
