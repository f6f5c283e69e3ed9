import type { CrawlStatus } from '../crawl/types.js';
import type { Lang } from './i18n.js';

/** Why a shop could not be judged, and what its owner can do next. */
interface StatusAdvice {
  cause: string;
  next: string;
}

const en = {
  failures: (n: number) => (n === 1 ? '1 failure' : `${n} failures`),
  reviews: (n: number) => (n === 1 ? '1 point to check by hand' : `${n} points to check by hand`),
  rest: (pass: number, na: number, nj: number) =>
    [
      pass === 1 ? '1 rule passed' : `${pass} rules passed`,
      `${na} not applicable`,
      `${nj} not assessable`,
    ].join(', '),
  listWithVerbose: '(--verbose lists them)',
  passedHeading: 'Passed',
  notApplicableHeading: 'Not applicable',
  notAssessableHeading: 'Not assessable',
  contactsHeading: 'Contact details found',
  pagesHeading: 'Pages visited',
  findableClicks: (phone: string, email: string) => `Findable phone: ${phone} · findable e-mail: ${email}`,
  notFindable: 'not findable',
  on: 'on',
  also: 'also',
  hidden: 'hidden',
  mobile: 'only at phone size',
  after: 'after',
  clickWord: (n: number | null) => (n === null ? 'unlinked' : n === 1 ? '1 click' : `${n} clicks`),
  widgetOn: (kind: string, vendor: string | null, pages: string, number?: string | null) =>
    `${kind}${vendor ? ` (${vendor})` : ''}${number ? ` ${number}` : ''} on ${pages}`,
  level: { law: 'law', interpretation: 'interpretation', 'good-practice': 'good practice' },
  weight: 'weight',
  andMore: (n: number) => `… and ${n} more`,
  couldNotCheck: (url: string) => `could not check ${url}:`,
  statuses: {
    ok: { cause: 'checked', next: '' },
    partial: { cause: 'checked in part', next: '' },
    unreachable: {
      cause: 'the site did not answer, or answered with an HTTP error',
      next: 'Check that the site is up and the address is right.',
    },
    'dns-error': {
      cause: 'the host name does not resolve',
      next: 'Check the address for typos (and the DNS records of the domain).',
    },
    'tls-error': {
      cause: 'the HTTPS connection failed (certificate or TLS)',
      next: 'Check the certificate; for a local test site use http://.',
    },
    timeout: {
      cause: 'the site did not answer in time',
      next: 'Try again, or give more time with --page-timeout and --shop-timeout.',
    },
    blocked: {
      cause: 'the site refused the crawler (HTTP 401, 403 or 429, or a bot wall)',
      next: 'Let the shopreach user agent through, or check from another network.',
    },
    'robots-disallowed': {
      cause: 'robots.txt forbids crawling the home page',
      next: 'Allow shopreach in robots.txt, or add --ignore-robots when you check your own site.',
    },
    'consent-wall': {
      cause: 'a cookie wall could not be passed without consenting',
      next: 'Offer a way to refuse on the first layer, or try --mode browser.',
    },
    'private-host': {
      cause: 'the host resolves to a private, loopback or link-local address',
      next: 'Add --allow-private-hosts to check a site on your own network.',
    },
    'invalid-url': { cause: 'the address is not a usable URL', next: 'Give the home page as https://…' },
    'not-html': {
      cause: 'the address did not return a web page',
      next: "Give the shop's home page (an HTML page).",
    },
    'redirect-loop': {
      cause: 'the address redirects in a loop',
      next: 'Open it in a browser and fix the redirects.',
    },
    'too-large': {
      cause: 'the home page is larger than the size limit',
      next: 'Check that the address is the home page, not a download.',
    },
    error: {
      cause: 'the crawl failed',
      next: 'Run it again with SHOPREACH_DEBUG=1 and report the error.',
    },
  } satisfies Record<CrawlStatus, StatusAdvice>,
};

export type CheckText = typeof en;

