import { useTranslation } from 'react-i18next';

type Props = { size?: 'default' | 'large'; compact?: boolean };

/** The product's mark: a rounded "C" and the name. */
export function Brand({ size = 'default', compact = false }: Props) {
  const { t } = useTranslation();
  const box = size === 'large' ? 40 : 32;
  return (
    <span style={{ display: 'inline-flex', alignItems: 'center', gap: 10 }}>
      <span
        aria-hidden
        style={{
          width: box,
          height: box,
          borderRadius: box / 4,
          background: 'linear-gradient(135deg, #0f766e, #14b8a6)',
          color: '#fff',
          display: 'inline-flex',
          alignItems: 'center',
          justifyContent: 'center',
          fontWeight: 700,
          fontSize: box / 2,
          flex: 'none',
        }}
      >
        C
      </span>
      {!compact && (
        <span style={{ fontSize: size === 'large' ? 22 : 18, fontWeight: 600, letterSpacing: 0.2, color: '#1f2937' }}>{t('app.name')}</span>
      )}
    </span>
  );
}
