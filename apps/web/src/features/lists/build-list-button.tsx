import { UnorderedListOutlined } from '@ant-design/icons';
import { MEMBERS_FROM_FILTER_MAX, type TRecordEntity, type TSavedQuery, type TStaticList } from '@clientela/contract';
import { App, Button } from 'antd';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { useNavigate } from 'react-router';
import { formatNumber } from '../../lib/format.ts';
import { useLocale } from '../locale/locale-context.tsx';
import { useAddListMembers, useCreateList } from './api.ts';
import { ListFormModal, type ListValues } from './list-form-modal.tsx';

type Props = { entity: TRecordEntity; query: TSavedQuery; total: number };

/** "Save as list": a new static list holding every record the list's search and filters find now. */
export function BuildListButton({ entity, query, total }: Props) {
  const { t } = useTranslation('customers');
  const { locale } = useLocale();
  const { message } = App.useApp();
  const navigate = useNavigate();
  const [open, setOpen] = useState(false);
  // Kept when adding the members fails, so that trying again does not make a second list.
  const [created, setCreated] = useState<TStaticList | null>(null);
  const create = useCreateList();
  const addMembers = useAddListMembers(entity);

  const submit = async (values: ListValues) => {
    const list = created ?? (await create.mutateAsync({ entity, ...values }));
    setCreated(list);
    const result = await addMembers.mutateAsync({ id: list.id, query });
    message.success(t('lists.built', { name: list.name, count: result.memberCount }));
    navigate(`/lists/${list.id}`);
  };

  return (
    <>
      <Button icon={<UnorderedListOutlined />} onClick={() => setOpen(true)} disabled={total === 0}>
        {t('lists.fromFilter')}
      </Button>
      <ListFormModal
        open={open}
        title={t(`lists.fromFilterTitle.${entity}`)}
        intro={t('lists.fromFilterHint', {
          found: formatNumber(Math.min(total, MEMBERS_FROM_FILTER_MAX), locale),
          max: formatNumber(MEMBERS_FROM_FILTER_MAX, locale),
        })}
        saving={create.isPending || addMembers.isPending}
        error={create.error ?? addMembers.error}
        onSubmit={submit}
        onClose={() => {
          setOpen(false);
          setCreated(null);
          create.reset();
          addMembers.reset();
        }}
      />
    </>
  );
}
