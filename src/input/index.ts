export { normaliseCountry } from './country-code.js';
export { normaliseShopUrl } from './normalise-url.js';
export { formatFromFileName, parseShopList, type ShopListFormat } from './parse-shop-list.js';
export { readShopList, ShopListError } from './read-shop-list.js';
export type { InputProblem, ParsedShopList, ShopTarget } from './types.js';
