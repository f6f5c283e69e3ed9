export { GRADE_BANDS, gradeFor } from './grade.js';
export { fewestClicks, isReadableContactSighting } from './readable-sighting.js';
export { scoreShop } from './score-shop.js';
export { HEADLINE_RULE_ID, type HeadlineVerdict, type ShopScore } from './types.js';
