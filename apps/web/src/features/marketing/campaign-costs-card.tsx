import { DeleteOutlined, EditOutlined, PlusOutlined } from '@ant-design/icons';
import type { TCampaignCost, TCampaignDetail } from '@clientela/contract';
import { App, Button, Card, DatePicker, Flex, Form, Input, InputNumber, Popconfirm, Table } from 'antd';
import dayjs, { type Dayjs } from 'dayjs';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { ErrorAlert } from '../../components/error-alert.tsx';
import { errorMessage } from '../../lib/errors.ts';
import { DECIMAL_SEPARATOR } from '../../lib/format.ts';
import { DATE_INPUT_FORMAT } from '../customers/date-format.ts';
import { useLocale } from '../locale/locale-context.tsx';
import { moneyInput } from './campaign-payload.ts';
import { useAddCampaignCost, useDeleteCampaignCost, useUpdateCampaignCost } from './campaigns-api.ts';
import { showRenamedFieldErrors } from './form-errors.ts';
import { useMarketingFormat } from './marketing-format.ts';

type CostValues = { description?: string; planned?: number | null; actual?: number | null; incurredOn?: Dayjs | null };
const NEW = 'new';

/** The campaign's cost lines, added, changed and deleted in place. */
export function CampaignCostsCard({ campaign }: { campaign: TCampaignDetail }) {
  const { t } = useTranslation('marketing');
  const { t: tc } = useTranslation();
  const { message } = App.useApp();
  const { locale } = useLocale();
  const format = useMarketingFormat(campaign.baseCurrency);
  const [form] = Form.useForm<CostValues>();
  const [editing, setEditing] = useState<string | null>(null);
  const add = useAddCampaignCost();
  const update = useUpdateCampaignCost();
  const remove = useDeleteCampaignCost();
  const saving = add.isPending || update.isPending;
  const rows: TCampaignCost[] =
    editing === NEW ? [...campaign.costs, { id: NEW, description: '', planned: '0', actual: '0', incurredOn: '' }] : campaign.costs;

  const start = (cost: TCampaignCost | null) => {
    add.reset();
    update.reset();
    form.resetFields();
    form.setFieldsValue(
      cost
        ? { description: cost.description, planned: Number(cost.planned), actual: Number(cost.actual), incurredOn: dayjs(cost.incurredOn) }
        : { description: '', planned: null, actual: null, incurredOn: dayjs() },
    );
    setEditing(cost ? cost.id : NEW);
  };

  const save = async (values: CostValues) => {
    const input = {
      description: values.description?.trim() ?? '',
      planned: moneyInput(values.planned) ?? '0.00',
      actual: moneyInput(values.actual) ?? '0.00',
      incurredOn: (values.incurredOn ?? dayjs()).format('YYYY-MM-DD'),
    };
    try {
      if (editing === NEW) await add.mutateAsync({ campaignId: campaign.id, ...input });
      else if (editing) await update.mutateAsync({ campaignId: campaign.id, costId: editing, ...input });
      message.success(t('campaign.costSaved'));
      setEditing(null);
    } catch (error) {
      showRenamedFieldErrors(form, error, errorMessage(tc, error));
    }
  };

  const money = (name: 'planned' | 'actual') => (
    <Form.Item name={name} style={{ margin: 0 }}>
      <InputNumber
        min={0}
        precision={2}
        decimalSeparator={DECIMAL_SEPARATOR[locale]}
        aria-label={t(`campaign.${name}`)}
        style={{ width: 130 }}
      />
    </Form.Item>
  );
  const isEditing = (record: TCampaignCost) => record.id === editing;

  return (
    <Card
      title={t('campaign.costs')}
      extra={
        campaign.mayChange && (
          <Button icon={<PlusOutlined />} onClick={() => start(null)} disabled={editing !== null}>
            {t('campaign.addCost')}
          </Button>
        )
      }
    >
      <ErrorAlert error={add.error ?? update.error ?? remove.error} />
      <Form form={form} component={false} onFinish={save}>
        <Table<TCampaignCost>
          rowKey="id"
          size="small"
          dataSource={rows}
          pagination={false}
          locale={{ emptyText: t('campaign.noCosts') }}
          scroll={{ x: 'max-content' }}
          columns={[
            {
              key: 'description',
              title: t('campaign.costDescription'),
              render: (_, record) =>
                isEditing(record) ? (
                  <Form.Item
                    name="description"
                    style={{ margin: 0 }}
                    rules={[{ required: true, whitespace: true, message: t('campaign.descriptionRequired') }]}
                  >
                    <Input maxLength={300} aria-label={t('campaign.costDescription')} />
                  </Form.Item>
                ) : (
                  record.description
                ),
            },
            {
              key: 'planned',
              title: t('campaign.planned'),
              align: 'right',
              render: (_, record) => (isEditing(record) ? money('planned') : format.money(record.planned)),
            },
            {
              key: 'actual',
              title: t('campaign.actual'),
              align: 'right',
              render: (_, record) => (isEditing(record) ? money('actual') : format.money(record.actual)),
            },
            {
              key: 'incurredOn',
              title: t('campaign.incurredOn'),
              render: (_, record) =>
                isEditing(record) ? (
                  <Form.Item name="incurredOn" style={{ margin: 0 }} rules={[{ required: true, message: t('campaign.incurredOn') }]}>
                    <DatePicker format={DATE_INPUT_FORMAT[locale]} allowClear={false} aria-label={t('campaign.incurredOn')} />
                  </Form.Item>
                ) : (
                  <span className="nowrap">{format.day(record.incurredOn)}</span>
                ),
            },
            {
              key: 'actions',
              width: 170,
              render: (_, record) =>
                isEditing(record) ? (
                  <Flex gap={4}>
                    <Button type="primary" size="small" loading={saving} onClick={() => form.submit()}>
                      {tc('common.save')}
                    </Button>
                    <Button size="small" onClick={() => setEditing(null)}>
                      {tc('common.cancel')}
                    </Button>
                  </Flex>
                ) : (
                  campaign.mayChange && (
                    <Flex gap={4}>
                      <Button
                        type="text"
                        size="small"
                        icon={<EditOutlined />}
                        aria-label={t('common.edit')}
                        disabled={editing !== null}
                        onClick={() => start(record)}
                      />
                      <Popconfirm
                        title={t('common.confirmDelete')}
                        okText={t('common.yes')}
                        cancelText={t('common.no')}
                        onConfirm={async () => {
                          await remove.mutateAsync({ campaignId: campaign.id, costId: record.id });
                          message.success(t('campaign.costDeleted'));
                        }}
                      >
                        <Button type="text" size="small" danger icon={<DeleteOutlined />} aria-label={tc('common.delete')} />
                      </Popconfirm>
                    </Flex>
                  )
                ),
            },
          ]}
          summary={() =>
            campaign.costs.length > 0 && (
              <Table.Summary.Row>
                <Table.Summary.Cell index={0}>
                  <strong>{t('campaign.totals')}</strong>
                </Table.Summary.Cell>
                <Table.Summary.Cell index={1} align="right">
                  <strong data-testid="total-planned">{format.money(campaign.totals.planned)}</strong>
                </Table.Summary.Cell>
                <Table.Summary.Cell index={2} align="right">
                  <strong data-testid="total-actual">{format.money(campaign.totals.actual)}</strong>
                </Table.Summary.Cell>
                <Table.Summary.Cell index={3} colSpan={2} />
              </Table.Summary.Row>
            )
          }
        />
      </Form>
    </Card>
  );
}
