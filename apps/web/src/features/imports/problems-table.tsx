import type { TImport, TImportProblem } from '@clientela/contract';
import { Button, Flex, Table, Typography } from 'antd';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import { ErrorAlert } from '../../components/error-alert.tsx';
import { formatNumber } from '../../lib/format.ts';
import { useLocale } from '../locale/locale-context.tsx';
import { useImportProblems } from './api.ts';
import { useFieldLabel } from './field-labels.ts';
import { useProblemText } from './problem-text.ts';
import { recordPath } from './record-paths.ts';
import { OutcomeTag } from './status-tags.tsx';

type Row = TImportProblem & { key: string };

const DUPLICATE_CODES = new Set<TImportProblem['code']>(['duplicate_in_base', 'duplicate_in_file']);

/** Every row the run rejected, skipped or changed: line, field, reason, the value as written and as stored. */
export function ProblemsTable({ imp }: { imp: TImport }) {
  const { t } = useTranslation('imports');
  const { locale } = useLocale();
  const fieldLabel = useFieldLabel(imp.entity);
  const text = useProblemText(imp.entity);
  const problems = useImportProblems(imp.id);
  const rows: Row[] = (problems.data?.pages.flatMap((page) => page.data) ?? []).map((problem, index) => ({
    ...problem,
    key: String(index),
  }));
  const total = problems.data?.pages[0]?.total ?? 0;
  const empty = (value: string | null) => value ?? <Typography.Text type="secondary">—</Typography.Text>;

  return (
    <>
      <ErrorAlert error={problems.error} />
      <Table<Row>
        rowKey="key"
        dataSource={rows}
        loading={problems.isPending}
        pagination={false}
        size="small"
        scroll={{ x: 'max-content' }}
        locale={{ emptyText: t('result.noProblems') }}
        columns={[
          { key: 'line', title: t('result.line'), align: 'right', render: (_, row) => formatNumber(row.line, locale) },
          {
            key: 'field',
            title: t('result.field'),
            render: (_, row) => (row.field ? fieldLabel(row.field) : <Typography.Text type="secondary">{t('result.row')}</Typography.Text>),
          },
          {
            key: 'reason',
            title: t('result.reason'),
            render: (_, row) => (
              <Flex vertical gap={2}>
                <span>{text.reason(row)}</span>
                {row.recordId && recordPath(imp.entity, row.recordId) && (
                  <Link to={recordPath(imp.entity, row.recordId) as string}>
                    {/* A duplicate points at the record it looks like; any other problem at the record the row became. */}
                    {t(DUPLICATE_CODES.has(row.code) ? 'result.openRecord' : 'result.openImported')}
                  </Link>
                )}
              </Flex>
            ),
          },
          { key: 'value', title: t('result.value'), render: (_, row) => empty(row.value) },
          { key: 'stored', title: t('result.stored'), render: (_, row) => empty(text.stored(row)) },
          { key: 'outcome', title: t('preview.outcome'), render: (_, row) => <OutcomeTag outcome={row.outcome} /> },
        ]}
      />
      {rows.length > 0 && (
        <Flex justify="space-between" align="center" style={{ marginTop: 16 }}>
          <Typography.Text type="secondary">
            {t('shown', { shown: formatNumber(rows.length, locale), total: formatNumber(total, locale) })}
          </Typography.Text>
          {problems.hasNextPage && (
            <Button onClick={() => problems.fetchNextPage()} loading={problems.isFetchingNextPage}>
              {t('loadMore')}
            </Button>
          )}
        </Flex>
      )}
    </>
  );
}
