export type { Lang } from '../i18n/index.js';
export { type CsvValue, csvCell, csvTable } from './csv-writer.js';
export { escapeHtml } from './escape.js';
export { type ExportFormat, exportRun } from './export-run.js';
export { profilesText, profileText, shortHash } from './run-rules.js';
export {
  RESULT_VERSION,
  type ResultEmail,
  type ResultFinding,
  type ResultPhone,
  type ResultSighting,
  type ShopResult,
  toShopResult,
} from './shop-result.js';
export { formatShopForTerminal, type TerminalOptions } from './terminal.js';
export { type ReportOptions, writeReport } from './write-report.js';
