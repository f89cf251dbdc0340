import { describe, expect, it } from 'vitest';
import { useTestApp } from '../test/harness.ts';
import { createReadReplicas, walPosition } from './replicas.ts';

const t = useTestApp();

describe('read replicas', () => {
  it('compares WAL positions as PostgreSQL writes them', () => {
    expect(walPosition('0/16B3748')).toBe(0x16b3748n);
    expect(walPosition('1/0')).toBe(1n << 32n);
    expect((walPosition('0/FFFFFFFF') ?? 0n) < (walPosition('1/0') ?? 0n)).toBe(true);
    expect(walPosition('not a position')).toBeNull();
  });

  it('sends no read to a server that does not answer, and tells it in the status', async () => {
    const replicas = createReadReplicas(['postgres://nobody:nothing@127.0.0.1:1/none'], t.pool, 1);
    try {
      const [status] = await replicas.status();
      expect(status).toMatchObject({ name: '127.0.0.1:1', up: false, lagSeconds: null, lagBytes: null });
      expect(replicas.pick(null)).toBeUndefined();
    } finally {
      await replicas.close();
    }
  });

  it('sends no read to a server that is not a standby (a second primary would not hold the writes)', async () => {
    const replicas = createReadReplicas([t.url], t.pool, 1);
    try {
      const [status] = await replicas.status();
      expect(status?.up).toBe(false);
      expect(replicas.pick(null)).toBeUndefined();
      expect(walPosition(await replicas.primaryPosition())).not.toBeNull();
    } finally {
      await replicas.close();
    }
  });
});
