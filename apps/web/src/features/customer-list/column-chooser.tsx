import { ArrowDownOutlined, ArrowUpOutlined, InsertRowRightOutlined } from '@ant-design/icons';
import type { TCustomField, TRecordEntity } from '@clientela/contract';
import { Button, Checkbox, Divider, Flex, Popover, Tag, Typography } from 'antd';
import { useTranslation } from 'react-i18next';
import { columnChoices, customKeyOf, DEFAULT_COLUMNS, visibleColumns } from './columns.ts';
import { columnLabel } from './record-columns.tsx';

type Props = { entity: TRecordEntity; fields: readonly TCustomField[]; value: readonly string[]; onChange: (ids: string[]) => void };

/** A button opening the list of columns: tick the ones to show, move them up or down. */
export function ColumnChooser({ entity, fields, value, onChange }: Props) {
  const { t } = useTranslation('customers');
  const choices = columnChoices(entity, fields);
  const shown = visibleColumns(value, choices);
  const hidden = choices.filter((id) => !shown.includes(id));
  const label = (id: string) => columnLabel(t, id, fields);

  const move = (index: number, by: -1 | 1) => {
    const next = [...shown];
    const [id] = next.splice(index, 1);
    if (id) next.splice(index + by, 0, id);
    onChange(next);
  };
  const customTag = (id: string) =>
    customKeyOf(id) && (
      <Tag variant="outlined" style={{ marginInlineStart: 6 }}>
        {t('columnChooser.custom')}
      </Tag>
    );

  const content = (
    <div style={{ width: 300, maxHeight: 420, overflowY: 'auto' }} data-testid="column-chooser">
      <Typography.Text type="secondary">{t('columnChooser.shown')}</Typography.Text>
      {shown.map((id, index) => (
        <Flex key={id} align="center" justify="space-between" style={{ paddingBlock: 2 }}>
          <Checkbox checked disabled={id === 'name'} onChange={() => onChange(shown.filter((one) => one !== id))}>
            {label(id)}
            {customTag(id)}
          </Checkbox>
          {id !== 'name' && (
            <span>
              <Button
                type="text"
                size="small"
                icon={<ArrowUpOutlined />}
                disabled={index <= 1}
                aria-label={t('columnChooser.moveUp', { name: label(id) })}
                onClick={() => move(index, -1)}
              />
              <Button
                type="text"
                size="small"
                icon={<ArrowDownOutlined />}
                disabled={index === shown.length - 1}
                aria-label={t('columnChooser.moveDown', { name: label(id) })}
                onClick={() => move(index, 1)}
              />
            </span>
          )}
        </Flex>
      ))}
      {hidden.length > 0 && (
        <>
          <Divider style={{ margin: '8px 0' }} />
          <Typography.Text type="secondary">{t('columnChooser.hidden')}</Typography.Text>
          {hidden.map((id) => (
            <div key={id} style={{ paddingBlock: 2 }}>
              <Checkbox checked={false} onChange={() => onChange([...shown, id])}>
                {label(id)}
                {customTag(id)}
              </Checkbox>
            </div>
          ))}
        </>
      )}
      <Divider style={{ margin: '8px 0' }} />
      <Button type="link" size="small" style={{ padding: 0 }} onClick={() => onChange([...DEFAULT_COLUMNS[entity]])}>
        {t('columnChooser.reset')}
      </Button>
    </div>
  );

  return (
    <Popover content={content} title={t('columnChooser.title')} trigger="click" placement="bottomRight">
      <Button icon={<InsertRowRightOutlined />}>{t('columnChooser.button')}</Button>
    </Popover>
  );
}