const nl: CheckText = {
  ...en,
  failures: (n) => (n === 1 ? '1 tekortkoming' : `${n} tekortkomingen`),
  reviews: (n) => (n === 1 ? '1 punt om zelf te controleren' : `${n} punten om zelf te controleren`),
  rest: (pass, na, nj) =>
    [
      pass === 1 ? '1 regel voldoet' : `${pass} regels voldoen`,
      `${na} niet van toepassing`,
      `${nj} niet te beoordelen`,
    ].join(', '),
  listWithVerbose: '(--verbose toont ze)',
  passedHeading: 'Voldoet',
  notApplicableHeading: 'Niet van toepassing',
  notAssessableHeading: 'Niet te beoordelen',
  contactsHeading: 'Gevonden contactgegevens',
  pagesHeading: 'Bezochte pagina’s',
  findableClicks: (phone, email) => `Vindbare telefoon: ${phone} · vindbaar e-mailadres: ${email}`,
  notFindable: 'niet vindbaar',
  on: 'op',
  also: 'ook',
  hidden: 'verborgen',
  mobile: 'alleen op telefoonformaat',
  after: 'na',
  clickWord: (n) => (n === null ? 'niet gelinkt' : n === 1 ? '1 klik' : `${n} klikken`),
  widgetOn: (kind, vendor, pages, number) =>
    `${kind}${vendor ? ` (${vendor})` : ''}${number ? ` ${number}` : ''} op ${pages}`,
  level: { law: 'wet', interpretation: 'interpretatie', 'good-practice': 'goede praktijk' },
  weight: 'gewicht',
  andMore: (n) => `… en nog ${n}`,
  couldNotCheck: (url) => `kon ${url} niet controleren:`,
  statuses: {
    ok: { cause: 'gecontroleerd', next: '' },
    partial: { cause: 'deels gecontroleerd', next: '' },
    unreachable: {
      cause: 'de site antwoordde niet, of met een HTTP-fout',
      next: 'Controleer of de site online is en het adres klopt.',
    },
    'dns-error': {
      cause: 'de hostnaam bestaat niet',
      next: 'Controleer het adres op tikfouten (en de DNS-gegevens van het domein).',
    },
    'tls-error': {
      cause: 'de HTTPS-verbinding mislukte (certificaat of TLS)',
      next: 'Controleer het certificaat; gebruik http:// voor een lokale testsite.',
    },
    timeout: {
      cause: 'de site antwoordde niet op tijd',
      next: 'Probeer het opnieuw, of geef meer tijd met --page-timeout en --shop-timeout.',
    },
    blocked: {
      cause: 'de site weigerde de crawler (HTTP 401, 403 of 429, of een botmuur)',
      next: 'Laat de user agent van shopreach door, of controleer vanaf een ander netwerk.',
    },
    'robots-disallowed': {
      cause: 'robots.txt verbiedt het crawlen van de homepage',
      next: 'Sta shopreach toe in robots.txt, of gebruik --ignore-robots voor uw eigen site.',
    },
    'consent-wall': {
      cause: 'een cookiemuur liet zich niet passeren zonder toestemming',
      next: 'Bied in de eerste laag een manier om te weigeren, of probeer --mode browser.',
    },
    'private-host': {
      cause: 'de hostnaam wijst naar een privé-, loopback- of link-local-adres',
      next: 'Gebruik --allow-private-hosts om een site op uw eigen netwerk te controleren.',
    },
    'invalid-url': { cause: 'het adres is geen bruikbare URL', next: 'Geef de homepage als https://…' },
    'not-html': {
      cause: 'het adres gaf geen webpagina',
      next: 'Geef de homepage van de winkel (een HTML-pagina).',
    },
    'redirect-loop': {
      cause: 'het adres verwijst in een kringetje door',
      next: 'Open het in een browser en herstel de doorverwijzingen.',
    },
    'too-large': {
      cause: 'de homepage is groter dan de limiet',
      next: 'Controleer of het adres de homepage is en geen download.',
    },
    error: {
      cause: 'de crawl mislukte',
      next: 'Draai hem opnieuw met SHOPREACH_DEBUG=1 en meld de fout.',
    },
  },
};

export function checkText(lang: Lang = 'en'): CheckText {
  return lang === 'nl' ? nl : en;
}
