let senders = 0;

/**
 * Whether this process runs a mail sender (CLIENTELA_SMTP_URL is set). Only then does notify()
 * queue e-mails: without a sender they would wait in the queue for ever, and all go out at once
 * the day mail is configured.
 */
export const mailIsSent = (): boolean => senders > 0;

/** Marks a mail sender as running until the returned function is called. */
export function openMailQueue(): () => void {
  senders += 1;
  let closed = false;
  return () => {
    if (closed) return;
    closed = true;
    senders -= 1;
  };
}
