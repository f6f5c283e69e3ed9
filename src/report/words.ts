import type { Translate } from '../i18n/index.js';

/** A number's type and what its label says it is, when that is not simply "telephone": "landline", "mobile, fax". */
export function numberTypeText(type: string | null, label: string | null, t: Translate): string {
  const words = [
    ...(type ? [t.term('phoneType', type)] : []),
    ...(label && label !== 'phone' ? [t.term('numberLabel', label)] : []),
  ];
  return words.join(', ');
}

/** A widget as the reader names it: its kind, the vendor when known, and (WhatsApp) the number it opens a chat with. */
export function widgetName(
  w: { kind: string; vendor?: string | null; number?: string | null },
  t: Translate,
): string {
  const kind = t.term('widgetKind', w.kind);
  const named = w.vendor ? t('widget.ofVendor', { kind, vendor: w.vendor }) : kind;
  return w.number ? t('widget.withNumber', { widget: named, number: w.number }) : named;
}
