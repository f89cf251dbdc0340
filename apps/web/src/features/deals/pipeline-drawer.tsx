import { ArrowDownOutlined, ArrowUpOutlined, DeleteOutlined, PlusOutlined } from '@ant-design/icons';
import { DEAL_REQUIRED_FIELDS, STAGE_KINDS, type TCreatePipelineInput, type TPipeline } from '@clientela/contract';
import { Alert, App, Button, Card, Col, Drawer, Flex, Form, Input, InputNumber, Row, Select, Switch } from 'antd';
import { useEffect } from 'react';
import { useTranslation } from 'react-i18next';
import { ErrorAlert } from '../../components/error-alert.tsx';
import { isApiError } from '../../lib/api.ts';
import { errorMessage } from '../../lib/errors.ts';
import { showFieldErrors } from '../../lib/form.ts';
import { useCreatePipeline, useUpdatePipeline } from './api.ts';

type StageValues = TCreatePipelineInput['stages'][number];
type Values = { name: string; isDefault: boolean; active: boolean; stages: StageValues[] };

/** What a new pipeline starts with: one stage of each kind. */
const NEW_STAGES: StageValues[] = [
  { name: '', probability: 10, kind: 'open', requiredFields: [] },
  { name: '', probability: 100, kind: 'won', requiredFields: [] },
  { name: '', probability: 0, kind: 'lost', requiredFields: [] },
];

/** The form's values as the API takes them: the stages in the order shown. */
export function toPipelineInput(values: Values): TCreatePipelineInput {
  return {
    name: values.name.trim(),
    isDefault: values.isDefault,
    active: values.active,
    stages: values.stages.map((stage) => ({
      ...(stage.id ? { id: stage.id } : {}),
      name: stage.name.trim(),
      probability: stage.probability,
      kind: stage.kind,
      requiredFields: stage.requiredFields ?? [],
    })),
  };
}

/** The names of the stages a 409 `stage_has_deals` names (`stages.<id>`), as the pipeline had them. */
function busyStageNames(error: unknown, pipeline: TPipeline | undefined): string[] {
  if (!isApiError(error)) return [];
  const ids = error.errors.map((item) => item.path.split('.')[1]);
  return (pipeline?.stages ?? []).filter((stage) => ids.includes(stage.id)).map((stage) => stage.name);
}

type Props = { open: boolean; pipeline?: TPipeline; onClose: () => void };

