import { DownloadOutlined } from '@ant-design/icons';
import type { TRecordEntity, TSavedQuery } from '@clientela/contract';
import { App, Button, Dropdown } from 'antd';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { ApiError, toApiError } from '../../lib/api.ts';
import { errorMessage } from '../../lib/errors.ts';
import { exportUrl, RESOURCE } from './api.ts';

type Format = 'csv' | 'xlsx' | 'vcf';
type Props = { entity: TRecordEntity; query: TSavedQuery; columns: readonly string[] };

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

/** Downloads the list as shown (search, filters, sort, columns) as a CSV file, an Excel workbook or (contacts) vCard cards. */
export function ExportButton({ entity, query, columns }: Props) {
  const { t } = useTranslation('customers');
  const { t: tc } = useTranslation();
  const { message } = App.useApp();
  const [busy, setBusy] = useState(false);

  const run = async (format: Format) => {
    setBusy(true);
    try {
      await download(exportUrl(entity, query, columns, format), `${RESOURCE[entity]}.${format}`);
    } catch (error) {
      message.error(errorMessage(tc, error));
    } finally {
      setBusy(false);
    }
  };

  return (
    <Dropdown
      trigger={['click']}
      menu={{
        items: [
          { key: 'csv', label: t('export.csv') },
          { key: 'xlsx', label: t('export.xlsx') },
          // Address books read vCard: people only.
          ...(entity === 'contact' ? [{ key: 'vcf', label: t('export.vcf') }] : []),
        ],
        onClick: ({ key }) => run(key as Format),
      }}
    >
      <Button icon={<DownloadOutlined />} loading={busy}>
        {t('export.button')}
      </Button>
    </Dropdown>
  );
}
