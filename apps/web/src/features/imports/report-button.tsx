import { DownloadOutlined } from '@ant-design/icons';
import { App, Button, Dropdown } from 'antd';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { download } from '../../components/export-button.tsx';
import { errorMessage } from '../../lib/errors.ts';
import { reportUrl } from './api.ts';

type Format = 'csv' | 'xlsx';

/** Downloads the rows the import rejected, skipped or changed, each with its reason and the original row. */
export function ReportButton({ importId }: { importId: string }) {
  const { t } = useTranslation('imports');
  const { t: tc } = useTranslation();
  const { message } = App.useApp();
  const [busy, setBusy] = useState(false);

  const run = async (format: Format) => {
    setBusy(true);
    try {
      await download(reportUrl(importId, format), `import-report.${format}`);
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
          { key: 'csv', label: t('result.reportCsv') },
          { key: 'xlsx', label: t('result.reportXlsx') },
        ],
        onClick: ({ key }) => run(key as Format),
      }}
    >
      <Button icon={<DownloadOutlined />} loading={busy}>
        {t('result.report')}
      </Button>
    </Dropdown>
  );
}
