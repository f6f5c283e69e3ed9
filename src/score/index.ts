export { GRADE_BANDS, gradeFor } from './grade.js';
export { fewestClicks, readableClicks } from './readable-sighting.js';
export { LAW_FAILURE_CAP, lawFailures, scoreCap, scoreShop, weightedScore } from './score-shop.js';
export { HEADLINE_RULE_ID, type HeadlineVerdict, type ScoreCap, type ShopScore } from './types.js';
