import {
  DeleteOutlined,
  FlagOutlined,
  MinusCircleOutlined,
  PlusCircleOutlined,
  UnorderedListOutlined,
  UserSwitchOutlined,
} from '@ant-design/icons';
import type { TRecordEntity } from '@clientela/contract';
import { Button, Flex, Typography } from 'antd';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { CustomerRecord } from './api.ts';
import { type BulkKind, BulkModal } from './bulk-modal.tsx';

type Props = {
  entity: TRecordEntity;
  selected: CustomerRecord[];
  /** The static list shown, whose members may be taken off it. */
  listId?: string;
  onDone: () => void;
  onDeselect: (ids: string[]) => void;
};

/** Shown while rows are selected: what can be done to all of them at once. */
export function BulkBar({ entity, selected, listId, onDone, onDeselect }: Props) {
  const { t } = useTranslation('customers');
  const [kind, setKind] = useState<BulkKind | null>(null);
  if (selected.length === 0) return null;

  const actions: { kind: BulkKind; icon: React.ReactNode }[] = [
    { kind: 'assignOwner', icon: <UserSwitchOutlined /> },
    { kind: 'addTag', icon: <PlusCircleOutlined /> },
    { kind: 'removeTag', icon: <MinusCircleOutlined /> },
    { kind: 'setStatus', icon: <FlagOutlined /> },
    { kind: 'addToList', icon: <UnorderedListOutlined /> },
  ];

  return (
    <Flex
      role="toolbar"
      aria-label={t('bulk.toolbar')}
      align="center"
      gap={8}
      wrap
      style={{ padding: '8px 12px', marginBottom: 12, background: '#e3f2ef', border: '1px solid #b7dcd5', borderRadius: 8 }}
    >
      <Typography.Text strong style={{ marginInlineEnd: 8 }} data-testid="bulk-selected">
        {t('bulk.selected', { count: selected.length })}
      </Typography.Text>
      {actions.map((action) => (
        <Button key={action.kind} size="small" icon={action.icon} onClick={() => setKind(action.kind)}>
          {t(`bulk.${action.kind}`)}
        </Button>
      ))}
      {listId && (
        <Button size="small" danger icon={<DeleteOutlined />} onClick={() => setKind('removeFromList')}>
          {t('bulk.removeFromList')}
        </Button>
      )}
      <Button size="small" type="link" onClick={onDone}>
        {t('bulk.clear')}
      </Button>
      {kind && (
        <BulkModal
          kind={kind}
          entity={entity}
          records={selected}
          listId={listId}
          onClose={() => setKind(null)}
          onDone={() => {
            setKind(null);
            onDone();
          }}
          onDeselect={onDeselect}
        />
      )}
    </Flex>
  );
}
