export { normaliseCountry } from './country-code.js';
export { CREDENTIALS_REMOVED, normaliseShopUrl, withoutCredentials } from './normalise-url.js';
export {
  formatFromFileName,
  parseShopList,
  type SeenShops,
  type ShopListFormat,
  seenInMemory,
  shopListEntries,
} from './parse-shop-list.js';
export { openShopList, ShopListError } from './read-shop-list.js';
export type { InputProblem, ListEntry, ParsedShopList, ShopTarget } from './types.js';
