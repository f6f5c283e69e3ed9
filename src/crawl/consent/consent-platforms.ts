/** Consent-management platforms: the banner's root and its "reject all" control. */
export interface ConsentPlatform {
  name: string;
  banner: string;
  reject: string;
}

export const CONSENT_PLATFORMS: ConsentPlatform[] = [
  {
    name: 'Cookiebot',
    banner: '#CybotCookiebotDialog',
    reject:
      '#CybotCookiebotDialogBodyButtonDecline, #CybotCookiebotDialogBodyLevelButtonLevelOptinDeclineAll',
  },
  {
    name: 'OneTrust',
    banner: '#onetrust-banner-sdk, #onetrust-consent-sdk .ot-sdk-container',
    reject: '#onetrust-reject-all-handler, .ot-pc-refuse-all-handler',
  },
  {
    name: 'Didomi',
    banner: '#didomi-notice, .didomi-popup-container',
    reject: '#didomi-notice-disagree-button, .didomi-continue-without-agreeing',
  },
  {
    name: 'Usercentrics',
    banner: '#usercentrics-root, #usercentrics-cmp-ui',
    reject: '[data-testid="uc-deny-all-button"], button#deny',
  },
  {
    name: 'CookieYes',
    banner: '.cky-consent-container, #cookie-law-info-bar',
    reject: '.cky-btn-reject, #cookie_action_close_header_reject',
  },
  {
    name: 'Complianz',
    banner: '#cmplz-cookiebanner-container .cmplz-cookiebanner, .cmplz-cookiebanner',
    reject: '.cmplz-btn.cmplz-deny',
  },
  { name: 'iubenda', banner: '#iubenda-cs-banner', reject: '.iubenda-cs-reject-btn' },
  { name: 'Osano', banner: '.osano-cm-window', reject: '.osano-cm-denyAll, .osano-cm-button--type_denyAll' },
  {
    name: 'TrustArc',
    banner: '#truste-consent-track, #consent_blackbar',
    reject: '#truste-consent-required',
  },
  { name: 'Klaro', banner: '.klaro .cookie-notice, .klaro .cookie-modal', reject: '.klaro .cm-btn-decline' },
  {
    name: 'Borlabs',
    banner: '#BorlabsCookieBox',
    reject: '#BorlabsCookieBox a[data-cookie-refuse], #BorlabsCookieBox ._brlbs-refuse-btn a',
  },
  { name: 'CookieFirst', banner: '.cookiefirst-root', reject: '[data-cookiefirst-action="reject"]' },
  { name: 'Termly', banner: '#termly-code-snippet-support', reject: '[data-tid="banner-decline"]' },
];

/** Containers that look like a home-made cookie banner. */
export const GENERIC_BANNER =
  ':is([id*="cookie" i],[class*="cookie" i],[id*="consent" i],[class*="consent" i],[id*="gdpr" i],[class*="gdpr" i],[aria-label*="cookie" i])';

/** "Reject" in NL, EN, DE and FR, on a banner's buttons. */
export const GENERIC_REJECT =
  /^\s*(alles? weigeren|weigeren|afwijzen|alleen (functionele|noodzakelijke|essentiele|essentiële)( cookies)?|niet akkoord|reject( all)?( cookies)?|decline( all)?|deny( all)?|(use )?(only )?(strictly )?(necessary|essential)( cookies)?( only)?|alle ablehnen|ablehnen|nur (notwendige|essenzielle|erforderliche)( cookies)?|tout refuser|refuser( tout)?|continuer sans accepter|je refuse)\s*$/i;

/** "Accept" in NL, EN, DE and FR: what a cookie wall offers when it offers nothing else. */
export const GENERIC_ACCEPT =
  /^\s*(alles? accepteren|accepteren|akkoord|ik ga akkoord|alle cookies accepteren|accept( all)?( cookies)?|allow( all)?( cookies)?|agree|i agree|ok(ay)?|got it|alle akzeptieren|akzeptieren|zustimmen|alle zulassen|einverstanden|tout accepter|accepter( tout)?|j'accepte|continuer)\s*$/i;

/** A control that closes a banner without a choice: ×, "close", "sluiten", "schließen", "fermer". */
export const GENERIC_CLOSE = /^\s*(×|✕|✖|x|close|sluiten|schlie(ß|ss)en|fermer)\s*$/i;
