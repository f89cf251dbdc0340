import type { AddressInfo } from 'node:net';
import { type ParsedMail, simpleParser } from 'mailparser';
import { SMTPServer } from 'smtp-server';
import type { MailSettings } from '../http/route-helpers.ts';

/** A message the capture server took: the parsed mail with the SMTP envelope it came in. */
export type CapturedMail = ParsedMail & { envelope: { mailFrom: string; rcptTo: string[] } };

/** How the capture server behaves: which recipients it turns away, and the login it asks for. */
export type SmtpCaptureOptions = {
  /** The reply code for a recipient it turns away (550 for good, 451 for now), or nothing to take it. */
  refuse?: (address: string) => number | undefined;
  /** A login the server requires (without it the server offers no AUTH at all). */
  auth?: { user: string; pass: string };
};

/** A running capture server: what it received, how to send to it, and how to stop it. */
export type SmtpCapture = {
  /** Every message taken so far, in the order they arrived. */
  received: CapturedMail[];
  /** Runs after a message is kept and before the server answers, while the sender waits. */
  beforeAccepting: (() => Promise<unknown>) | undefined;
  /** The server as an SMTP URL, with its login when it asks for one. */
  url: string;
  /** Mail settings that send through this server from the given address. */
  mailSettings: (from: string) => MailSettings;
  /** Stops the server. */
  close: () => Promise<void>;
};

/** An SMTP refusal with the given reply code. */
function refusal(code: number): Error {
  const message = code >= 500 ? 'No such mailbox here' : 'Mailbox busy, try again later';
  return Object.assign(new Error(message), { responseCode: code });
}

/** Starts a real SMTP server on loopback (a free port) that keeps every message it takes, parsed. */
export async function startSmtpCapture(options: SmtpCaptureOptions = {}): Promise<SmtpCapture> {
  const { refuse, auth } = options;
  // The hook is read from this object, so a test may set it on the capture it gets back.
  const capture: Pick<SmtpCapture, 'received' | 'beforeAccepting'> = { received: [], beforeAccepting: undefined };
  const server = new SMTPServer({
    disabledCommands: auth ? ['STARTTLS'] : ['STARTTLS', 'AUTH'],
    allowInsecureAuth: Boolean(auth),
    logger: false,
    onAuth: (login, _session, callback) =>
      auth && login.username === auth.user && login.password === auth.pass
        ? callback(null, { user: login.username })
        : callback(new Error('Bad login')),
    onRcptTo: (address, _session, callback) => {
      const code = refuse?.(address.address);
      callback(code === undefined ? undefined : refusal(code));
    },
    onData: (stream, session, callback) => {
      simpleParser(stream).then(
        async (mail) => {
          const from = session.envelope.mailFrom;
          const envelope = { mailFrom: from ? from.address : '', rcptTo: session.envelope.rcptTo.map((a) => a.address) };
          capture.received.push(Object.assign(mail, { envelope }));
          await capture.beforeAccepting?.();
          callback();
        },
        (error: Error) => callback(error),
      );
    },
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.server.address() as AddressInfo;
  const login = auth ? `${encodeURIComponent(auth.user)}:${encodeURIComponent(auth.pass)}@` : '';
  return Object.assign(capture, {
    url: `smtp://${login}127.0.0.1:${port}`,
    mailSettings: (from: string): MailSettings => ({
      transport: { host: '127.0.0.1', port, secure: false, ignoreTLS: true, ...(auth ? { auth } : {}) },
      from,
    }),
    close: () => new Promise<void>((resolve) => server.close(() => resolve())),
  });
}
