import type { TLocale } from '@clientela/contract';

type Starter = { subject: string; heading: string; greeting: string; body: string; signature: string; unsubscribe: string };

// The template's language need not be the user's: its words are read from that language's message file.
const STARTERS: Record<TLocale, () => Promise<{ default: { editor: { starter: Starter } } }>> = {
  en: () => import('../../locales/mailings/en.json'),
  ru: () => import('../../locales/mailings/ru.json'),
  it: () => import('../../locales/mailings/it.json'),
};

/** A new version's subject and a simple MJML skeleton in `language`, with the greeting and unsubscribe placeholders. */
export async function starterVersion(language: TLocale): Promise<{ subject: string; mjml: string }> {
  const { starter } = (await STARTERS[language]()).default.editor;
  const mjml = `<mjml lang="${language}">
  <mj-head>
    <mj-attributes>
      <mj-all font-family="Arial, sans-serif" />
      <mj-text font-size="15px" line-height="1.5" color="#1f2937" />
    </mj-attributes>
  </mj-head>
  <mj-body background-color="#f3f4f6">
    <mj-section background-color="#ffffff" padding="24px">
      <mj-column>
        <mj-text font-size="22px" font-weight="bold">${starter.heading}</mj-text>
        <mj-text>${starter.greeting}</mj-text>
        <mj-text>${starter.body}</mj-text>
        <mj-text>${starter.signature}</mj-text>
      </mj-column>
    </mj-section>
    <mj-section>
      <mj-column>
        <mj-text font-size="12px" color="#6b7280" align="center">
          <a href="{{unsubscribe_url}}" style="color: #6b7280">${starter.unsubscribe}</a>
        </mj-text>
      </mj-column>
    </mj-section>
  </mj-body>
</mjml>
`;
  return { subject: starter.subject, mjml };
}
