import { ArrowLeftOutlined, BulbOutlined, UploadOutlined } from '@ant-design/icons';
import { CASE_PRIORITIES, type TCasePriority } from '@clientela/contract';
import { App, Button, Card, Drawer, Flex, Form, Grid, Input, Select, Typography, Upload, type UploadFile } from 'antd';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Link, useNavigate, useParams } from 'react-router';
import { ErrorAlert } from '../../components/error-alert.tsx';
import { showFieldErrors } from '../../lib/form.ts';
import { useDebouncedValue } from '../../lib/use-debounced-value.ts';
import { Headline } from '../kb/kb-html.tsx';
import { uploadPortalCaseFile, useCreatePortalCase, usePortalCaseOptions, usePortalKbSearch } from './portal-cases-api.ts';
import { PortalHelpArticle } from './portal-help-article.tsx';

type Values = { subject: string; description: string; typeId?: string; companyId?: string; orderId?: string; priority?: TCasePriority };

/** "These articles may answer your question": public articles matching the subject as the customer types it. */
function Suggestions({ subject, onOpen }: { subject: string; onOpen: (id: string) => void }) {
  const { t } = useTranslation('portalCases');
  const q = useDebouncedValue(subject).trim();
  const found = usePortalKbSearch(q.length >= 3 ? q : '', { limit: 5, match: 'any' });
  const hits = found.data?.data ?? [];
  if (q.length < 3 || hits.length === 0) return null;
  return (
    <Card
      size="small"
      title={
        <Flex gap={8} align="center">
          <BulbOutlined /> {t('new.suggestions')}
        </Flex>
      }
      role="region"
      aria-label={t('new.suggestions')}
    >
      <Flex vertical gap={8}>
        {hits.map((hit) => (
          <Flex key={hit.id} gap={8} justify="space-between" align="flex-start">
            <Flex vertical gap={2} style={{ minWidth: 0 }}>
              <Typography.Text strong>{hit.title}</Typography.Text>
              <Typography.Text type="secondary" style={{ fontSize: 13, overflowWrap: 'anywhere' }}>
                {hit.headline ? <Headline html={hit.headline} /> : hit.answer}
              </Typography.Text>
            </Flex>
            <Button type="link" onClick={() => onOpen(hit.id)} aria-label={`${t('new.readArticle')}: ${hit.title}`}>
              {t('new.readArticle')}
            </Button>
          </Flex>
        ))}
      </Flex>
    </Card>
  );
}

/** A new request: subject and description, with matching help articles offered as the subject is typed; type, company, order and files. */
export function PortalNewCasePage() {
  const { t } = useTranslation('portalCases');
  const { message } = App.useApp();
  const { workspace = '' } = useParams();
  const base = `/portal/${encodeURIComponent(workspace)}`;
  const navigate = useNavigate();
  const [form] = Form.useForm<Values>();
  const subject = Form.useWatch('subject', form) ?? '';
  const companyId = Form.useWatch('companyId', form);
  const options = usePortalCaseOptions();
  const create = useCreatePortalCase();
  const [files, setFiles] = useState<UploadFile[]>([]);
  const [article, setArticle] = useState<string | null>(null);
  const [sending, setSending] = useState(false);
  const screens = Grid.useBreakpoint();
  const types = options.data?.types ?? [];
  const companies = options.data?.companies ?? [];
  const orders = (options.data?.orders ?? []).filter((o) => !companyId || o.companyId === companyId);

  const submit = async (values: Values) => {
    setSending(true);
    try {
      const created = await create.mutateAsync({
        subject: values.subject,
        description: values.description,
        typeId: values.typeId,
        companyId: values.companyId ?? (companies.length === 1 ? companies[0]?.id : undefined),
        orderId: values.orderId,
        priority: values.priority,
      });
      for (const file of files) {
        if (!file.originFileObj) continue;
        try {
          await uploadPortalCaseFile(created.id, file.originFileObj);
        } catch {
          message.warning(t('new.uploadFailed', { name: file.name }));
        }
      }
      navigate(`${base}/cases/${created.id}`);
    } catch (error) {
      showFieldErrors(form, error, '');
    } finally {
      setSending(false);
    }
  };

  const required = [{ required: true, whitespace: true, message: t('new.required') }];
  return (
    <Flex vertical gap={16} style={{ maxWidth: 760 }}>
      <Link to={`${base}/cases`}>
        <ArrowLeftOutlined /> {t('new.back')}
      </Link>
      <Typography.Title level={2} style={{ margin: 0 }}>
        {t('new.title')}
      </Typography.Title>
      <ErrorAlert error={options.error ?? create.error} />
      <Form<Values> form={form} layout="vertical" onFinish={submit}>
        <Form.Item name="subject" label={t('new.subject')} rules={[...required, { max: 300 }]}>
          <Input placeholder={t('new.subjectPlaceholder')} maxLength={300} autoComplete="off" />
        </Form.Item>
        <div style={{ marginBottom: 16 }}>
          <Suggestions subject={subject} onOpen={setArticle} />
        </div>
        <Form.Item name="description" label={t('new.description')} rules={required}>
          <Input.TextArea placeholder={t('new.descriptionPlaceholder')} autoSize={{ minRows: 4, maxRows: 14 }} maxLength={20_000} />
        </Form.Item>
        {types.length > 1 ? (
          <Form.Item name="typeId" label={t('new.type')}>
            <Select placeholder={types[0]?.name} options={types.map((type) => ({ value: type.id, label: type.name }))} />
          </Form.Item>
        ) : null}
        {companies.length > 1 ? (
          <Form.Item name="companyId" label={t('new.company')} rules={[{ required: true, message: t('new.required') }]}>
            <Select options={companies.map((company) => ({ value: company.id, label: company.name }))} />
          </Form.Item>
        ) : null}
        {orders.length > 0 ? (
          <Form.Item name="orderId" label={t('new.order')}>
            <Select
              allowClear
              placeholder={t('new.orderNone')}
              options={orders.map((order) => ({ value: order.id, label: order.number }))}
            />
          </Form.Item>
        ) : null}
        <Form.Item name="priority" label={t('new.priority')}>
          <Select
            allowClear
            placeholder={t('priority.normal')}
            options={CASE_PRIORITIES.map((priority) => ({ value: priority, label: t(`priority.${priority}`) }))}
          />
        </Form.Item>
        <Form.Item label={t('new.files')}>
          <Upload
            multiple
            fileList={files}
            beforeUpload={() => false}
            onChange={({ fileList }) => setFiles(fileList)}
            onRemove={(file) => setFiles((list) => list.filter((f) => f.uid !== file.uid))}
          >
            <Button icon={<UploadOutlined />}>{t('new.addFiles')}</Button>
          </Upload>
        </Form.Item>
        <Button type="primary" htmlType="submit" loading={sending} block>
          {t('new.submit')}
        </Button>
      </Form>
      <Drawer
        open={article !== null}
        onClose={() => setArticle(null)}
        size={screens.sm ? 640 : '100%'}
        title={t('help.title')}
        destroyOnHidden
      >
        {article ? <PortalHelpArticle id={article} linkTo={(id) => `${base}/help/${id}`} /> : null}
      </Drawer>
    </Flex>
  );
}
