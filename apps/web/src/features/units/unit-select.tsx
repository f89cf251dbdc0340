import { TreeSelect } from 'antd';
import { useMemo } from 'react';
import { useTranslation } from 'react-i18next';
import { useLocale } from '../locale/locale-context.tsx';
import { useUnits } from './api.ts';
import { buildUnitTree, type UnitNode } from './unit-tree.ts';

type TreeOption = { value: string; title: string; children: TreeOption[] };

function toOptions(nodes: UnitNode[]): TreeOption[] {
  return nodes.map(({ unit, children }) => ({ value: unit.id, title: unit.name, children: toOptions(children) }));
}

type Props = { value?: string | null; onChange?: (value: string | null) => void; id?: string; placeholder?: string; 'aria-label'?: string };

/** Chooses one unit from the tree; clearing it means "no unit". Usable as an antd form control. */
export function UnitSelect({ value, onChange, id, placeholder, 'aria-label': ariaLabel }: Props) {
  const { t } = useTranslation();
  const { locale } = useLocale();
  const units = useUnits();
  const treeData = useMemo(() => toOptions(buildUnitTree(units.data ?? [], locale)), [units.data, locale]);
  return (
    <TreeSelect
      id={id}
      aria-label={ariaLabel}
      value={value ?? undefined}
      onChange={(next?: string) => onChange?.(next ?? null)}
      treeData={treeData}
      treeDefaultExpandAll
      allowClear
      showSearch={{ treeNodeFilterProp: 'title' }}
      loading={units.isPending}
      placeholder={placeholder ?? t('users.noUnit')}
      notFoundContent={t('units.empty')}
    />
  );
}
