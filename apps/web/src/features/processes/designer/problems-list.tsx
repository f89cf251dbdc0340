import type { TProcessProblem, TProcessValidation } from '@clientela/contract';
import { Alert, Button, List, Tag } from 'antd';
import { useTranslation } from 'react-i18next';
import { problemMessage } from './problems.ts';

type Props = {
  validation: TProcessValidation;
  elementName: (elementId: string) => string | null;
  onReveal: (elementId: string) => void;
  onClose: () => void;
};

/** The model check's errors and warnings; clicking one selects its element on the canvas. */
export function ProblemsList({ validation, elementName, onReveal, onClose }: Props) {
  const { t } = useTranslation('processDesigner');
  const translate = (key: string, options: Record<string, unknown>) => t(key as 'problems.onElement', options) as string;
  const rows = [
    ...validation.errors.map((problem) => ({ problem, severity: 'error' as const })),
    ...validation.warnings.map((problem) => ({ problem, severity: 'warning' as const })),
  ];
  if (rows.length === 0) {
    return <Alert type="success" showIcon closable onClose={onClose} title={t('check.clean')} style={{ marginBottom: 12 }} />;
  }
  const describe = (problem: TProcessProblem) =>
    problemMessage(translate, problem, problem.elementId ? elementName(problem.elementId) : null);
  return (
    <Alert
      type={validation.errors.length > 0 ? 'error' : 'warning'}
      showIcon
      closable
      onClose={onClose}
      style={{ marginBottom: 12 }}
      title={t('check.summary', { errors: validation.errors.length, warnings: validation.warnings.length })}
      description={
        <List
          size="small"
          aria-label={t('check.listLabel')}
          dataSource={rows}
          renderItem={({ problem, severity }) => (
            <List.Item style={{ justifyContent: 'flex-start', gap: 8 }}>
              <Tag color={severity === 'error' ? 'red' : 'gold'}>{t(severity === 'error' ? 'check.error' : 'check.warning')}</Tag>
              {problem.elementId ? (
                <Button
                  type="link"
                  size="small"
                  style={{ padding: 0, height: 'auto', whiteSpace: 'normal', textAlign: 'left' }}
                  onClick={() => onReveal(problem.elementId ?? '')}
                >
                  {describe(problem)}
                </Button>
              ) : (
                describe(problem)
              )}
            </List.Item>
          )}
        />
      }
    />
  );
}
