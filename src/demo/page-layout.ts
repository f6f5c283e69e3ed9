export interface SamplePage {
  title: string;
  /** Inner HTML of <main>. */
  main: string;
  /** Extra HTML at the end of <body> (scripts, widgets). */
  tail?: string;
}

export interface SampleShopLayout {
  name: string;
  /** Links in the header navigation: [text, href]. */
  nav: Array<[string, string]>;
  /** Inner HTML of <footer>. */
  footer: string;
}

function escapeText(text: string): string {
  return text.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;').replace(/"/g, '&quot;');
}

/** One plain, valid page layout for every sample shop, so the shops differ only in what the demo is about. */
export function renderSamplePage(shop: SampleShopLayout, page: SamplePage): string {
  const nav = shop.nav
    .map(([text, href]) => `<li><a href="${escapeText(href)}">${escapeText(text)}</a></li>`)
    .join('');
  return `<!doctype html>
<html lang="nl">
<head>
<meta charset="utf-8">
<meta name="viewport" content="width=device-width, initial-scale=1">
<title>${escapeText(page.title)} | ${escapeText(shop.name)}</title>
<style>body{font-family:sans-serif;margin:0 auto;max-width:60rem;padding:1rem}nav ul{display:flex;gap:1rem;list-style:none;padding:0}footer{border-top:1px solid #ccc;margin-top:2rem;padding-top:1rem}</style>
</head>
<body>
<header><a href="/" class="logo">${escapeText(shop.name)}</a><nav><ul>${nav}</ul></nav></header>
<main>
<h1>${escapeText(page.title)}</h1>
${page.main}
</main>
<footer>${shop.footer}</footer>
${page.tail ?? ''}
</body>
</html>
`;
}
