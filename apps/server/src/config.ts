import path from 'node:path';

/** Everything the server reads from its environment, read once at start. */
export type Config = {
  port: number;
  host: string;
  /** When set, that PostgreSQL is used; otherwise an embedded one under `dataDir`. */
  databaseUrl: string | undefined;
  dataDir: string;
  adminEmail: string | undefined;
  adminPassword: string | undefined;
  adminName: string;
  workspaceName: string;
  /** Trust X-Forwarded-* headers (set when behind a reverse proxy doing HTTPS). */
  trustProxy: boolean;
  logLevel: string;
  webDist: string | undefined;
  /** Where notices are e-mailed through (`smtp://user:pass@host:587`, `smtps://…`); unset: no e-mail is sent. */
  smtpUrl: string | undefined;
  /** The sender of those e-mails. */
  mailFrom: string;
  /** The address people open the app at, for links in e-mails. */
  publicUrl: string;
  /** Lets an admin move the server's clock forward (demonstrations, end-to-end tests); never in production. */
  clockControl: boolean;
};

/** Reads the configuration from environment variables, with the documented defaults. */
export function readConfig(env: NodeJS.ProcessEnv = process.env): Config {
  const port = Number(env.PORT ?? 3000);
  if (!Number.isInteger(port) || port < 0 || port > 65535) {
    throw new Error(`PORT must be a port number, got "${env.PORT}"`);
  }
  const smtpUrl = env.CLIENTELA_SMTP_URL || undefined;
  if (smtpUrl && !/^smtps?:\/\/[^/]/.test(smtpUrl)) {
    throw new Error('CLIENTELA_SMTP_URL must look like smtp://user:password@host:587 or smtps://…');
  }
  return {
    port,
    host: env.HOST ?? '127.0.0.1',
    databaseUrl: env.DATABASE_URL || undefined,
    dataDir: path.resolve(env.CLIENTELA_DATA_DIR ?? 'data'),
    adminEmail: env.CLIENTELA_ADMIN_EMAIL || undefined,
    adminPassword: env.CLIENTELA_ADMIN_PASSWORD || undefined,
    adminName: env.CLIENTELA_ADMIN_NAME ?? 'Administrator',
    workspaceName: env.CLIENTELA_WORKSPACE_NAME ?? 'My company',
    trustProxy: env.CLIENTELA_TRUST_PROXY === 'true',
    logLevel: env.LOG_LEVEL ?? 'info',
    webDist: env.CLIENTELA_WEB_DIST,
    clockControl: env.CLIENTELA_CLOCK_CONTROL === 'true',
    smtpUrl,
    mailFrom: env.CLIENTELA_MAIL_FROM || 'Clientela <clientela@localhost>',
    publicUrl: (env.CLIENTELA_PUBLIC_URL || `http://127.0.0.1:${port}`).replace(/\/+$/, ''),
  };
}
