import type { TLocale } from '@clientela/contract';
import type { MailSettings } from '../../http/route-helpers.ts';
import { openMarketingSender } from './mail-send.ts';
import type { TemplateVersion } from './mailings.table.ts';
import { languageFor, type Recipient } from './merge-fields.ts';
import { type CompiledTemplate, compileTemplate, personalise } from './render.ts';

/** Sends the birthday greetings of one run over one pooled SMTP connection. */
export type GreetingSender = {
  /** Sends one greeting; `token` is the greeting's, for its unsubscribe link. */
  send(
    recipient: Recipient & { email: string },
    versions: Partial<Record<TLocale, TemplateVersion>>,
    age: number,
    token: string,
  ): Promise<void>;
  close(): void;
};

/**
 * A sender of greetings for one run: each language of a template is compiled from MJML once, then
 * filled for each contact (in their language, else their manager's, else the template's first),
 * with `{{age}}` besides the usual merge fields. Greetings are marketing mail: each carries its own
 * unsubscribe link (`{{unsubscribe_url}}` and the RFC 8058 one-click `List-Unsubscribe`).
 */
export function greetingSender(mail: MailSettings, publicUrl: string): GreetingSender {
  const sender = openMarketingSender(mail);
  const compiled = new Map<TemplateVersion, Promise<CompiledTemplate>>();
  const compile = (version: TemplateVersion) => {
    let done = compiled.get(version);
    if (!done) {
      done = compileTemplate(version).then((result) => result.compiled);
      compiled.set(version, done);
    }
    return done;
  };
  return {
    async send(recipient, versions, age, token) {
      const version = versions[languageFor(versions, recipient.language)] as TemplateVersion;
      const unsubscribeUrl = `${publicUrl}/u/${token}`;
      const message = personalise(await compile(version), { ...recipient.fields, age, unsubscribe_url: unsubscribeUrl });
      await sender.send({
        to: { name: recipient.name, address: recipient.email },
        ...message,
        unsubscribeUrl,
        headers: { 'X-Clientela-Greeting': 'birthday' },
      });
    },
    close: () => sender.close(),
  };
}
