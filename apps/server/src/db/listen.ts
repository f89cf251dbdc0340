import type pg from 'pg';

export type Listener = { ready: Promise<void>; stop: () => Promise<void> };

/**
 * Holds one connection of the pool LISTENing on the given channels and hands each message's
 * payload to its channel's handler. A lost connection calls `onLost` (what was heard may have
 * been missed) and is made again a second later; `onListening` follows each (re)connection.
 */
export function listen(
  pool: pg.Pool,
  channels: Record<string, (payload: string) => void>,
  hooks: { onListening?: () => void; onLost?: () => void; onError?: (error: unknown) => void } = {},
): Listener {
  let client: pg.PoolClient | undefined;
  let stopped = false;
  let retry: NodeJS.Timeout | undefined;
  let markReady: () => void = () => {};
  const ready = new Promise<void>((resolve) => {
    markReady = resolve;
  });

  const connect = async () => {
    try {
      const connected = await pool.connect();
      client = connected;
      connected.on('notification', (message) => channels[message.channel]?.(message.payload ?? ''));
      connected.on('error', (error) => {
        hooks.onError?.(error);
        if (client === connected) reconnect();
      });
      for (const channel of Object.keys(channels)) await connected.query(`LISTEN ${channel}`);
      hooks.onListening?.();
      markReady();
    } catch (error) {
      hooks.onError?.(error);
      reconnect();
    }
  };
  const reconnect = () => {
    hooks.onLost?.();
    const broken = client;
    client = undefined;
    broken?.release(true);
    if (!stopped) retry = setTimeout(() => void connect(), 1_000);
  };
  void connect();
  return {
    ready,
    stop: async () => {
      stopped = true;
      clearTimeout(retry);
      hooks.onLost?.();
      const open = client;
      client = undefined;
      open?.release(true);
    },
  };
}
