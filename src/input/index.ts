export { normaliseCountry } from './country-code.js';
export type { ListMessage } from './list-message.js';
export { credentialsRemoved, normaliseShopUrl, withoutCredentials } from './normalise-url.js';
export {
  duplicateProblem,
  formatFromFileName,
  parseShopList,
  type SeenShops,
  type ShopListFormat,
  seenInMemory,
  shopListEntries,
} from './parse-shop-list.js';
export { openShopList, ShopListError } from './read-shop-list.js';
export type { InputProblem, ListEntry, ParsedShopList, ShopTarget } from './types.js';
