import { formatMessage, type Lang, type MessageKey, type MessageValues } from '../i18n/index.js';

/**
 * An error caused by how the tool was called or what it was given: printed as one sentence in
 * the command's language, exit code 1. `message` holds the English text; a text that comes from
 * elsewhere (a list's or a rule file's own problem) is shown as it is (`UserError.of`).
 */
export class UserError extends Error {
  private constructor(
    message: string,
    private readonly key: MessageKey | null,
    private readonly values: MessageValues | undefined,
  ) {
    super(message);
    this.name = 'UserError';
  }

  static say(key: MessageKey, values?: MessageValues): UserError {
    return new UserError(formatMessage('en', key, values), key, values);
  }

  /** A message written elsewhere, shown as it is. */
  static of(message: string): UserError {
    return new UserError(message, null, undefined);
  }

  /** The message in a language. */
  in(lang: Lang): string {
    return this.key ? formatMessage(lang, this.key, this.values) : this.message;
  }
}
