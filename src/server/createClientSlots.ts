/** Counts long-lived connections per client, so that one client cannot hold all of them. */
export interface ClientSlots {
  /** A release function when `client` is under its allowance, else null. Release once, when the connection ends. */
  acquire(client: string): (() => void) | null;
}

export function createClientSlots({ maxPerClient }: { maxPerClient: number }): ClientSlots {
  const open = new Map<string, number>();
  return {
    acquire(client) {
      const count = open.get(client) ?? 0;
      if (count >= maxPerClient) return null;
      open.set(client, count + 1);
      let released = false;
      return () => {
        if (released) return;
        released = true;
        const left = (open.get(client) ?? 1) - 1;
        if (left <= 0) open.delete(client);
        else open.set(client, left);
      };
    },
  };
}
