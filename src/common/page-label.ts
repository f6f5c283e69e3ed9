/** A page as its shop's owner reads it: the path on the shop's own site, else the whole URL. */
export function pageLabel(url: string, origin: string | null): string {
  try {
    const parsed = new URL(url);
    const own = origin ? new URL(origin).origin : null;
    return parsed.origin === own ? `${parsed.pathname}${parsed.search}` : url;
  } catch {
    return url;
  }
}
