import type { TAbsence } from '@clientela/contract';
import { App, Button, Card, Popconfirm, Table, type TableColumnsType, Tag } from 'antd';
import { useTranslation } from 'react-i18next';
import { ErrorAlert } from '../../components/error-alert.tsx';
import { PageHeader } from '../../components/page-header.tsx';
import { errorMessage } from '../../lib/errors.ts';
import { useMe } from '../auth/api.ts';
import { useFormatters } from '../customers/date-format.ts';
import { AbsenceForm } from './absence-form.tsx';
import { useDeleteAbsence, useUpcomingAbsences } from './api.ts';

/** `/absences`: mark an absence with a deputy; see the current and coming ones (mine, those I cover, my team's); cancel one. */
export function AbsencesPage() {
  const { t } = useTranslation('absences');
  const { t: tc } = useTranslation();
  const { message } = App.useApp();
  const me = useMe();
  const format = useFormatters();
  const absences = useUpcomingAbsences();
  const remove = useDeleteAbsence();

  const cancel = async (absence: TAbsence) => {
    try {
      await remove.mutateAsync(absence.id);
      message.success(t('list.cancelled'));
    } catch (error) {
      message.error(errorMessage(tc, error));
    }
  };

  const columns: TableColumnsType<TAbsence> = [
    { key: 'person', title: t('list.person'), render: (_, absence) => absence.user.name },
    {
      key: 'dates',
      title: t('list.dates'),
      render: (_, absence) => (
        <>
          {t('list.range', { from: format.calendarDate(absence.startsOn), to: format.calendarDate(absence.endsOn) })}{' '}
          {absence.current ? <Tag color="orange">{t('list.now')}</Tag> : <Tag>{t('list.coming')}</Tag>}
        </>
      ),
    },
    { key: 'deputy', title: t('list.deputy'), render: (_, absence) => absence.deputy.name },
    { key: 'mode', title: t('list.mode'), render: (_, absence) => t(`list.modes.${absence.mode}`) },
    { key: 'note', title: t('list.note'), render: (_, absence) => absence.note ?? '' },
    {
      key: 'actions',
      render: (_, absence) =>
        // The deputy cannot cancel it; the server decides for the others.
        absence.deputy.id !== me.id && (absence.user.id === me.id || me.role !== 'employee') ? (
          <Popconfirm
            title={t('list.cancelConfirm')}
            okText={t('list.cancel')}
            cancelText={t('list.keep')}
            onConfirm={() => cancel(absence)}
          >
            <Button danger size="small">
              {t('list.cancel')}
            </Button>
          </Popconfirm>
        ) : null,
    },
  ];

  return (
    <>
      <PageHeader title={t('title')} subtitle={t('subtitle')} />
      <AbsenceForm />
      <Card title={t('list.title')}>
        <ErrorAlert error={absences.error} />
        <Table<TAbsence>
          rowKey="id"
          columns={columns}
          dataSource={absences.data?.data ?? []}
          pagination={false}
          loading={absences.isPending}
          locale={{ emptyText: t('list.empty') }}
          scroll={{ x: 'max-content' }}
        />
      </Card>
    </>
  );
}
