import type { PageSnapshot } from '../crawl/types.js';
import { inferCountry } from '../evidence/country.js';
import { pageLanguage } from '../extract/index.js';
import type { ShopTarget } from '../input/types.js';

/** What every page of a shop is extracted with: decided from the home page. */
export interface ShopSetting {
  country: string;
  countrySource: ReturnType<typeof inferCountry>['source'];
  language: string | null;
  homeUrl: string;
}

/** What decides a shop's setting besides its home page's language. */
export interface SettingInputs {
  /** The shop list's country for this shop, if it gives one. */
  listCountry?: string;
  /** --country. */
  optionCountry?: string;
  /** The shop's origin after redirects (or its list URL): its domain may name the country. */
  site: string;
  homeUrl: string;
}

export function settingInputs(
  target: ShopTarget,
  origin: string | null,
  homeUrl: string | undefined,
  optionCountry: string | undefined,
): SettingInputs {
  return {
    listCountry: target.country,
    optionCountry,
    site: origin ?? target.url,
    homeUrl: homeUrl ?? target.url,
  };
}

/** The setting from the home page's language (null when it declares none) and the other inputs. Pure. */
export function settingOf(language: string | null, inputs: SettingInputs): ShopSetting {
  const { country, source } = inferCountry({
    listCountry: inputs.listCountry,
    optionCountry: inputs.optionCountry,
    url: inputs.site,
    language,
  });
  return { country, countrySource: source, language, homeUrl: inputs.homeUrl };
}

/** The setting decided from a decoded home page (or without one). */
export function shopSetting(
  home: PageSnapshot | undefined,
  target: ShopTarget,
  origin: string | null,
  optionCountry: string | undefined,
): ShopSetting {
  const inputs = settingInputs(target, origin, home?.finalUrl, optionCountry);
  return settingOf(home ? pageLanguage(home.html) : null, inputs);
}
