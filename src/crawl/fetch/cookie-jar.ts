/**
 * The smallest cookie jar that keeps "set a cookie, then redirect" sites from looking like
 * redirect loops: name=value per host, no paths, no expiry. Lives for one shop.
 */
export class CookieJar {
  private readonly byHost = new Map<string, Map<string, string>>();

  store(host: string, setCookie: string[] | undefined): void {
    if (!setCookie) return;
    const jar = this.byHost.get(host) ?? new Map<string, string>();
    for (const line of setCookie) {
      const pair = line.split(';', 1)[0];
      const eq = pair.indexOf('=');
      if (eq <= 0) continue;
      jar.set(pair.slice(0, eq).trim(), pair.slice(eq + 1).trim());
    }
    if (jar.size > 0) this.byHost.set(host, jar);
  }

  header(host: string): string | undefined {
    const jar = this.byHost.get(host);
    if (!jar || jar.size === 0) return undefined;
    return [...jar].map(([name, value]) => `${name}=${value}`).join('; ');
  }
}
