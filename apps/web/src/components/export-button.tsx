import { DownloadOutlined } from '@ant-design/icons';
import type { TExportJob, TExportResource } from '@clientela/contract';
import { App, Button, Dropdown, Modal, Progress, Typography } from 'antd';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { useLocale } from '../features/locale/locale-context.tsx';
import { ApiError, api, toApiError } from '../lib/api.ts';
import { errorMessage } from '../lib/errors.ts';
import { formatNumber } from '../lib/format.ts';

type Format = 'csv' | 'xlsx' | 'vcf';
type Props = {
  resource: TExportResource;
  /** The list's `q`, `sort` and `filter[...]` as shown; unset ones are left out. */
  query: Record<string, string | undefined>;
  /** The columns shown, in their order; all of them when absent. */
  columns?: readonly string[];
  /** The files offered: CSV and XLSX, and vCard for people. */
  formats?: readonly Format[];
};

/** The file name the server proposes (`filename*=UTF-8''…` or `filename="…"`). */
export function fileNameOf(disposition: string | null, fallback: string): string {
  const encoded = /filename\*=UTF-8''([^;]+)/i.exec(disposition ?? '')?.[1];
  if (encoded) {
    try {
      return decodeURIComponent(encoded.trim());
    } catch {
      // Badly encoded: the plain name below will do.
    }
  }
  return /filename="?([^";]+)"?/i.exec(disposition ?? '')?.[1]?.trim() || fallback;
}

/** Fetches a file with the session and saves it under the server's name; throws ApiError on failure. */
export async function download(url: string, fallbackName: string): Promise<void> {
  let response: Response;
  try {
    response = await fetch(url, { credentials: 'same-origin' });
  } catch (cause) {
    throw new ApiError(0, 'network_error', cause instanceof Error ? cause.message : 'Network error');
  }
  if (!response.ok) throw await toApiError(response);
  const blob = await response.blob();
  const link = document.createElement('a');
  link.href = URL.createObjectURL(blob);
  link.download = fileNameOf(response.headers.get('Content-Disposition'), fallbackName);
  document.body.append(link);
  link.click();
  link.remove();
  setTimeout(() => URL.revokeObjectURL(link.href), 10_000);
}

/** Waits for an export job to finish, reporting its progress; throws when it failed. */
async function finishedJob(id: string, onProgress: (job: TExportJob) => void): Promise<TExportJob> {
  for (;;) {
    const job = await api<TExportJob>(`/api/v1/exports/jobs/${id}`);
    onProgress(job);
    if (job.status === 'done') return job;
    if (job.status === 'failed') throw new ApiError(500, 'internal_error', job.error ?? 'Export failed');
    await new Promise((resolve) => setTimeout(resolve, 500));
  }
}

/**
 * Downloads a list as shown (search, filters, sort, columns) as a CSV file, an Excel workbook or
 * (contacts) vCard cards. The server writes the file as a background job; a dialog shows how many
 * records are written until the download starts. Used by the customer lists and the catalogue.
 */
export function ExportButton({ resource, query, columns, formats = ['csv', 'xlsx'] }: Props) {
  const { t } = useTranslation();
  const { message } = App.useApp();
  const { locale } = useLocale();
  const [job, setJob] = useState<TExportJob | null>(null);

  const run = async (format: Format) => {
    setJob({
      id: '',
      resource,
      format,
      status: 'queued',
      total: null,
      processed: 0,
      fileName: null,
      size: null,
      error: null,
      createdAt: '',
      finishedAt: null,
    });
    try {
      const shown = Object.fromEntries(Object.entries(query).filter((entry): entry is [string, string] => entry[1] !== undefined));
      const started = await api<TExportJob>('/api/v1/exports', {
        method: 'POST',
        body: { resource, format, ...(columns ? { columns: columns.join(',') } : {}), query: shown },
      });
      const done = await finishedJob(started.id, setJob);
      await download(`/api/v1/exports/jobs/${done.id}/file`, done.fileName ?? `${resource}.${format}`);
    } catch (error) {
      message.error(errorMessage(t, error));
    } finally {
      setJob(null);
    }
  };

  const percent = job?.total ? Math.floor((job.processed * 100) / job.total) : 0;
  return (
    <>
      <Dropdown
        trigger={['click']}
        menu={{ items: formats.map((format) => ({ key: format, label: t(`export.${format}`) })), onClick: ({ key }) => run(key as Format) }}
      >
        <Button icon={<DownloadOutlined />} loading={job !== null}>
          {t('export.button')}
        </Button>
      </Dropdown>
      <Modal open={job !== null} title={t('export.progressTitle')} footer={null} closable={false} maskClosable={false}>
        <Progress percent={percent} status="active" />
        <Typography.Text type="secondary">
          {job?.total === null || job?.total === undefined
            ? t('export.preparing')
            : t('export.progress', { written: formatNumber(job.processed, locale), total: formatNumber(job.total, locale) })}
        </Typography.Text>
      </Modal>
    </>
  );
}
