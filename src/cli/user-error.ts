/** An error caused by how the tool was called or what it was given: printed as one sentence, exit code 1. */
export class UserError extends Error {
  constructor(message: string) {
    super(message);
    this.name = 'UserError';
  }
}
