/** Whether a `<link>`'s attributes name a stylesheet that applies (not an alternate one a visitor must pick). */
export function isStylesheetLink(attribs: Record<string, string>): boolean {
  const rel = (attribs.rel ?? '').toLowerCase().split(/\s+/);
  return rel.includes('stylesheet') && !rel.includes('alternate') && (attribs.href ?? '').trim() !== '';
}