/** Creates or edits a pipeline and its stages in order: named, with a chance, a kind and the fields a deal needs to enter. */
export function PipelineDrawer({ open, pipeline, onClose }: Props) {
  const { t } = useTranslation('deals');
  const { t: tc } = useTranslation();
  const { message } = App.useApp();
  const [form] = Form.useForm<Values>();
  const create = useCreatePipeline();
  const update = useUpdatePipeline();
  const mutation = pipeline ? update : create;
  const title = pipeline ? t('pipelines.editTitle', { name: pipeline.name }) : t('pipelines.createTitle');
  const required = [{ required: true, whitespace: true, message: tc('validation.required') }];

  useEffect(() => {
    if (!open) return;
    form.resetFields();
    form.setFieldsValue(
      pipeline
        ? {
            name: pipeline.name,
            isDefault: pipeline.isDefault,
            active: pipeline.active,
            stages: pipeline.stages.map(({ id, name, probability, kind, requiredFields }) => ({
              id,
              name,
              probability,
              kind,
              requiredFields,
            })),
          }
        : { name: '', isDefault: false, active: true, stages: NEW_STAGES },
    );
    create.reset();
    update.reset();
  }, [open, pipeline, form, create.reset, update.reset]);

  const submit = async (values: Values) => {
    const input = toPipelineInput(values);
    try {
      if (pipeline) await update.mutateAsync({ id: pipeline.id, ...input });
      else await create.mutateAsync(input);
      message.success(t('pipelines.saved', { name: input.name }));
      onClose();
    } catch (error) {
      // Its paths name stages by id (`stages.<id>`), not by their place in the form.
      if (!isApiError(error, 'stage_has_deals')) showFieldErrors(form, error, errorMessage(tc, error));
    }
  };

  const stageHasDeals = isApiError(mutation.error, 'stage_has_deals');
  const busyStages = stageHasDeals ? busyStageNames(mutation.error, pipeline) : [];
  return (
    <Drawer
      open={open}
      title={title}
      size={760}
      onClose={onClose}
      forceRender
      footer={
        <Flex justify="flex-end" gap={8}>
          <Button onClick={onClose}>{tc('common.cancel')}</Button>
          <Button type="primary" loading={mutation.isPending} onClick={() => form.submit()}>
            {pipeline ? tc('common.save') : tc('common.create')}
          </Button>
        </Flex>
      }
    >
      {stageHasDeals ? (
        <Alert
          type="error"
          showIcon
          role="alert"
          title={
            busyStages.length > 0
              ? t('pipelines.stagesHaveDeals', { count: busyStages.length, names: busyStages.join(', ') })
              : t('pipelines.stageHasDeals')
          }
          description={t('pipelines.stageHasDealsHint')}
          style={{ marginBottom: 16 }}
        />
      ) : (
        <ErrorAlert error={mutation.error} />
      )}
      <Form form={form} name="pipeline" layout="vertical" requiredMark={false} onFinish={submit} aria-label={title}>
        <Form.Item name="name" label={t('pipelines.name')} rules={required}>
          <Input maxLength={120} autoComplete="off" />
        </Form.Item>
        <Flex gap={24} wrap>
          <Form.Item name="isDefault" label={t('pipelines.isDefault')} valuePropName="checked">
            <Switch />
          </Form.Item>
          <Form.Item name="active" label={t('pipelines.active')} valuePropName="checked">
            <Switch />
          </Form.Item>
        </Flex>
        <Form.List
          name="stages"
          rules={[
            {
              validator: async (_rule, list: StageValues[] | undefined) => {
                const kinds = new Set((list ?? []).map((stage) => stage.kind));
                if (!STAGE_KINDS.every((kind) => kinds.has(kind))) throw new Error(t('pipelines.kindsNeeded'));
              },
            },
          ]}
        >
          {(stages, { add, remove, move }, { errors }) => (
            <Flex vertical gap={8}>
              {stages.map((stage, index) => (
                <Card
                  key={stage.key}
                  size="small"
                  title={t('pipelines.stageNumber', { number: index + 1 })}
                  extra={
                    <Flex gap={4}>
                      <Button
                        size="small"
                        icon={<ArrowUpOutlined />}
                        disabled={index === 0}
                        aria-label={t('pipelines.moveUp', { number: index + 1 })}
                        onClick={() => move(index, index - 1)}
                      />
                      <Button
                        size="small"
                        icon={<ArrowDownOutlined />}
                        disabled={index === stages.length - 1}
                        aria-label={t('pipelines.moveDown', { number: index + 1 })}
                        onClick={() => move(index, index + 1)}
                      />
                      <Button
                        size="small"
                        danger
                        icon={<DeleteOutlined />}
                        aria-label={t('pipelines.removeStage', { number: index + 1 })}
                        onClick={() => remove(index)}
                      />
                    </Flex>
                  }
                >
                  <Form.Item name={[stage.name, 'id']} hidden>
                    <Input />
                  </Form.Item>
                  <Row gutter={12}>
                    <Col xs={24} sm={10}>
                      <Form.Item name={[stage.name, 'name']} label={t('pipelines.stageName')} rules={required}>
                        <Input maxLength={80} aria-label={t('pipelines.stageNameOf', { number: index + 1 })} />
                      </Form.Item>
                    </Col>
                    <Col xs={12} sm={6}>
                      <Form.Item
                        name={[stage.name, 'probability']}
                        label={t('fields.probability')}
                        rules={[{ required: true, message: tc('validation.required') }]}
                      >
                        <InputNumber min={0} max={100} precision={0} suffix="%" style={{ width: '100%' }} />
                      </Form.Item>
                    </Col>
                    <Col xs={12} sm={8}>
                      <Form.Item name={[stage.name, 'kind']} label={t('pipelines.kind')}>
                        <Select options={STAGE_KINDS.map((kind) => ({ value: kind, label: t(`kind.${kind}`) }))} />
                      </Form.Item>
                    </Col>
                  </Row>
                  <Form.Item name={[stage.name, 'requiredFields']} label={t('pipelines.requiredFields')} style={{ marginBottom: 0 }}>
                    <Select
                      mode="multiple"
                      allowClear
                      placeholder={t('pipelines.noRequiredFields')}
                      options={DEAL_REQUIRED_FIELDS.map((field) => ({ value: field, label: t(`required.${field}`) }))}
                    />
                  </Form.Item>
                </Card>
              ))}
              <Button
                type="dashed"
                icon={<PlusOutlined />}
                onClick={() => {
                  // A new stage goes after the open ones, before those that close the deal.
                  const list = (form.getFieldValue('stages') ?? []) as StageValues[];
                  const closing = list.findIndex((one) => one.kind !== 'open');
                  add({ name: '', probability: 50, kind: 'open', requiredFields: [] }, closing === -1 ? list.length : closing);
                }}
              >
                {t('pipelines.addStage')}
              </Button>
              <Form.ErrorList errors={errors} />
              <Alert type="info" showIcon title={t('pipelines.kindsHint')} />
            </Flex>
          )}
        </Form.List>
      </Form>
    </Drawer>
  );
}
