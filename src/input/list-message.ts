import { formatMessage, type MessageKey, type MessageValues } from '../i18n/index.js';

/**
 * What the input stage says about a list, as data: a catalogue key and the values that fill it,
 * with the English text beside them (for logs and tests). The CLI says it in the reader's
 * language from the key and values; the input stage never chooses a language.
 */
export interface ListMessage {
  key: MessageKey;
  values: MessageValues;
  /** The message in English. */
  message: string;
}

export function listMessage(key: MessageKey, values: MessageValues = {}): ListMessage {
  return { key, values, message: formatMessage('en', key, values) };
}

/** A problem at a line of a list (and a column, when it points into the line). */
export function problemAt(
  line: number,
  text: string,
  says: ListMessage,
  column?: number,
): { line: number; column?: number; text: string } & ListMessage {
  const { key, values, message } = says;
  return { line, ...(column === undefined ? {} : { column }), text, key, values, message };
}
