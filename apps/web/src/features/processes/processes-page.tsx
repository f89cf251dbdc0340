import { BPMN_XML_MAX, type TProcessDefinition } from '@clientela/contract';
import { App, Button, Card, Form, Input, List, Modal, Space, Table, Tag, Typography } from 'antd';
import { useRef, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Link, useNavigate } from 'react-router';
import { ErrorAlert } from '../../components/error-alert.tsx';
import { PageHeader } from '../../components/page-header.tsx';
import { isApiError } from '../../lib/api.ts';
import { errorMessage } from '../../lib/errors.ts';
import { formatNumber } from '../../lib/format.ts';
import { useMe } from '../auth/api.ts';
import { useLocale } from '../locale/locale-context.tsx';
import { useCreateProcessDefinition, useProcessDefinitions, useProcessTemplates } from './definitions-api.ts';
import { manualTriggers, StartProcessModal } from './start-process-modal.tsx';

/** `/processes`: the workspace's processes; admins create, import and design them, everyone starts published ones. */
export function ProcessesPage() {
  const { t } = useTranslation('processDesigner');
  const { t: tc } = useTranslation();
  const { locale } = useLocale();
  const { message, modal } = App.useApp();
  const me = useMe();
  const isAdmin = me.role === 'admin';
  const navigate = useNavigate();
  const definitions = useProcessDefinitions();
  const create = useCreateProcessDefinition();
  const [creating, setCreating] = useState(false);
  const [choosingTemplate, setChoosingTemplate] = useState(false);
  const [starting, setStarting] = useState<TProcessDefinition | null>(null);
  const fileInput = useRef<HTMLInputElement>(null);
  const [form] = Form.useForm<{ name: string }>();

  const design = (id: string) => navigate(`/processes/${id}/design`);

  const onCreate = async ({ name }: { name: string }) => {
    try {
      const created = await create.mutateAsync({ name });
      setCreating(false);
      design(created.id);
    } catch (error) {
      message.error(errorMessage(tc, error));
    }
  };

  const onTemplate = async (templateKey: string, name: string) => {
    try {
      const created = await create.mutateAsync({ name, templateKey: templateKey as never });
      setChoosingTemplate(false);
      design(created.id);
    } catch (error) {
      message.error(errorMessage(tc, error));
    }
  };

  const onImport = async (file: File) => {
    if (file.size > BPMN_XML_MAX) {
      modal.error({ title: t('list.importBpmn'), content: t('list.fileTooLarge') });
      return;
    }
    const name = file.name.replace(/\.(bpmn|xml)$/i, '').trim() || file.name;
    try {
      const created = await create.mutateAsync({ name: name.slice(0, 200), xml: await file.text() });
      design(created.id);
    } catch (error) {
      // The server says what is wrong with the model (e.g. which line does not parse): show it as it is.
      const detail = isApiError(error) && error.message && error.message !== error.code ? error.message : errorMessage(tc, error);
      modal.error({ title: t('list.importBpmn'), content: t('list.importFailed', { detail }) });
    }
  };

  return (
    <>
      <PageHeader
        title={t('list.title')}
        subtitle={t('list.subtitle')}
        extra={
          isAdmin && (
            <Space wrap>
              <Button type="primary" onClick={() => setCreating(true)}>
                {t('list.new')}
              </Button>
              <Button onClick={() => setChoosingTemplate(true)}>{t('list.fromTemplate')}</Button>
              <Button onClick={() => fileInput.current?.click()} loading={create.isPending && !creating && !choosingTemplate}>
                {t('list.importBpmn')}
              </Button>
              <input
                ref={fileInput}
                type="file"
                accept=".bpmn,.xml,application/xml,text/xml"
                aria-label={t('list.importBpmn')}
                style={{ display: 'none' }}
                onChange={(event) => {
                  const file = event.target.files?.[0];
                  event.target.value = '';
                  if (file) void onImport(file);
                }}
              />
            </Space>
          )
        }
      />
      <Card>
        <ErrorAlert error={definitions.error} />
        <Table<TProcessDefinition>
          rowKey="id"
          loading={definitions.isPending}
          dataSource={definitions.data?.data ?? []}
          pagination={false}
          locale={{ emptyText: t('list.empty') }}
          onRow={(row) => ({ onClick: () => navigate(`/processes/${row.id}`), style: { cursor: 'pointer' } })}
          columns={[
            {
              key: 'name',
              title: t('list.name'),
              render: (_, row) => (
                <Space orientation="vertical" size={0}>
                  <Link to={`/processes/${row.id}`} onClick={(event) => event.stopPropagation()}>
                    {row.name}
                  </Link>
                  {row.description && <Typography.Text type="secondary">{row.description}</Typography.Text>}
                </Space>
              ),
            },
            {
              key: 'version',
              title: t('list.version'),
              render: (_, row) => (
                <Space size={4} wrap>
                  {row.publishedVersion ? (
                    <Tag color="green">{t('list.versionTag', { version: row.publishedVersion })}</Tag>
                  ) : (
                    <Tag>{t('list.draft')}</Tag>
                  )}
                  {row.publishedVersion && row.hasUnpublishedChanges && <Tag color="orange">{t('list.unpublished')}</Tag>}
                </Space>
              ),
            },
            {
              key: 'triggers',
              title: t('list.triggers'),
              render: (_, row) => [...new Set(row.triggers.map((trigger) => t(`triggers.${trigger.kind}`)))].join(', ') || '—',
            },
            { key: 'running', title: t('list.running'), align: 'right', render: (_, row) => formatNumber(row.running, locale) },
            {
              key: 'actions',
              title: t('list.actions'),
              render: (_, row) => (
                <Space onClick={(event) => event.stopPropagation()}>
                  {row.publishedVersion && manualTriggers(row).length > 0 && (
                    <Button size="small" type="primary" onClick={() => setStarting(row)}>
                      {t('list.start')}
                    </Button>
                  )}
                  {isAdmin && (
                    <Button size="small" onClick={() => design(row.id)}>
                      {t('list.design')}
                    </Button>
                  )}
                </Space>
              ),
            },
          ]}
        />
      </Card>
      <Modal
        open={creating}
        title={t('list.newTitle')}
        okText={t('list.create')}
        onOk={() => form.submit()}
        confirmLoading={create.isPending}
        onCancel={() => setCreating(false)}
        destroyOnHidden
      >
        <Form form={form} layout="vertical" onFinish={onCreate} preserve={false}>
          <Form.Item
            name="name"
            label={t('list.nameLabel')}
            rules={[{ required: true, whitespace: true, message: tc('validation.required') }]}
          >
            <Input maxLength={200} autoFocus />
          </Form.Item>
        </Form>
      </Modal>
      {choosingTemplate && <TemplatesModal onUse={onTemplate} busy={create.isPending} onClose={() => setChoosingTemplate(false)} />}
      {starting && (
        <StartProcessModal
          definition={starting}
          onClose={() => setStarting(null)}
          onStarted={(id) => navigate(`/processes/instances/${id}`)}
        />
      )}
    </>
  );
}

type TemplatesProps = { onUse: (key: string, name: string) => void; busy: boolean; onClose: () => void };

/** The ready-made processes, each with what it does, to start a new process from. */
function TemplatesModal({ onUse, busy, onClose }: TemplatesProps) {
  const { t } = useTranslation('processDesigner');
  const templates = useProcessTemplates(true);
  return (
    <Modal open title={t('list.templatesTitle')} footer={null} onCancel={onClose} width={640}>
      <ErrorAlert error={templates.error} />
      <List
        loading={templates.isPending}
        dataSource={templates.data ?? []}
        renderItem={(template) => (
          <List.Item
            actions={[
              <Button key="use" type="primary" size="small" loading={busy} onClick={() => onUse(template.key, template.name)}>
                {t('list.useTemplate')}
              </Button>,
            ]}
          >
            <List.Item.Meta title={template.name} description={template.description} />
          </List.Item>
        )}
      />
    </Modal>
  );
}
