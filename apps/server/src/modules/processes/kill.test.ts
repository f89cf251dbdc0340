import { type ChildProcess, spawn } from 'node:child_process';
import type { AddressInfo } from 'node:net';
import { type ParsedMail, simpleParser } from 'mailparser';
import { SMTPServer } from 'smtp-server';
import { afterAll, describe, expect, it } from 'vitest';
import { makeBakery, post, useTestApp } from '../../test/harness.ts';
import { processDefinitions, processVersions } from './processes.table.ts';

const t = useTestApp();
const children: ChildProcess[] = [];
afterAll(() => {
  for (const child of children) if (child.exitCode === null) child.kill('SIGKILL');
});

const MODEL = `<?xml version="1.0" encoding="UTF-8"?>
<bpmn:definitions xmlns:bpmn="http://www.omg.org/spec/BPMN/20100524/MODEL" xmlns:xsi="http://www.w3.org/2001/XMLSchema-instance" xmlns:clientela="http://clientela.app/schema/bpmn/1.0" id="killDefinitions" targetNamespace="http://clientela.app/bpmn">
  <bpmn:process id="waitAndMail" name="Wait, then mail" isExecutable="true">
    <bpmn:startEvent id="start" />
    <bpmn:sequenceFlow id="f1" sourceRef="start" targetRef="wait" />
    <bpmn:intermediateCatchEvent id="wait" name="An hour">
      <bpmn:timerEventDefinition><bpmn:timeDuration xsi:type="bpmn:tFormalExpression">PT1H</bpmn:timeDuration></bpmn:timerEventDefinition>
    </bpmn:intermediateCatchEvent>
    <bpmn:sequenceFlow id="f2" sourceRef="wait" targetRef="mail" />
    <bpmn:serviceTask id="mail" name="Tell the starter" clientela:action="sendEmail">
      <bpmn:extensionElements>
        <clientela:param name="to">starter</clientela:param>
        <clientela:param name="subject">An hour has passed for {{record.name}}</clientela:param>
        <clientela:param name="body">Time to call {{record.name}} back.</clientela:param>
      </bpmn:extensionElements>
    </bpmn:serviceTask>
    <bpmn:sequenceFlow id="f3" sourceRef="mail" targetRef="end" />
    <bpmn:endEvent id="end" />
  </bpmn:process>
</bpmn:definitions>`;

// What each server process runs: "start" starts the instance and lives on until killed; "sweep" fires
// due timers and sends the outbox again and again (until nothing is left to send, when asked).
const CHILD = `
const o = JSON.parse(process.env.CLIENTELA_KILL_CHILD);
const { createDatabase } = await import(o.modules.client);
const runtime = await import(o.modules.runtime);
const { startProcessOutbox } = await import(o.modules.outbox);
const { db, pool } = createDatabase(o.url, 4);
if (o.mode === 'start') {
  const { id } = await runtime.startInstance(db, o.input, new Date(o.at));
  process.stdout.write(JSON.stringify({ instance: id }) + '\\n');
  setInterval(() => {}, 1000);
} else {
  const quiet = { info() {}, warn() {} };
  const outbox = startProcessOutbox({ pool, transport: o.smtp, from: 'Clientela <crm@example.test>', log: quiet, intervalMs: 60000, staleMs: o.staleMs });
  for (;;) {
    await runtime.fireDueTimers(db, new Date(o.at));
    await outbox.sendNow();
    const { rows } = await pool.query("SELECT count(*)::int AS n FROM process_outbox WHERE state IN ('pending', 'sending')");
    if (o.untilSent && rows[0].n === 0) break;
    await new Promise((resolve) => setTimeout(resolve, 100));
  }
  await outbox.stop();
  await pool.end();
  process.stdout.write('done\\n');
}
`;

const here = (file: string) => new URL(file, import.meta.url).href;
const MODULES = { client: here('../../db/client.ts'), runtime: here('./runtime.ts'), outbox: here('./outbox.ts') };

