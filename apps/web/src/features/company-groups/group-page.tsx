import { ArrowLeftOutlined, EditOutlined } from '@ant-design/icons';
import { type TCompanyGroup, ZCreateCompanyGroupInput } from '@clientela/contract';
import { App, Button, Card, Col, Flex, Form, Input, Modal, Result, Row, Skeleton, Table, Tag, Typography } from 'antd';
import { useEffect, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Link, useParams } from 'react-router';
import { ErrorAlert } from '../../components/error-alert.tsx';
import { isApiError } from '../../lib/api.ts';
import { errorMessage } from '../../lib/errors.ts';
import { showFieldErrors, zodRule } from '../../lib/form.ts';
import { TimelineCard } from '../activities/timeline-card.tsx';
import { StatusTag } from '../customers/customer-tags.tsx';
import { textOrNull } from '../customers/payload.ts';
import { useCompanyGroup, useUpdateCompanyGroup } from './api.ts';

type Member = TCompanyGroup['members'][number];
type Values = { name: string; notes?: string | null };

function GroupEditModal({ group, open, onClose }: { group: TCompanyGroup; open: boolean; onClose: () => void }) {
  const { t } = useTranslation('customers');
  const { t: tc } = useTranslation();
  const { message } = App.useApp();
  const [form] = Form.useForm<Values>();
  const update = useUpdateCompanyGroup();

  useEffect(() => {
    if (!open) return;
    form.setFieldsValue({ name: group.name, notes: group.notes });
    update.reset();
  }, [open, group, form, update.reset]);

  const submit = async (values: Values) => {
    try {
      await update.mutateAsync({ id: group.id, name: values.name.trim(), notes: textOrNull(values.notes) });
      message.success(t('group.renamed'));
      onClose();
    } catch (error) {
      showFieldErrors(form, error, errorMessage(tc, error));
    }
  };

  return (
    <Modal
      open={open}
      title={t('group.renameTitle')}
      okText={tc('common.save')}
      cancelText={tc('common.cancel')}
      onOk={() => form.submit()}
      onCancel={onClose}
      confirmLoading={update.isPending}
      forceRender
    >
      <ErrorAlert error={update.error} />
      <Form form={form} name="edit-group" layout="vertical" requiredMark={false} onFinish={submit} aria-label={t('group.renameTitle')}>
        <Form.Item name="name" label={t('group.name')} rules={[zodRule(tc, ZCreateCompanyGroupInput.shape.name)]}>
          <Input maxLength={200} />
        </Form.Item>
        <Form.Item name="notes" label={t('group.notes')}>
          <Input.TextArea autoSize={{ minRows: 3, maxRows: 8 }} />
        </Form.Item>
      </Form>
    </Modal>
  );
}

/** `/company-groups/:id`: linked legal entities with one owner, who owns whom, and what happened with all of them. */
export function GroupPage() {
  const { id = '' } = useParams();
  const { t } = useTranslation('customers');
  const { t: tc } = useTranslation();
  const group = useCompanyGroup(id);
  const [editing, setEditing] = useState(false);

  if (group.isPending) return <Skeleton active />;
  if (group.error || !group.data) {
    return (
      <Result
        status={isApiError(group.error) && group.error.status === 404 ? '404' : 'error'}
        title={errorMessage(tc, group.error)}
        extra={<Link to="/companies">{t('companies.back')}</Link>}
      />
    );
  }
  const data = group.data;
  const names = new Map(data.members.map((member) => [member.id, member.name]));
  const parentIds = new Set(data.members.map((member) => member.parentCompanyId).filter(Boolean));

  return (
    <>
      <Link to="/companies">
        <ArrowLeftOutlined /> {t('companies.back')}
      </Link>
      <Flex justify="space-between" align="center" gap={16} wrap style={{ margin: '12px 0 24px' }}>
        <div>
          <Typography.Title level={2} style={{ margin: 0 }}>
            {t('group.title', { name: data.name })}
          </Typography.Title>
          <Typography.Text type="secondary">{t('group.subtitle')}</Typography.Text>
        </div>
        <Button icon={<EditOutlined />} onClick={() => setEditing(true)}>
          {t('group.rename')}
        </Button>
      </Flex>
      <Row gutter={[24, 24]}>
        <Col xs={24} xl={16}>
          <Flex vertical gap={24}>
            <Card title={t('group.members', { count: data.memberCount })}>
              <Table<Member>
                rowKey="id"
                dataSource={data.members}
                pagination={false}
                locale={{ emptyText: t('group.noMembers') }}
                columns={[
                  {
                    key: 'name',
                    title: t('columns.name'),
                    render: (_, member) => (
                      <>
                        <Link to={`/companies/${member.id}`}>{member.name}</Link>
                        {parentIds.has(member.id) && (
                          <Tag color="geekblue" style={{ marginInlineStart: 8 }}>
                            {t('group.isParent')}
                          </Tag>
                        )}
                      </>
                    ),
                  },
                  {
                    key: 'parent',
                    title: t('group.parent'),
                    render: (_, member) => (member.parentCompanyId ? (names.get(member.parentCompanyId) ?? '') : ''),
                  },
                  { key: 'city', title: t('columns.city'), render: (_, member) => member.city ?? '' },
                  { key: 'status', title: t('columns.status'), render: (_, member) => <StatusTag status={member.status} /> },
                ]}
              />
            </Card>
            <TimelineCard owner={{ kind: 'group', id: data.id }} offer={data.members} />
          </Flex>
        </Col>
        <Col xs={24} xl={8}>
          <Card title={t('group.notes')}>
            {data.notes ? (
              <Typography.Paragraph style={{ whiteSpace: 'pre-wrap', margin: 0 }}>{data.notes}</Typography.Paragraph>
            ) : (
              <Typography.Text type="secondary">{t('group.noNotes')}</Typography.Text>
            )}
          </Card>
        </Col>
      </Row>
      <GroupEditModal group={data} open={editing} onClose={() => setEditing(false)} />
    </>
  );
}
