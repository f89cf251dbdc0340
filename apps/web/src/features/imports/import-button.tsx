import { UploadOutlined } from '@ant-design/icons';
import type { TImportEntity } from '@clientela/contract';
import { Button } from 'antd';
import { useTranslation } from 'react-i18next';
import { useNavigate } from 'react-router';

/** Opens the import wizard for companies or contacts; shown next to the list's Export. */
export function ImportButton({ entity }: { entity: TImportEntity }) {
  const { t } = useTranslation('customers');
  const navigate = useNavigate();
  return (
    <Button icon={<UploadOutlined />} onClick={() => navigate(`/imports/new?entity=${entity}`)}>
      {t('import.button')}
    </Button>
  );
}
