import { CloseCircleFilled, ExclamationCircleFilled } from '@ant-design/icons';
import type { TImport, TImportPreview, TImportProblem } from '@clientela/contract';
import { Flex, Table, Tooltip, Typography } from 'antd';
import type { CSSProperties, ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import { useFieldLabel } from './field-labels.ts';
import { useProblemText } from './problem-text.ts';
import { problemColumn, type Severity, severities } from './problems.ts';
import { RECORDS_PATH, recordPath } from './record-paths.ts';
import { OutcomeTag } from './status-tags.tsx';

type Row = TImportPreview['rows'][number];
type Found = { problem: TImportProblem; severity: Severity };

/** Red for what keeps the row out, orange for a value changed or left out; a bar as well, not only a colour. */
export const SEVERITY_STYLE: Record<Severity, CSSProperties> = {
  error: { background: '#fff1f0', boxShadow: 'inset 3px 0 0 #f5222d' },
  warning: { background: '#fff7e6', boxShadow: 'inset 3px 0 0 #fa8c16' },
};
const ICON: Record<Severity, ReactNode> = {
  error: <CloseCircleFilled style={{ color: '#f5222d' }} />,
  warning: <ExclamationCircleFilled style={{ color: '#fa8c16' }} />,
};

/** Each problem of a row with its severity, grouped by the column it concerns (-1: the whole row). */
function problemsByColumn(row: Row, imp: TImport): Map<number, Found[]> {
  const levels = severities(row.problems);
  const byColumn = new Map<number, Found[]>();
  row.problems.forEach((problem, index) => {
    const column = problemColumn(problem, imp.mapping.columns) ?? -1;
    byColumn.set(column, [...(byColumn.get(column) ?? []), { problem, severity: levels[index] ?? 'warning' }]);
  });
  return byColumn;
}

const worst = (found: Found[]): Severity => (found.some((one) => one.severity === 'error') ? 'error' : 'warning');

/** A cell with problems: highlighted, with the reasons on hover or focus. */
function ProblemCell({ value, found, describe }: { value: string; found: Found[]; describe: (problem: TImportProblem) => string }) {
  const severity = worst(found);
  const reasons = found.map(({ problem }, index) => (
    // biome-ignore lint/suspicious/noArrayIndexKey: a cell's problems never move.
    <div key={index}>{describe(problem)}</div>
  ));
  return (
    <Tooltip title={reasons} trigger={['hover', 'focus']}>
      {/* biome-ignore lint/a11y/noNoninteractiveTabindex: keyboard users reach the reason through focus. */}
      <span tabIndex={0} data-severity={severity} style={{ display: 'inline-flex', gap: 6, alignItems: 'center' }}>
        {ICON[severity]}
        {value}
      </span>
    </Tooltip>
  );
}

/** The first rows of the file as they would be imported: problem cells highlighted, each row's outcome and look-alike. */
export function PreviewTable({ imp, rows, loading }: { imp: TImport; rows: Row[]; loading: boolean }) {
  const { t } = useTranslation('imports');
  const fieldLabel = useFieldLabel(imp.entity);
  const text = useProblemText(imp.entity);
  const problems = new Map(rows.map((row) => [row.line, problemsByColumn(row, imp)]));
  const describe = (problem: TImportProblem) => {
    const stored = text.stored(problem);
    const reason = text.reason(problem);
    return stored !== null && stored !== problem.value ? `${reason} ${t('preview.storedAs', { value: stored })}` : reason;
  };
  /** What the outcome column says: the problems of the whole row, and why a rejected row is rejected (also shown in its cell). */
  const listed = (row: Row): Found[] =>
    [...(problems.get(row.line) ?? new Map<number, Found[]>()).entries()].flatMap(([column, found]) =>
      column === -1
        ? // "Looks like <record>" says more than the bare duplicate message.
          found.filter(({ problem }) => !(row.duplicateOf && problem.code === 'duplicate_in_base'))
        : found.filter(({ severity }) => severity === 'error'),
    );

  const fileColumns = imp.headers.map((header, index) => {
    const field = imp.mapping.columns[index]?.field ?? null;
    return {
      key: `column-${index}`,
      title: (
        <Flex vertical>
          <span>{header || t('mapping.noHeader', { number: index + 1 })}</span>
          <Typography.Text type="secondary" style={{ fontSize: 12, fontWeight: 'normal' }}>
            {field ? `→ ${fieldLabel(field)}` : t('preview.notImported')}
          </Typography.Text>
        </Flex>
      ),
      onCell: (row: Row) => {
        const found = problems.get(row.line)?.get(index);
        return found ? { style: SEVERITY_STYLE[worst(found)] } : {};
      },
      render: (_: unknown, row: Row) => {
        const value = row.cells[index] ?? '';
        const found = problems.get(row.line)?.get(index);
        if (found) return <ProblemCell value={value} found={found} describe={describe} />;
        return field ? value : <Typography.Text type="secondary">{value}</Typography.Text>;
      },
    };
  });

  return (
    <Table<Row>
      rowKey="line"
      dataSource={rows}
      loading={loading}
      pagination={false}
      size="small"
      scroll={{ x: 'max-content' }}
      locale={{ emptyText: t('preview.noRows') }}
      columns={[
        { key: 'line', title: t('preview.line'), dataIndex: 'line', fixed: 'left', align: 'right' },
        {
          key: 'outcome',
          title: t('preview.outcome'),
          render: (_, row) => {
            const whole = listed(row);
            return (
              <Flex vertical gap={4} align="flex-start" style={{ minWidth: 120, maxWidth: 170 }}>
                <OutcomeTag outcome={row.outcome} />
                {whole.map(({ problem, severity }, index) => (
                  // biome-ignore lint/suspicious/noArrayIndexKey: a row's problems never move.
                  <Typography.Text key={index} type={severity === 'error' ? 'danger' : 'warning'} style={{ fontSize: 12 }}>
                    {text.reason(problem)}
                    {problem.field && ` (${fieldLabel(problem.field)})`}
                  </Typography.Text>
                ))}
                {row.duplicateOf && (
                  <Typography.Text style={{ fontSize: 12 }}>
                    {t('preview.looksLike')}{' '}
                    <Link to={recordPath(imp.entity, row.duplicateOf.id) ?? RECORDS_PATH[imp.entity]}>{row.duplicateOf.name}</Link>
                  </Typography.Text>
                )}
              </Flex>
            );
          },
        },
        ...fileColumns,
      ]}
    />
  );
}
