import { StartupError } from './StartupError.js';

/** Neo4j could not listen on its port because another program holds it (found before start, or when binding). */
export class PortInUseError extends StartupError {
  constructor(message: string) {
    super(message);
    this.name = 'PortInUseError';
  }
}
