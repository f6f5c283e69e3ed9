export { buildEvidence, type EvidenceInput, type ObservedPage, placedSighting } from './build-evidence.js';
export { countryFromHost, countryFromLanguage, DEFAULT_COUNTRY, inferCountry } from './country.js';
export { EVIDENCE_SCHEMA, evidenceProblems, isShopEvidence } from './evidence-schema.js';
export * from './types.js';
