import { DesktopOutlined, MobileOutlined, ReloadOutlined } from '@ant-design/icons';
import type { TLocale, TTemplatePreview } from '@clientela/contract';
import type { UseQueryResult } from '@tanstack/react-query';
import { Alert, Button, Card, Flex, Segmented, Spin, Typography } from 'antd';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { ErrorAlert } from '../../components/error-alert.tsx';
import { isApiError } from '../../lib/api.ts';
import { ContactPicker } from './contact-picker.tsx';

type Props = {
  /** The preview of the text being edited in `language` (asked for once typing rests). */
  preview: UseQueryResult<TTemplatePreview>;
  language: TLocale;
  contactId: string | undefined;
  onContactChange: (contactId: string | undefined) => void;
};

const WIDTH = { desktop: '100%', mobile: 375 } as const;

/**
 * The template as it is being written, as a recipient gets it, in a sandboxed frame (no scripts, no same-origin
 * access): with sample values or a chosen contact's, at desktop or phone width. Problems of the MJML are listed
 * beside the editor; here the last good preview stays, marked as out of date.
 */
export function TemplatePreview({ preview, language, contactId, onContactChange }: Props) {
  const { t } = useTranslation('mailings');
  const [device, setDevice] = useState<keyof typeof WIDTH>('desktop');
  const broken = isApiError(preview.error, 'invalid_template');
  return (
    <Card
      title={t('editor.preview')}
      extra={
        <Segmented
          value={device}
          onChange={(value) => setDevice(value as keyof typeof WIDTH)}
          options={[
            { value: 'desktop', label: t('editor.desktop'), icon: <DesktopOutlined /> },
            { value: 'mobile', label: t('editor.mobile'), icon: <MobileOutlined /> },
          ]}
        />
      }
    >
      <Flex vertical gap={12}>
        <Flex gap={8} align="center" wrap>
          <ContactPicker
            aria-label={t('editor.previewAs')}
            placeholder={t('editor.previewAsPlaceholder')}
            value={contactId}
            onChange={onContactChange}
          />
          <Button icon={<ReloadOutlined />} onClick={() => preview.refetch()} loading={preview.isFetching}>
            {t('editor.refresh')}
          </Button>
        </Flex>
        {broken ? <Alert type="error" showIcon title={t('editor.previewBroken')} /> : <ErrorAlert error={preview.error} />}
        {!preview.data && preview.isFetching && (
          <Flex justify="center" style={{ padding: 24 }}>
            <Spin />
          </Flex>
        )}
        {preview.data && (
          <div style={{ opacity: broken ? 0.5 : 1 }} data-testid="template-preview">
            {preview.data.language !== language && (
              <Alert type="warning" showIcon title={t('editor.previewFallback', { language: t(`languages.${preview.data.language}`) })} />
            )}
            <Typography.Paragraph style={{ marginBottom: 8 }}>
              <Typography.Text type="secondary">{t('editor.subject')}: </Typography.Text>
              {preview.data.subject}
            </Typography.Paragraph>
            <Flex justify="center" style={{ background: '#f3f4f6', padding: 8 }}>
              <iframe
                title={t('editor.previewFrame')}
                sandbox=""
                srcDoc={preview.data.html}
                style={{ width: WIDTH[device], maxWidth: '100%', height: 640, border: 0, background: '#ffffff' }}
              />
            </Flex>
          </div>
        )}
      </Flex>
    </Card>
  );
}
