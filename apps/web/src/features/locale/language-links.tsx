import { Button, Flex } from 'antd';
import { useTranslation } from 'react-i18next';
import { LOCALES } from '../../lib/locales.ts';
import { useLocale } from './locale-context.tsx';

/** The three languages side by side, for pages before sign-in (lighter than a select). */
export function LanguageLinks() {
  const { t } = useTranslation();
  const { locale, changeLocale } = useLocale();
  return (
    <Flex gap={4} role="group" aria-label={t('common.language')}>
      {LOCALES.map((value) => (
        <Button
          key={value}
          type="text"
          size="small"
          lang={value}
          aria-pressed={value === locale}
          onClick={() => void changeLocale(value)}
          style={{ fontWeight: value === locale ? 600 : 400, opacity: value === locale ? 1 : 0.7 }}
        >
          {t(`languages.${value}`)}
        </Button>
      ))}
    </Flex>
  );
}
