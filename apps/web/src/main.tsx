import { StrictMode } from 'react';
import { createRoot } from 'react-dom/client';
import { App } from './app/app.tsx';
import { detectLocale, initI18n } from './lib/i18n.ts';
import './styles.css';

/** Loads the language first, so nobody sees a flash of English, then renders the app. */
async function start(root: HTMLElement): Promise<void> {
  let locale = detectLocale();
  let antdLocale: Awaited<ReturnType<typeof initI18n>>;
  try {
    antdLocale = await initI18n(locale);
  } catch {
    locale = 'en';
    antdLocale = await initI18n(locale);
  }
  createRoot(root).render(
    <StrictMode>
      <App locale={locale} antdLocale={antdLocale} />
    </StrictMode>,
  );
}

const root = document.getElementById('root');
if (!root) throw new Error('index.html has no #root element');
void start(root);
