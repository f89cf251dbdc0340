import type { ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import { Brand } from '../../components/brand.tsx';
import { LanguageLinks } from '../locale/language-links.tsx';
import './auth-shell.css';

type Props = { title: string; subtitle: string; wide?: boolean; children: ReactNode };

/** The frame of the pages before sign-in: brand, language switch and a card (plain HTML: this page must load fast). */
export function AuthShell({ title, subtitle, wide = false, children }: Props) {
  const { t } = useTranslation();
  return (
    <div className="auth-shell">
      <header className="auth-shell__top">
        <LanguageLinks />
      </header>
      <main className={wide ? 'auth-shell__main auth-shell__main--wide' : 'auth-shell__main'}>
        <Brand size="large" />
        <section className="auth-shell__card" aria-labelledby="auth-title">
          <h1 id="auth-title" className="auth-shell__title">
            {title}
          </h1>
          <p className="auth-shell__subtitle">{subtitle}</p>
          {children}
        </section>
        <p className="auth-shell__tagline">{t('app.tagline')}</p>
      </main>
    </div>
  );
}
