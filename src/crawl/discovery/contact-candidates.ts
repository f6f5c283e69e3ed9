/** tel: and mailto: links. */
const CONTACT_LINK = /href\s*=\s*["']?\s*(tel|mailto):/i;
const EMAIL = /[a-z0-9._%+-]+@[a-z0-9-]+(\.[a-z0-9-]+)*\.[a-z]{2,}/i;
/** International (+31, 0031) or national (0…) numbers of at least 9 digits, with the usual separators. */
const PHONE = /(\+|\b00)\d{1,3}[\s./()-]*(\d[\s./()-]*){7,12}\d|\b0\d([\s./()-]*\d){7,10}\b/;

/**
 * A cheap test, without extraction, whether a page shows contact data: tel:/mailto: links, or
 * text that looks like a phone number or an e-mail address. Used to choose the pages of the
 * mobile pass; false positives only cost a render.
 */
export function hasContactCandidates(html: string): boolean {
  if (CONTACT_LINK.test(html)) return true;
  const text = html
    .replace(/<(script|style|noscript|template)\b[\s\S]*?<\/\1\s*>/gi, ' ')
    .replace(/<[^>]*>/g, ' ')
    .replace(/&nbsp;|&#160;/g, ' ');
  return EMAIL.test(text.replace(/@\d+x\.(png|jpe?g|webp|gif|svg)/gi, '')) || PHONE.test(text);
}
