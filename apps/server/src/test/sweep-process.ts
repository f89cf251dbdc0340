// A server process of its own for the reminder tests: it sweeps the database given at the time
// given, as many times as asked, and prints how many reminders it claimed.
import { createDatabase } from '../db/client.ts';
import { sweepReminders } from '../modules/tasks/reminders.ts';

const [url, at, times] = process.argv.slice(2);
if (!url || !at) throw new Error('usage: sweep-process <database url> <ISO time> [times]');
const { db, pool } = createDatabase(url, 4);
const rounds = await Promise.all(Array.from({ length: Number(times ?? 1) }, () => sweepReminders(db, new Date(at))));
await pool.end();
process.stdout.write(JSON.stringify({ reminders: rounds.reduce((sum, round) => sum + round.reminders, 0) }));
