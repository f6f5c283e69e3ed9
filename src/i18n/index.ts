export { catalogue, catalogueFile, type MessageKey } from './catalogue.js';
export { interactionText, interactionVerb } from './interaction.js';
export { isLang, LANGUAGES, type Lang, LOCALES } from './languages.js';
export { commonLanguage, marketLanguage, profileLanguage } from './market-language.js';
export {
  formatMessage,
  type MessageValues,
  type NameFamily,
  type Translate,
  translator,
} from './translate.js';
