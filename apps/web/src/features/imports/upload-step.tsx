import { InboxOutlined } from '@ant-design/icons';
import { IMPORT_FILE_MAX_BYTES, type TImportEntity } from '@clientela/contract';
import { Alert, Card, Flex, Radio, Spin, Typography, Upload } from 'antd';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { useNavigate } from 'react-router';
import { ErrorAlert } from '../../components/error-alert.tsx';
import { isApiError } from '../../lib/api.ts';
import { formatMegabytes } from '../../lib/format.ts';
import { useMe } from '../auth/api.ts';
import { useLocale } from '../locale/locale-context.tsx';
import { useUploadImport } from './api.ts';
import { importableEntities } from './mapping.ts';

const ACCEPT = '.csv,.txt,.xlsx,.vcf';

type Props = { entity: TImportEntity; onEntityChange: (entity: TImportEntity) => void };

/** Step 1: what the file holds, and the file itself; the server reads it and the wizard moves on to its columns. */
export function UploadStep({ entity, onEntityChange }: Props) {
  const { t } = useTranslation('imports');
  const { locale } = useLocale();
  const navigate = useNavigate();
  const upload = useUploadImport();
  const entities = importableEntities(useMe().role);
  const [tooBig, setTooBig] = useState(false);
  const maxSize = formatMegabytes(IMPORT_FILE_MAX_BYTES, locale);

  const send = (file: File) => {
    upload.reset();
    setTooBig(file.size > IMPORT_FILE_MAX_BYTES);
    if (file.size > IMPORT_FILE_MAX_BYTES) return;
    upload.mutate({ entity, file }, { onSuccess: (imp) => navigate(`/imports/${imp.id}`, { replace: true }) });
  };

  return (
    <Card>
      <Flex vertical gap={16}>
        <div>
          <Typography.Text strong id="import-entity" style={{ display: 'block', marginBottom: 8 }}>
            {t('upload.entity')}
          </Typography.Text>
          <Radio.Group
            aria-labelledby="import-entity"
            optionType="button"
            buttonStyle="solid"
            value={entities.includes(entity) ? entity : undefined}
            disabled={upload.isPending}
            onChange={(event) => onEntityChange(event.target.value as TImportEntity)}
            options={entities.map((value) => ({ value, label: t(`entities.${value}`) }))}
          />
        </div>
        {tooBig || isApiError(upload.error, 'payload_too_large') ? (
          <Alert type="error" showIcon role="alert" title={t('upload.tooBig', { size: maxSize })} />
        ) : (
          <ErrorAlert error={upload.error} />
        )}
        <Spin spinning={upload.isPending} description={t('upload.reading')}>
          <Upload.Dragger
            accept={ACCEPT}
            multiple={false}
            showUploadList={false}
            disabled={upload.isPending || !entities.includes(entity)}
            customRequest={({ file }) => send(file as File)}
          >
            <p className="ant-upload-drag-icon">
              <InboxOutlined />
            </p>
            <p className="ant-upload-text">{t('upload.drop')}</p>
            <p className="ant-upload-hint">{t('upload.hint', { size: maxSize })}</p>
          </Upload.Dragger>
        </Spin>
      </Flex>
    </Card>
  );
}
