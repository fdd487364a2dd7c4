/** An expected start-up failure whose message is one sentence naming the cause and the fix; printed without a stack. */
export class StartupError extends Error {
  constructor(message: string) {
    super(message);
    this.name = 'StartupError';
  }
}
