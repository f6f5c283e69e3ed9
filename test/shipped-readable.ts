import { loadSelections, readableSelectionsIn } from '../src/rules/index.js';

/** The shipped rules' readable-phone and readable-email selections, as a run of them would ask. */
export const SHIPPED_READABLE = readableSelectionsIn(loadSelections());
