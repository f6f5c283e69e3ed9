/**
 * The benchmark's shops, generated at run time: five pages each (home, contact, customer service,
 * about, terms), in two sizes. "tiny" is a bare page; "real" is about 100 KB of markup the way shop
 * platforms ship it: inline CSS, several inline scripts and JSON blobs, a mega menu and a product grid.
 */
export type FixtureVariant = 'tiny' | 'real';

export const SHOP_PATHS = ['/', '/contact', '/klantenservice', '/over-ons', '/algemene-voorwaarden'] as const;

const LABELS: Record<string, string> = {
  '/contact': 'Contact',
  '/klantenservice': 'Klantenservice',
  '/over-ons': 'Over ons',
  '/algemene-voorwaarden': 'Algemene voorwaarden',
};

function seeded(seed: number): () => number {
  let state = seed >>> 0 || 1;
  return () => {
    state ^= state << 13;
    state ^= state >>> 17;
    state ^= state << 5;
    return (state >>> 0) / 4294967296;
  };
}

function contactBlock(shop: number): string {
  const phone = `020 79${String(shop % 100).padStart(2, '0')} ${String(100 + (shop % 900)).padStart(3, '0')}`;
  return `<p>Bel ons: <a href="tel:+3120${phone.replace(/\D/g, '').slice(3)}">${phone}</a> (ma–vr 9.00–17.00)</p>
<p>Mail: <a href="mailto:klantenservice@winkel${shop}.nl">klantenservice@winkel${shop}.nl</a></p>`;
}

function navigation(): string {
  return Object.entries(LABELS)
    .map(([path, label]) => `<a href="${path}">${label}</a>`)
    .join(' ');
}

function tinyPage(shop: number, path: string): string {
  const body =
    path === '/contact' ? contactBlock(shop) : `<p>${LABELS[path] ?? 'Welkom'} bij winkel ${shop}.</p>`;
  return `<!doctype html><html lang="nl"><head><meta charset="utf-8"><title>${LABELS[path] ?? 'Home'} – Winkel ${shop}</title></head>
<body><header><nav><a href="/">Home</a> ${navigation()}</nav></header><main><h1>${LABELS[path] ?? `Winkel ${shop}`}</h1>${body}</main>
<footer><a href="/contact">Contact</a> · <a href="/algemene-voorwaarden">Voorwaarden</a></footer></body></html>`;
}

function css(random: () => number): string {
  const rules: string[] = [];
  for (let i = 0; i < 260; i += 1) {
    const c = Math.floor(random() * 0xffffff)
      .toString(16)
      .padStart(6, '0');
    rules.push(
      `.c-${i} .item-${i % 17}>a:hover,.c-${i}[data-state="open"]{color:#${c};padding:${i % 9}px ${i % 13}px;margin:0 auto;display:flex;gap:${i % 5}rem;transition:opacity .2s ease-in-out}`,
    );
  }
  return rules.join('\n');
}

function scripts(random: () => number, shop: number): string {
  const chunks: string[] = [];
  const config = {
    shop: `winkel${shop}`,
    currency: 'EUR',
    products: Array.from({ length: 120 }, (_, i) => ({
      id: 10000 + i,
      sku: `SKU-${shop}-${i}`,
      price: Math.round(random() * 10000) / 100,
      stock: Math.floor(random() * 40),
    })),
  };
  chunks.push(`<script type="application/json" id="shop-config">${JSON.stringify(config)}</script>`);
  for (let s = 0; s < 6; s += 1) {
    const lines: string[] = [`(function(w,d){'use strict';var m${s}={};`];
    for (let i = 0; i < 90; i += 1) {
      lines.push(
        `m${s}.f${i}=function(a,b){var x=${Math.floor(random() * 1e6)};if(a&&a.length>${i % 7}){return a.slice(0,${i % 11}).concat(b||[])}return x^${i}};`,
      );
    }
    lines.push(`w.__m${s}=m${s};})(window,document);`);
    chunks.push(`<script>${lines.join('\n')}</script>`);
  }
  return chunks.join('\n');
}

function megaMenu(): string {
  const columns: string[] = [];
  for (let c = 0; c < 8; c += 1) {
    const items = Array.from(
      { length: 18 },
      (_, i) =>
        `<li class="menu__item"><a class="menu__link" href="#cat-${c}-${i}">Categorie ${c}.${i}</a></li>`,
    );
    columns.push(`<div class="menu__col"><h4>Afdeling ${c}</h4><ul>${items.join('')}</ul></div>`);
  }
  return `<div class="mega-menu" role="menu">${columns.join('')}</div>`;
}

function productGrid(random: () => number): string {
  const cards = Array.from({ length: 36 }, (_, i) => {
    const price = (random() * 200).toFixed(2).replace('.', ',');
    return `<article class="card c-${i}"><a href="#product-${i}"><img src="data:image/gif;base64,R0lGODlhAQABAAAAACw=" alt="Product ${i}" width="300" height="300" loading="lazy"></a>
<h3 class="card__title">Product ${i} met een lange naam voor de zoekmachine</h3><p class="card__price">€ ${price}</p>
<button class="card__buy" data-sku="SKU-${i}" aria-label="In winkelwagen">In winkelwagen</button></article>`;
  });
  return `<section class="grid">${cards.join('\n')}</section>`;
}

function realPage(shop: number, path: string): string {
  const random = seeded(shop * 31 + path.length);
  const title = LABELS[path] ?? `Winkel ${shop}`;
  const main =
    path === '/contact'
      ? `<h1>Contact</h1><p>Heb je een vraag? Wij helpen je graag.</p>${contactBlock(shop)}`
      : path === '/'
        ? `<h1>Winkel ${shop}</h1>${productGrid(random)}`
        : `<h1>${title}</h1>${'<p>Lorem ipsum dolor sit amet, consectetur adipiscing elit, sed do eiusmod tempor incididunt ut labore et dolore magna aliqua.</p>'.repeat(40)}`;
  return `<!doctype html><html lang="nl"><head><meta charset="utf-8"><meta name="viewport" content="width=device-width, initial-scale=1">
<title>${title} – Winkel ${shop}</title><style>${css(random)}</style>${scripts(random, shop)}</head>
<body><header class="site-header"><a class="logo" href="/">Winkel ${shop}</a><nav class="main-nav"><a href="/">Home</a> ${navigation()}</nav>${megaMenu()}</header>
<main>${main}</main>
<footer class="site-footer"><div><h4>Klantenservice</h4><a href="/contact">Contact</a> <a href="/klantenservice">Klantenservice</a> <a href="/algemene-voorwaarden">Algemene voorwaarden</a></div>
<div><h4>Over ons</h4><a href="/over-ons">Over Winkel ${shop}</a><p>KvK 1234${String(shop).padStart(4, '0')} · Damrak 1, 1012 LG Amsterdam</p></div></footer>
<script>window.dataLayer=window.dataLayer||[];window.dataLayer.push({event:'page_view',page:'${path}'});</script></body></html>`;
}

export function fixturePage(variant: FixtureVariant, shop: number, path: string): string | null {
  if (!(SHOP_PATHS as readonly string[]).includes(path)) return null;
  return variant === 'tiny' ? tinyPage(shop, path) : realPage(shop, path);
}
