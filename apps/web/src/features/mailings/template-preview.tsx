import { DesktopOutlined, MobileOutlined, ReloadOutlined } from '@ant-design/icons';
import type { TLocale } from '@clientela/contract';
import { Alert, Button, Card, Empty, Flex, Segmented, Typography } from 'antd';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { ErrorAlert } from '../../components/error-alert.tsx';
import { useTemplatePreview } from './api.ts';
import { ContactPicker } from './contact-picker.tsx';

type Props = { templateId: string | undefined; language: TLocale; unsaved: boolean };

const WIDTH = { desktop: '100%', mobile: 375 } as const;

/**
 * The saved template as a recipient gets it, in a sandboxed frame (no scripts, no same-origin access): with sample
 * values or a chosen contact's, at desktop or phone width.
 */
export function TemplatePreview({ templateId, language, unsaved }: Props) {
  const { t } = useTranslation('mailings');
  const [device, setDevice] = useState<keyof typeof WIDTH>('desktop');
  const [contactId, setContactId] = useState<string | undefined>();
  const preview = useTemplatePreview(templateId, { language, ...(contactId ? { contactId } : {}) });
  return (
    <Card
      title={t('editor.preview')}
      extra={
        <Segmented<keyof typeof WIDTH>
          aria-label={t('editor.device')}
          value={device}
          onChange={setDevice}
          options={[
            { value: 'desktop', icon: <DesktopOutlined />, label: t('editor.desktop') },
            { value: 'mobile', icon: <MobileOutlined />, label: t('editor.mobile') },
          ]}
        />
      }
    >
      {!templateId ? (
        <Empty image={Empty.PRESENTED_IMAGE_SIMPLE} description={t('editor.previewAfterSave')} />
      ) : (
        <Flex vertical gap={12}>
          <Flex gap={8} align="center" wrap>
            <ContactPicker
              aria-label={t('editor.previewAs')}
              placeholder={t('editor.previewAsPlaceholder')}
              value={contactId}
              onChange={setContactId}
            />
            <Button icon={<ReloadOutlined />} onClick={() => preview.refetch()} loading={preview.isFetching}>
              {t('editor.refresh')}
            </Button>
          </Flex>
          {unsaved && <Alert type="info" showIcon title={t('editor.previewSaved')} />}
          <ErrorAlert error={preview.error} />
          {preview.data && (
            <>
              {preview.data.language !== language && (
                <Alert type="warning" showIcon title={t('editor.previewFallback', { language: t(`languages.${preview.data.language}`) })} />
              )}
              <Typography.Text>
                <Typography.Text type="secondary">{t('editor.subject')}: </Typography.Text>
                {preview.data.subject}
              </Typography.Text>
              <Flex justify="center" style={{ background: '#f3f4f6', padding: 8 }}>
                <iframe
                  title={t('editor.previewFrame')}
                  sandbox=""
                  srcDoc={preview.data.html}
                  style={{ width: WIDTH[device], maxWidth: '100%', height: 640, border: 0, background: '#ffffff' }}
                />
              </Flex>
            </>
          )}
        </Flex>
      )}
    </Card>
  );
}
