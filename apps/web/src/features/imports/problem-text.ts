import type { TImportEntity, TImportProblem } from '@clientela/contract';
import { useTranslation } from 'react-i18next';
import { formatNumber } from '../../lib/format.ts';
import { useLocale } from '../locale/locale-context.tsx';
import { useStoredLabel } from './field-labels.ts';
import { repeatedLine } from './problems.ts';

type Problem = Pick<TImportProblem, 'code' | 'field' | 'value' | 'stored' | 'repeatsLine'>;

/** How a problem reads: its reason (a repeated row names the line it repeats) and the value stored instead, if any. */
export function useProblemText(entity: TImportEntity) {
  const { t } = useTranslation('imports');
  const { locale } = useLocale();
  const storedLabel = useStoredLabel(entity);
  return {
    reason: (problem: Problem): string => {
      const line = repeatedLine(problem);
      return line === null ? t(`problems.${problem.code}`) : t('reasons.repeatsLine', { line: formatNumber(line, locale) });
    },
    /** Null when nothing was stored, or the "stored" value is the repeated line rather than a value. */
    stored: (problem: Problem): string | null => {
      if (problem.stored === null || repeatedLine(problem) !== null) return null;
      return storedLabel(problem.field, problem.stored);
    },
  };
}
