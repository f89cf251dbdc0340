import { ArrowDownOutlined, ArrowUpOutlined } from '@ant-design/icons';
import { Button, Space } from 'antd';
import { useTranslation } from 'react-i18next';

type Props = { index: number; count: number; onMove: (delta: number) => void; disabled?: boolean };

/** Up and down buttons to reorder a list. */
export function MoveButtons({ index, count, onMove, disabled }: Props) {
  const { t } = useTranslation('caseSettings');
  return (
    <Space.Compact>
      <Button
        size="small"
        icon={<ArrowUpOutlined />}
        aria-label={t('common.moveUp')}
        disabled={disabled || index === 0}
        onClick={() => onMove(-1)}
      />
      <Button
        size="small"
        icon={<ArrowDownOutlined />}
        aria-label={t('common.moveDown')}
        disabled={disabled || index === count - 1}
        onClick={() => onMove(1)}
      />
    </Space.Compact>
  );
}
