import type { PageObservations } from './types.js';

/** Script techniques that write contact data only when the page's JavaScript runs. */
const SCRIPT_WRITTEN = [
  /\bvar\s+addy\d+\s*=/, // Joomla e-mail cloak
  /linkTo_UnCryptMailto\s*\(/, // TYPO3 spam protection
  /String\.fromCharCode\s*\([\d\s,]{20,}\)/, // char-code scramblers
  /\bemailcloak\b/i,
  /encode\s*=\s*["']javascript["']/i, // PrestaShop/Smarty mailto encode="javascript"
];

/** A `document.write` scrambler: writes markup from an array or a decoded string, next to a mail hint. */
const WRITE_SCRAMBLER =
  /document\.write\s*\(\s*(?:[a-z_$][\w$]*\s*\[|unescape|decodeURIComponent|atob|eval)/i;
const MAIL_HINT = /e-?mail|mailto|['"]@['"]/i;

const APP_ROOT = /<div[^>]+id\s*=\s*["'](?:root|app|__next|__nuxt|___gatsby|svelte|main-app)["']/i;

function visibleTextLength(html: string): number {
  const body = /<body[\s>][\s\S]*$/i.exec(html)?.[0] ?? html;
  const text = body
    .replace(/<(script|style|noscript|template)[\s\S]*?<\/\1\s*>/gi, ' ')
    .replace(/<!--[\s\S]*?-->/g, ' ')
    .replace(/<[^>]+>/g, ' ')
    .replace(/&[a-z#0-9]+;/gi, ' ')
    .replace(/\s+/g, ' ');
  return text.trim().length;
}

function scriptBytes(html: string): number {
  let total = 0;
  for (const m of html.matchAll(/<script\b[^>]*>([\s\S]*?)<\/script\s*>/gi)) total += m[1].length;
  return total;
}

/**
 * true when static HTML cannot be judged without running its scripts: an empty app shell, or
 * recognisable script-written contact data. Already-rendered snapshots never need it again.
 */
export function needsRendering(html: string, observations: PageObservations): boolean {
  if (/<html[^>]*\sdata-sr-rendered\s*=\s*["']?1/i.test(html)) return false;
  if (SCRIPT_WRITTEN.some((re) => re.test(html))) return true;
  for (const m of html.matchAll(/<script\b[^>]*>([\s\S]*?)<\/script\s*>/gi)) {
    const code = m[1];
    if (WRITE_SCRAMBLER.test(code)) {
      const after = html.slice((m.index ?? 0) + m[0].length, (m.index ?? 0) + m[0].length + 400);
      if (MAIL_HINT.test(code) || /<noscript[^>]*>[^<]*(?:e-?mail|mail)/i.test(after)) return true;
    }
  }
  const textLength = visibleTextLength(html);
  const readable = observations.sightings.some((s) => s.visible !== false && s.region !== 'structured-data');
  if (textLength < 200 && !readable) {
    if (APP_ROOT.test(html)) return true;
    const scripts = scriptBytes(html);
    if (scripts > 20_000 || /<script[^>]+type\s*=\s*["']module["']/i.test(html)) return true;
  }
  return false;
}
