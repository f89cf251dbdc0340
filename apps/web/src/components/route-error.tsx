import { Button } from 'antd';
import { useTranslation } from 'react-i18next';

/**
 * Shown when a page fails to render or its code cannot be loaded (e.g. after an upgrade).
 * Plain markup rather than antd's Result, whose illustrations would weigh on every first load.
 */
export function RouteError() {
  const { t } = useTranslation();
  return (
    <div role="alert" style={{ minHeight: '100vh', display: 'grid', placeItems: 'center', padding: 24 }}>
      <div style={{ textAlign: 'center', maxWidth: 460 }}>
        <h1 style={{ fontSize: 22, fontWeight: 600, margin: '0 0 8px' }}>{t('routeError.title')}</h1>
        <p style={{ color: 'rgba(0, 0, 0, 0.55)', margin: '0 0 24px', lineHeight: 1.55 }}>{t('routeError.text')}</p>
        <Button type="primary" onClick={() => window.location.reload()}>
          {t('routeError.reload')}
        </Button>
      </div>
    </div>
  );
}
