import { ArrowDownOutlined, ArrowUpOutlined, DeleteOutlined, MinusCircleOutlined, PlusOutlined } from '@ant-design/icons';
import { QUESTION_TYPES, type TLocale, type TQuestionType } from '@clientela/contract';
import { Alert, Button, Card, Flex, Form, type FormInstance, Input, Select, Switch, Typography } from 'antd';
import { useTranslation } from 'react-i18next';
import { i18n } from '../../lib/i18n.ts';
import { type DraftOption, hasChoices, nextId, type SurveyDraft } from './survey-draft.ts';

const REFUSAL_REASONS = ['price', 'competitor', 'terms', 'notNeeded'] as const;

/** The usual reasons for refusing a deal, worded in each language, as a refusal question's first choices. */
export function refusalOptions(): DraftOption[] {
  return REFUSAL_REASONS.map((reason) => ({
    id: reason,
    text: Object.fromEntries(
      (['en', 'ru', 'it'] as const).map((lang) => [lang, i18n.getFixedT(lang, 'surveys')(`builder.refusalOptions.${reason}`)]),
    ),
  }));
}

type Props = {
  form: FormInstance<SurveyDraft>;
  index: number;
  name: number;
  count: number;
  languages: TLocale[];
  locked: boolean;
  errors: string[] | undefined;
  move: (from: number, to: number) => void;
  remove: (index: number) => void;
};

/** One question of the builder: its type, texts per language, choices and whether it must be answered. */
export function QuestionCard({ form, index, name, count, languages, locked, errors, move, remove }: Props) {
  const { t } = useTranslation('surveys');
  const { t: tCommon } = useTranslation();
  const type = Form.useWatch(['questions', name, 'type'], form) as TQuestionType | undefined;
  const number = index + 1;

  const changeType = (next: TQuestionType) => {
    const options = (form.getFieldValue(['questions', name, 'options']) as DraftOption[] | undefined) ?? [];
    if (!hasChoices(next) || options.length > 0) return;
    form.setFieldValue(
      ['questions', name, 'options'],
      next === 'refusal'
        ? refusalOptions()
        : [
            { id: 'o1', text: {} },
            { id: 'o2', text: {} },
          ],
    );
  };

  return (
    <Card
      size="small"
      data-testid="survey-question"
      title={t('builder.question', { number })}
      extra={
        <Flex gap={4}>
          <Button
            type="text"
            icon={<ArrowUpOutlined />}
            aria-label={t('builder.moveUp', { number })}
            disabled={locked || index === 0}
            onClick={() => move(index, index - 1)}
          />
          <Button
            type="text"
            icon={<ArrowDownOutlined />}
            aria-label={t('builder.moveDown', { number })}
            disabled={locked || index === count - 1}
            onClick={() => move(index, index + 1)}
          />
          <Button
            type="text"
            danger
            icon={<DeleteOutlined />}
            aria-label={t('builder.remove', { number })}
            disabled={locked}
            onClick={() => remove(index)}
          />
        </Flex>
      }
    >
      {errors && errors.length > 0 && (
        <Alert
          type="error"
          showIcon
          role="alert"
          style={{ marginBottom: 12 }}
          title={t('builder.errorsAtQuestion')}
          description={
            <ul style={{ margin: 0, paddingInlineStart: 18 }}>
              {errors.map((message) => (
                <li key={message}>{message}</li>
              ))}
            </ul>
          }
        />
      )}
      <Flex gap={16} wrap align="flex-end">
        <Form.Item name={[name, 'type']} label={t('builder.type')} style={{ minWidth: 260, flex: 1 }}>
          <Select
            disabled={locked}
            aria-label={t('builder.type')}
            onChange={changeType}
            options={QUESTION_TYPES.map((value) => ({ value, label: t(`builder.types.${value}`) }))}
          />
        </Form.Item>
        <Form.Item name={[name, 'required']} label={t('builder.required')} valuePropName="checked">
          <Switch disabled={locked} />
        </Form.Item>
      </Flex>
      {languages.map((lang) => (
        <Form.Item
          key={lang}
          name={[name, 'text', lang]}
          label={`${t('builder.text')} · ${t(`language.${lang}`)}`}
          rules={[{ required: true, whitespace: true, message: tCommon('validation.required') }]}
        >
          <Input.TextArea lang={lang} autoSize={{ minRows: 1, maxRows: 4 }} maxLength={2000} />
        </Form.Item>
      ))}
      {type === 'refusal' && (
        <Typography.Paragraph type="secondary" style={{ marginTop: -8 }}>
          {t('builder.refusalHelp')}
        </Typography.Paragraph>
      )}
      {type && hasChoices(type) && (
        <Form.List name={[name, 'options']}>
          {(fields, { add, remove: removeOption }) => (
            <Flex vertical gap={8}>
              <Typography.Text strong>{t('builder.options')}</Typography.Text>
              {fields.map((field, optionIndex) => (
                <Flex key={field.key} gap={8} align="flex-start" wrap>
                  {languages.map((lang) => (
                    <Form.Item
                      key={lang}
                      name={[field.name, 'text', lang]}
                      style={{ flex: 1, minWidth: 180, marginBottom: 0 }}
                      rules={[{ required: true, whitespace: true, message: tCommon('validation.required') }]}
                    >
                      <Input
                        lang={lang}
                        maxLength={2000}
                        prefix={<Typography.Text type="secondary">{lang.toUpperCase()}</Typography.Text>}
                        aria-label={`${t('builder.option', { number: optionIndex + 1 })} · ${t(`language.${lang}`)}`}
                      />
                    </Form.Item>
                  ))}
                  <Button
                    type="text"
                    icon={<MinusCircleOutlined />}
                    disabled={locked}
                    aria-label={t('builder.removeOption', { number: optionIndex + 1 })}
                    onClick={() => removeOption(field.name)}
                  />
                </Flex>
              ))}
              <div>
                <Button
                  icon={<PlusOutlined />}
                  disabled={locked}
                  onClick={() => {
                    const taken = (form.getFieldValue(['questions', name, 'options']) as DraftOption[] | undefined) ?? [];
                    add({ id: nextId('o', taken), text: {} });
                  }}
                >
                  {t('builder.addOption')}
                </Button>
              </div>
            </Flex>
          )}
        </Form.List>
      )}
    </Card>
  );
}
