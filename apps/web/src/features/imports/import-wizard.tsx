import { ArrowLeftOutlined, PlusOutlined } from '@ant-design/icons';
import type { TImport, TImportEntity } from '@clientela/contract';
import { Card, Flex, Steps } from 'antd';
import { useTranslation } from 'react-i18next';
import { Link, useParams, useSearchParams } from 'react-router';
import { ErrorAlert } from '../../components/error-alert.tsx';
import { PageHeader } from '../../components/page-header.tsx';
import { PageSpinner } from '../../components/page-spinner.tsx';
import { useImport } from './api.ts';
import { FileSummary } from './file-summary.tsx';
import { MappingStep } from './mapping-step.tsx';
import { PreviewStep } from './preview-step.tsx';
import { ProgressStep } from './progress-step.tsx';
import { UploadStep } from './upload-step.tsx';

const STEPS = ['upload', 'map', 'preview', 'progress'] as const;

/** Which step an import is at: its columns and check while it is being set up (the address says which), then its run. */
function stepOf(id: string | undefined, imp: TImport | undefined, wantsPreview: boolean): number {
  if (!id) return 0;
  if (imp && imp.status !== 'mapping') return 3;
  return wantsPreview ? 2 : 1;
}

/** `/imports/new` and `/imports/:id`: upload a file, map its columns, check the first rows, run and follow the import. */
export function ImportWizard() {
  const { t } = useTranslation('imports');
  const { id } = useParams();
  const [params, setParams] = useSearchParams();
  const imp = useImport(id);
  const entity: TImportEntity = imp.data?.entity ?? (params.get('entity') === 'contact' ? 'contact' : 'company');
  const step = stepOf(id, imp.data, params.get('step') === 'preview');
  const finished = imp.data?.status === 'done' || imp.data?.status === 'failed' || imp.data?.status === 'cancelled';

  const content = () => {
    if (!id) return <UploadStep entity={entity} onEntityChange={(value) => setParams({ entity: value }, { replace: true })} />;
    if (imp.isPending) return <PageSpinner />;
    if (!imp.data) return <ErrorAlert error={imp.error} />;
    if (step === 1) return <MappingStep key={imp.data.id} imp={imp.data} onSaved={() => setParams({ step: 'preview' })} />;
    if (step === 2) return <PreviewStep imp={imp.data} onBack={() => setParams({})} />;
    return <ProgressStep imp={imp.data} />;
  };

  return (
    <>
      <PageHeader
        title={imp.data?.fileName ?? (id ? t('title') : t('new'))}
        subtitle={t(`entities.${entity}`)}
        extra={
          <Flex gap={16} wrap align="center">
            {finished && (
              <Link to={`/imports/new?entity=${entity}`}>
                <PlusOutlined /> {t('upload.another')}
              </Link>
            )}
            <Link to="/imports">
              <ArrowLeftOutlined /> {t('backToList')}
            </Link>
          </Flex>
        }
      />
      <Card style={{ marginBottom: 16 }}>
        <Steps
          current={step}
          // A finished import has done its last step too; a failed one stopped there.
          status={imp.data?.status === 'done' ? 'finish' : imp.data?.status === 'failed' ? 'error' : 'process'}
          items={STEPS.map((key) => ({ key, title: t(`steps.${key}`) }))}
        />
        {imp.data && (
          <div style={{ marginTop: 24 }}>
            <FileSummary imp={imp.data} />
          </div>
        )}
      </Card>
      {content()}
    </>
  );
}
