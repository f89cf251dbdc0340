import { DislikeOutlined, LikeOutlined } from '@ant-design/icons';
import { Button, Flex, Typography } from 'antd';
import { useTranslation } from 'react-i18next';
import { formatNumber } from '../../lib/format.ts';
import { useLocale } from '../locale/locale-context.tsx';

type Props = {
  /** The reader's own answer, highlighted; null before they answer. */
  value: boolean | null;
  onChange: (helpful: boolean) => void;
  pending?: boolean;
  /** Counts shown beside the buttons (staff see them; visitors do not). */
  counts?: { yes: number; no: number };
};

/** "Was this helpful?" with yes/no; the answer given stays highlighted and can be changed. */
export function HelpfulButtons({ value, onChange, pending, counts }: Props) {
  const { t } = useTranslation('kb');
  const { locale } = useLocale();
  const count = (n: number) => (counts ? ` · ${formatNumber(n, locale)}` : '');
  return (
    <Flex align="center" gap={8} wrap role="group" aria-label={t('helpful.question')}>
      <Typography.Text strong>{t('helpful.question')}</Typography.Text>
      <Button
        icon={<LikeOutlined />}
        type={value === true ? 'primary' : 'default'}
        aria-pressed={value === true}
        disabled={pending}
        onClick={() => onChange(true)}
      >
        {t('helpful.yes')}
        {count(counts?.yes ?? 0)}
      </Button>
      <Button
        icon={<DislikeOutlined />}
        type={value === false ? 'primary' : 'default'}
        aria-pressed={value === false}
        disabled={pending}
        onClick={() => onChange(false)}
      >
        {t('helpful.no')}
        {count(counts?.no ?? 0)}
      </Button>
      {value !== null && <Typography.Text type="secondary">{t('helpful.thanks')}</Typography.Text>}
    </Flex>
  );
}