/** A server process of its own; resolves what it prints, line by line. */
function child(options: Record<string, unknown>) {
  const process_ = spawn(process.execPath, ['--import', 'tsx', '--input-type=module', '-e', CHILD], {
    env: { ...process.env, CLIENTELA_KILL_CHILD: JSON.stringify({ ...options, url: t.url, modules: MODULES }) },
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  children.push(process_);
  let out = '';
  let err = '';
  process_.stdout?.on('data', (chunk: Buffer) => {
    out += chunk.toString();
  });
  process_.stderr?.on('data', (chunk: Buffer) => {
    err += chunk.toString();
  });
  const exited = new Promise<number | null>((resolve) => process_.on('exit', (code) => resolve(code)));
  const printed = async (pattern: RegExp, timeoutMs = 30_000) => {
    const until = Date.now() + timeoutMs;
    while (!pattern.test(out)) {
      if (process_.exitCode !== null) throw new Error(`the child ended (${process_.exitCode}): ${err}`);
      if (Date.now() > until) throw new Error(`the child did not print ${pattern}: ${err}`);
      await new Promise((resolve) => setTimeout(resolve, 50));
    }
    return out;
  };
  return { process: process_, exited, printed, kill: () => process_.kill('SIGKILL') };
}

/** A real SMTP server on loopback; while `hold` is on, a recipient is never answered (the sender hangs mid-send). */
async function startSmtp() {
  const state = { hold: false, held: 0, received: [] as ParsedMail[] };
  const server = new SMTPServer({
    disabledCommands: ['STARTTLS', 'AUTH'],
    onRcptTo: (_address, _session, callback) => {
      if (!state.hold) return callback();
      state.held += 1;
    },
    onData: (stream, _session, callback) => {
      simpleParser(stream).then(
        (mail) => {
          state.received.push(mail);
          callback();
        },
        (error: Error) => callback(error),
      );
    },
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.server.address() as AddressInfo;
  return { state, url: `smtp://127.0.0.1:${port}`, close: () => new Promise<void>((resolve) => server.close(() => resolve())) };
}

const waitFor = async (check: () => boolean | Promise<boolean>, timeoutMs = 30_000) => {
  const until = Date.now() + timeoutMs;
  while (!(await check())) {
    if (Date.now() > until) throw new Error('timed out');
    await new Promise((resolve) => setTimeout(resolve, 50));
  }
};

describe('kill -9', () => {
  it('a killed server leaves the instance where it was: the timer fires once and the e-mail goes once', async () => {
    const smtp = await startSmtp();
    try {
      const { employeeA } = await makeBakery(t);
      const workspaceId = employeeA.browser.session.user.workspace.id;
      const company = await post(employeeA.browser, '/api/v1/companies', { name: 'Forno Rossi' });
      const [definition] = await t.db
        .insert(processDefinitions)
        .values({ workspaceId, name: 'Wait, then mail', draftXml: MODEL, publishedVersion: 1 })
        .returning();
      if (!definition) throw new Error('no definition');
      await t.db.insert(processVersions).values({ workspaceId, definitionId: definition.id, version: 1, xml: MODEL, triggers: [] });
      const started = new Date();
      const later = new Date(started.getTime() + 2 * 3600_000).toISOString();
      const input = { workspaceId, definitionId: definition.id, actorId: employeeA.user.id, record: { type: 'company', id: company.id } };
      const state = async () =>
        (
          await t.pool.query(
            `SELECT i.status,
               (SELECT count(*)::int FROM process_timer m WHERE m.instance_id = i.id) AS timers,
               (SELECT count(*)::int FROM process_timer m WHERE m.instance_id = i.id AND m.fired_at IS NOT NULL) AS fired,
               (SELECT count(*)::int FROM process_step s WHERE s.instance_id = i.id AND s.element_id = 'wait') AS waits,
               (SELECT count(*)::int FROM process_step s WHERE s.instance_id = i.id AND s.element_id = 'mail') AS mails,
               (SELECT array_agg(o.state) FROM process_outbox o WHERE o.instance_id = i.id) AS outbox
             FROM process_instance i WHERE i.workspace_id = $1 AND i.definition_id = $2`,
            [workspaceId, definition.id],
          )
        ).rows;

      // 1. A server starts the instance, which waits at its timer, and is killed.
      const first = child({ mode: 'start', input, at: started.toISOString() });
      await first.printed(/"instance"/);
      first.kill();
      await first.exited;
      expect(await state()).toEqual([{ status: 'running', timers: 1, fired: 0, waits: 1, mails: 0, outbox: null }]);

      // 2. After the hour, a server fires the timer, the step queues the e-mail, and it is killed mid-send.
      smtp.state.hold = true;
      const second = child({ mode: 'sweep', at: later, smtp: smtp.url, staleMs: 1000 });
      await waitFor(() => smtp.state.held > 0);
      second.kill();
      await second.exited;
      expect(await state()).toEqual([{ status: 'completed', timers: 1, fired: 1, waits: 1, mails: 1, outbox: ['sending'] }]);
      expect(smtp.state.received).toHaveLength(0);

      // 3. Two servers come back at once: the abandoned e-mail is sent, once, and nothing runs again.
      smtp.state.hold = false;
      const resumed = [1, 2].map(() => child({ mode: 'sweep', at: later, smtp: smtp.url, staleMs: 60_000, untilSent: true }));
      await Promise.all(resumed.map((c) => c.printed(/done/)));
      expect(await state()).toEqual([{ status: 'completed', timers: 1, fired: 1, waits: 1, mails: 1, outbox: ['sent'] }]);
      expect(smtp.state.received).toHaveLength(1);
      expect(smtp.state.received[0]?.subject).toBe('An hour has passed for Forno Rossi');
    } finally {
      await smtp.close();
    }
  }, 90_000);
});
