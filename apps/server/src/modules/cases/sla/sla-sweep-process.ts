// A server process of its own for the SLA sweep tests: it sweeps the database given at the time
// given, as many times as asked at once, and prints what it claimed.
import { createDatabase } from '../../../db/client.ts';
import { sweepCaseSla } from './sla-sweep.ts';

const [url, at, times] = process.argv.slice(2);
if (!url || !at) throw new Error('usage: sla-sweep-process <database url> <ISO time> [times]');
const { db, pool } = createDatabase(url, 4);
const rounds = await Promise.all(Array.from({ length: Number(times ?? 1) }, () => sweepCaseSla(db, new Date(at))));
await pool.end();
const sum = (key: 'warnings' | 'breaches' | 'notices') => rounds.reduce((total, round) => total + round[key], 0);
process.stdout.write(JSON.stringify({ warnings: sum('warnings'), breaches: sum('breaches'), notices: sum('notices') }));
