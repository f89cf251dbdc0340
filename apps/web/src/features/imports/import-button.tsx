import { UploadOutlined } from '@ant-design/icons';
import type { TImportEntity } from '@clientela/contract';
import { Button } from 'antd';
import type { ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import { useNavigate } from 'react-router';

/** Opens the import wizard for an entity; shown next to a list's Export (its text "Import" unless given). */
export function ImportButton({ entity, children }: { entity: TImportEntity; children?: ReactNode }) {
  const { t } = useTranslation();
  const navigate = useNavigate();
  return (
    <Button icon={<UploadOutlined />} onClick={() => navigate(`/imports/new?entity=${entity}`)}>
      {children ?? t('import.button')}
    </Button>
  );
}
