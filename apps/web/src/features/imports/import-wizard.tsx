import { ArrowLeftOutlined, PlusOutlined } from '@ant-design/icons';
import { IMPORT_ENTITIES, type TImport, type TImportEntity } from '@clientela/contract';
import { Card, Flex, Steps } from 'antd';
import { useTranslation } from 'react-i18next';
import { Link, useParams, useSearchParams } from 'react-router';
import { ErrorAlert } from '../../components/error-alert.tsx';
import { PageHeader } from '../../components/page-header.tsx';
import { PageSpinner } from '../../components/page-spinner.tsx';
import { useImport } from './api.ts';
import { FileSummary } from './file-summary.tsx';
import { hasValuesStep } from './mapping.ts';
import { MappingStep } from './mapping-step.tsx';
import { PreviewStep } from './preview-step.tsx';
import { ProgressStep } from './progress-step.tsx';
import { UploadStep } from './upload-step.tsx';
import { ValuesStep } from './values-step.tsx';

type Step = 'upload' | 'map' | 'values' | 'preview' | 'progress';

/** The wizard's steps: files naming products, stages or people by name get a step to map the names not found. */
const stepsOf = (entity: TImportEntity): Step[] =>
  hasValuesStep(entity) ? ['upload', 'map', 'values', 'preview', 'progress'] : ['upload', 'map', 'preview', 'progress'];

/** Which step an import is at: its columns, values and check while it is being set up (the address says which), then its run. */
function stepOf(id: string | undefined, imp: TImport | undefined, wanted: string | null): Step {
  if (!id) return 'upload';
  if (imp && imp.status !== 'mapping') return 'progress';
  if (wanted === 'values' && imp && hasValuesStep(imp.entity)) return 'values';
  return wanted === 'preview' ? 'preview' : 'map';
}

const entityOf = (written: string | null): TImportEntity =>
  (IMPORT_ENTITIES as readonly string[]).includes(written ?? '') ? (written as TImportEntity) : 'company';

/** `/imports/new` and `/imports/:id`: upload a file, map its columns, check the first rows, run and follow the import. */
export function ImportWizard() {
  const { t } = useTranslation('imports');
  const { id } = useParams();
  const [params, setParams] = useSearchParams();
  const imp = useImport(id);
  const entity: TImportEntity = imp.data?.entity ?? entityOf(params.get('entity'));
  const step = stepOf(id, imp.data, params.get('step'));
  const steps = stepsOf(entity);
  const finished = imp.data?.status === 'done' || imp.data?.status === 'failed' || imp.data?.status === 'cancelled';

  const content = () => {
    if (!id) return <UploadStep entity={entity} onEntityChange={(value) => setParams({ entity: value }, { replace: true })} />;
    if (imp.isPending) return <PageSpinner />;
    if (!imp.data) return <ErrorAlert error={imp.error} />;
    const values = hasValuesStep(imp.data.entity);
    if (step === 'map')
      return <MappingStep key={imp.data.id} imp={imp.data} onSaved={() => setParams({ step: values ? 'values' : 'preview' })} />;
    if (step === 'values') return <ValuesStep imp={imp.data} onBack={() => setParams({})} onNext={() => setParams({ step: 'preview' })} />;
    if (step === 'preview') return <PreviewStep imp={imp.data} onBack={() => setParams(values ? { step: 'values' } : {})} />;
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
          current={steps.indexOf(step)}
          // A finished import has done its last step too; a failed one stopped there.
          status={imp.data?.status === 'done' ? 'finish' : imp.data?.status === 'failed' ? 'error' : 'process'}
          items={steps.map((key) => ({ key, title: t(`steps.${key}`) }))}
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
