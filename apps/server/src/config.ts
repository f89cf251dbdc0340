import path from 'node:path';

/** Everything the server reads from its environment, read once at start. */
export type Config = {
  port: number;
  host: string;
  /** When set, that PostgreSQL is used; otherwise an embedded one under `dataDir`. */
  databaseUrl: string | undefined;
  /** Streaming replicas of that database (DATABASE_READ_URL, comma-separated); none when empty. */
  databaseReadUrls: string[];
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
  /** The domain of mailings' envelope sender `bounces+<recipient>@…` (default: the domain of `mailFrom`). */
  bounceDomain: string;
  /** When set, an SMTP listener on this port takes the bounces an MTA relays to it. */
  bounceSmtpPort: number | undefined;
  /** Where that listener listens; keep it on loopback or a private network. */
  bounceSmtpHost: string;
  /** Lets an admin move the server's clock forward (demonstrations, end-to-end tests); never in production. */
  clockControl: boolean;
  /** On SIGTERM, how long requests and jobs in flight may take to finish before the process closes them. */
  shutdownTimeoutMs: number;
  /** How many API requests work at once; the others wait their turn (CLIENTELA_ACTIVE_REQUESTS). */
  activeRequests: number;
  /** On SIGTERM, how long the process keeps serving while /api/ready answers 503, so that a balancer polling it stops first. */
  drainDelayMs: number;
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
  const bouncePort = env.CLIENTELA_BOUNCE_SMTP_PORT ? Number(env.CLIENTELA_BOUNCE_SMTP_PORT) : undefined;
  if (bouncePort !== undefined && (!Number.isInteger(bouncePort) || bouncePort < 0 || bouncePort > 65535)) {
    throw new Error(`CLIENTELA_BOUNCE_SMTP_PORT must be a port number, got "${env.CLIENTELA_BOUNCE_SMTP_PORT}"`);
  }
  const mailFrom = env.CLIENTELA_MAIL_FROM || 'Clientela <clientela@localhost>';
  const bounceDomain = env.CLIENTELA_BOUNCE_DOMAIN || /@([^>\s@]+)>?\s*$/.exec(mailFrom)?.[1] || 'localhost';
  if (!/^[a-z0-9.-]+$/i.test(bounceDomain)) {
    throw new Error(`CLIENTELA_BOUNCE_DOMAIN must be a domain name, got "${bounceDomain}"`);
  }
  const seconds = (name: string, fallback: number) => {
    const value = Number(env[name] || fallback);
    if (!Number.isFinite(value) || value < 0) throw new Error(`${name} must be a number of seconds, got "${env[name]}"`);
    return value * 1000;
  };
  const count = (name: string, fallback: number) => {
    const value = Number(env[name] || fallback);
    if (!Number.isInteger(value) || value < 1) throw new Error(`${name} must be a whole number from 1, got "${env[name]}"`);
    return value;
  };
  return {
    port,
    host: env.HOST ?? '127.0.0.1',
    databaseUrl: env.DATABASE_URL || undefined,
    databaseReadUrls: (env.DATABASE_READ_URL ?? '')
      .split(',')
      .map((url) => url.trim())
      .filter(Boolean),
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
    mailFrom,
    publicUrl: (env.CLIENTELA_PUBLIC_URL || `http://127.0.0.1:${port}`).replace(/\/+$/, ''),
    bounceDomain,
    bounceSmtpPort: bouncePort,
    bounceSmtpHost: env.CLIENTELA_BOUNCE_SMTP_HOST || '127.0.0.1',
    shutdownTimeoutMs: seconds('CLIENTELA_SHUTDOWN_TIMEOUT_SECONDS', 10),
    activeRequests: count('CLIENTELA_ACTIVE_REQUESTS', 6),
    drainDelayMs: seconds('CLIENTELA_DRAIN_DELAY_SECONDS', 0),
  };
}
