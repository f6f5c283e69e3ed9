import { textOf } from './dom.js';
import { emailFromString } from './email-address.js';
import type { PageModel } from './page-model.js';
import { parsePhone } from './phone-parse.js';
import { makeSighting, type PagePlace } from './sighting-factory.js';
import type { NumberLabel, Sighting } from './types.js';

type Field = { kind: 'phone'; label: NumberLabel } | { kind: 'email' };

const FIELDS: Record<string, Field> = {
  telephone: { kind: 'phone', label: 'phone' },
  faxnumber: { kind: 'phone', label: 'fax' },
  email: { kind: 'email' },
};

/** schema.org telephone / faxNumber / email from JSON-LD and microdata; machine-readable, not seen. */
export function structuredDataSightings(model: PageModel, country: string, page: PagePlace): Sighting[] {
  const out: Sighting[] = [];
  const add = (field: Field, raw: string, ctx: PageModel['scripts'][number]['ctx']): void => {
    const place = { ...page, ctx, source: 'text' as const };
    const base = { raw, region: 'structured-data' as const, visible: false as const };
    if (field.kind === 'email') {
      const value = emailFromString(raw.replace(/^mailto:/i, ''));
      if (value) out.push(makeSighting({ ...base, kind: 'email', value }, place, 'text'));
      return;
    }
    const parsed = parsePhone(raw.replace(/^tel:/i, ''), country);
    if (parsed)
      out.push(
        makeSighting(
          { ...base, kind: 'phone', value: parsed.e164, phoneType: parsed.type, label: field.label },
          place,
          'text',
        ),
      );
  };

  for (const { el, ctx } of model.scripts) {
    if ((el.attribs.type ?? '').trim().toLowerCase() !== 'application/ld+json') continue;
    const code = textOf(el, true);
    let data: unknown;
    try {
      data = JSON.parse(code);
    } catch {
      // Broken JSON-LD is common; fall back to reading the fields as text.
      for (const m of code.matchAll(/"(telephone|faxNumber|email)"\s*:\s*"([^"]{3,80})"/gi))
        add(FIELDS[m[1].toLowerCase()], m[2], ctx);
      continue;
    }
    walkJson(data, (key, value) => {
      const field = FIELDS[key.toLowerCase()];
      if (field) add(field, value, ctx);
    });
  }
  for (const { el, ctx } of model.itemprops) {
    for (const prop of el.attribs.itemprop.split(/\s+/)) {
      const field = FIELDS[prop.toLowerCase()];
      if (!field) continue;
      const raw = el.attribs.content ?? el.attribs.href ?? textOf(el);
      add(field, raw.trim(), ctx);
    }
  }
  return out;
}

function walkJson(node: unknown, visit: (key: string, value: string) => void, depth = 0): void {
  if (depth > 20 || node === null || typeof node !== 'object') return;
  if (Array.isArray(node)) {
    for (const item of node) walkJson(item, visit, depth + 1);
    return;
  }
  for (const [key, value] of Object.entries(node as Record<string, unknown>)) {
    if (typeof value === 'string') visit(key, value);
    else if (Array.isArray(value) && value.every((v) => typeof v === 'string'))
      for (const v of value) visit(key, v as string);
    else walkJson(value, visit, depth + 1);
  }
}
