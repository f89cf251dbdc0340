import { MergeOutlined } from '@ant-design/icons';
import type { TDuplicateEntity } from '@clientela/contract';
import { Button } from 'antd';
import { useTranslation } from 'react-i18next';
import { useNavigate } from 'react-router';

/** Opens the duplicates screen on the list's kind of record; shown in the list's toolbar. */
export function DuplicatesLink({ entity }: { entity: TDuplicateEntity }) {
  const { t } = useTranslation('duplicates');
  const navigate = useNavigate();
  return (
    <Button icon={<MergeOutlined />} onClick={() => navigate(entity === 'contact' ? '/duplicates?entity=contact' : '/duplicates')}>
      {t('listLink')}
    </Button>
  );
}
