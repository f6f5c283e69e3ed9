import type { Translate } from '../i18n/index.js';

/** A number's type and what its label says it is, when that is not simply "telephone": "landline", "mobile, fax". */
export function numberTypeText(type: string | null, label: string | null, t: Translate): string {
  const words = [
    ...(type ? [t.term('phoneType', type)] : []),
    ...(label && label !== 'phone' ? [t.term('numberLabel', label)] : []),
  ];
  return words.join(', ');
}
