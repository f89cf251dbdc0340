import { DeleteOutlined, DownloadOutlined, InboxOutlined } from '@ant-design/icons';
import { ATTACHMENT_MAX_BYTES, type TAttachable, type TAttachment, type TSession } from '@clientela/contract';
import { useQueryClient } from '@tanstack/react-query';
import { Alert, App, Button, Card, Empty, Flex, Popconfirm, Skeleton, Typography, Upload, type UploadFile } from 'antd';
import type { TFunction } from 'i18next';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { ErrorAlert } from '../../components/error-alert.tsx';
import { isApiError } from '../../lib/api.ts';
import { errorMessage } from '../../lib/errors.ts';
import { SESSION_KEY } from '../../lib/query-client.ts';
import { useMe } from '../auth/api.ts';
import { useFormatters } from '../customers/date-format.ts';
import { ATTACHMENTS_KEY, attachmentFileUrl, uploadAttachment, useAttachments, useDeleteAttachment } from './api.ts';
import { FileIcon } from './file-icon.tsx';
import { formatFileSize } from './file-size.ts';

type Props = { entityType: TAttachable; entityId: string };

type Failure = { uid: string; text: string };

/** Why a file could not be added, in words about files rather than requests. */
function uploadError(t: TFunction<'contracts'>, tc: TFunction, name: string, error: unknown): string {
  if (isApiError(error, 'payload_too_large')) return t('attachments.tooBigServer', { name });
  if (isApiError(error, 'unsupported_media_type')) return t('attachments.refusedType', { name });
  return t('attachments.failed', { name, reason: errorMessage(tc, error) });
}

/** The files of a record: upload (drop or choose, with progress), download and delete. */
export function AttachmentsList({ entityType, entityId }: Props) {
  const { t } = useTranslation('contracts');
  const { t: tc } = useTranslation();
  const { message } = App.useApp();
  const format = useFormatters();
  const me = useMe();
  const queryClient = useQueryClient();
  const attachments = useAttachments(entityType, entityId);
  const remove = useDeleteAttachment();
  const [uploading, setUploading] = useState<UploadFile[]>([]);
  const [failures, setFailures] = useState<Failure[]>([]);
  const maxSize = formatFileSize(ATTACHMENT_MAX_BYTES, format.locale);

  const fail = (uid: string, text: string) => setFailures((current) => [...current.filter((one) => one.uid !== uid), { uid, text }]);
  const mayDelete = (attachment: TAttachment) => me.role !== 'employee' || attachment.uploadedBy?.id === me.id;

  const confirmDelete = async (attachment: TAttachment) => {
    try {
      await remove.mutateAsync(attachment.id);
      message.success(t('attachments.deleted', { name: attachment.fileName }));
    } catch (error) {
      message.error(errorMessage(tc, error));
    }
  };

  const files = attachments.data ?? [];
  return (
    <Card title={t('attachments.title')} data-testid="attachments">
      <ErrorAlert error={attachments.error} />
      {failures.map((failure) => (
        <Alert
          key={failure.uid}
          type="error"
          showIcon
          role="alert"
          title={failure.text}
          closable={{ onClose: () => setFailures((current) => current.filter((one) => one.uid !== failure.uid)) }}
          style={{ marginBottom: 12 }}
        />
      ))}
      {attachments.isPending ? (
        <Skeleton active paragraph={{ rows: 2 }} />
      ) : files.length === 0 ? (
        !attachments.error && <Empty image={Empty.PRESENTED_IMAGE_SIMPLE} description={t('attachments.empty')} />
      ) : (
        <Flex vertical role="list" aria-label={t('attachments.title')} style={{ marginBottom: 16 }}>
          {files.map((attachment) => (
            <Flex
              key={attachment.id}
              role="listitem"
              aria-label={attachment.fileName}
              justify="space-between"
              align="center"
              gap={12}
              style={{ padding: '8px 0', borderBottom: '1px solid #f0f0f0' }}
            >
              <Flex gap={12} align="center" style={{ minWidth: 0 }}>
                <span style={{ fontSize: 22, color: '#8c8c8c' }}>
                  <FileIcon contentType={attachment.contentType} />
                </span>
                <div style={{ minWidth: 0 }}>
                  <Typography.Link href={attachmentFileUrl(attachment.id)} target="_blank" rel="noopener" ellipsis>
                    {attachment.fileName}
                  </Typography.Link>
                  <Typography.Text type="secondary" style={{ display: 'block', fontSize: 12 }}>
                    {t('attachments.meta', {
                      size: formatFileSize(attachment.size, format.locale),
                      name: attachment.uploadedBy?.name ?? t('attachments.someone'),
                      date: format.dateTime(attachment.createdAt),
                    })}
                  </Typography.Text>
                </div>
              </Flex>
              <Flex gap={4} style={{ flex: 'none' }}>
                <Button
                  type="text"
                  icon={<DownloadOutlined />}
                  href={attachmentFileUrl(attachment.id)}
                  download={attachment.fileName}
                  aria-label={t('attachments.download', { name: attachment.fileName })}
                />
                {mayDelete(attachment) && (
                  <Popconfirm
                    title={t('attachments.deleteConfirm', { name: attachment.fileName })}
                    description={t('attachments.deleteHint')}
                    okText={tc('common.delete')}
                    okButtonProps={{ danger: true }}
                    cancelText={tc('common.cancel')}
                    onConfirm={() => confirmDelete(attachment)}
                  >
                    <Button
                      type="text"
                      danger
                      icon={<DeleteOutlined />}
                      aria-label={t('attachments.delete', { name: attachment.fileName })}
                    />
                  </Popconfirm>
                )}
              </Flex>
            </Flex>
          ))}
        </Flex>
      )}
      <Upload.Dragger
        multiple
        fileList={uploading}
        showUploadList={{ showRemoveIcon: false }}
        beforeUpload={(file) => {
          if (file.size <= ATTACHMENT_MAX_BYTES) return true;
          fail(file.uid, t('attachments.tooBig', { name: file.name, size: maxSize }));
          return Upload.LIST_IGNORE;
        }}
        onChange={({ fileList }) => setUploading(fileList.filter((file) => file.status === 'uploading'))}
        customRequest={({ file, onProgress, onSuccess, onError }) => {
          const one = file as File & { uid: string };
          const csrfToken = queryClient.getQueryData<TSession | null>(SESSION_KEY)?.csrfToken;
          uploadAttachment({ entityType, entityId, file: one, csrfToken, onProgress: (percent) => onProgress?.({ percent }) })
            .then(async (attachment) => {
              setFailures((current) => current.filter((failure) => failure.uid !== one.uid));
              await queryClient.invalidateQueries({ queryKey: [...ATTACHMENTS_KEY, entityType, entityId] });
              onSuccess?.(attachment);
            })
            .catch((error: unknown) => {
              fail(one.uid, uploadError(t, tc, one.name, error));
              onError?.(error instanceof Error ? error : new Error(String(error)));
            });
        }}
      >
        <Flex align="center" justify="center" gap={12}>
          <InboxOutlined style={{ fontSize: 28, color: '#0f766e' }} />
          <div style={{ textAlign: 'start' }}>
            <Typography.Text style={{ display: 'block' }}>{t('attachments.drop')}</Typography.Text>
            <Typography.Text type="secondary" style={{ fontSize: 12 }}>
              {t('attachments.hint', { size: maxSize })}
            </Typography.Text>
          </div>
        </Flex>
      </Upload.Dragger>
    </Card>
  );
}
