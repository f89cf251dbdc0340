import { StarFilled, StarOutlined } from '@ant-design/icons';
import type { TPublicSurvey, TPublicSurveyQuestion, TSurveyAnswerValue } from '@clientela/contract';
import { Alert, Button, Card, Checkbox, Flex, Input, Radio, Typography } from 'antd';
import type { TFunction } from 'i18next';
import { type ReactNode, useState } from 'react';
import './surveys.css';

export type Answers = Record<string, TSurveyAnswerValue>;

/** The free text of a refusal question travels under this key. */
export const refusalTextKey = (questionId: string) => `${questionId}_text`;

/** Whether a question has been answered at all. */
function isAnswered(question: TPublicSurveyQuestion, answers: Answers): boolean {
  const value = answers[question.id];
  if (question.type === 'refusal') {
    const text = answers[refusalTextKey(question.id)];
    if (typeof text === 'string' && text.trim()) return true;
  }
  if (Array.isArray(value)) return value.length > 0;
  if (typeof value === 'string') return value.trim().length > 0;
  return typeof value === 'number';
}

/** The required questions left unanswered. */
export function missingAnswers(survey: TPublicSurvey, answers: Answers): string[] {
  return survey.questions.filter((question) => question.required && !isAnswered(question, answers)).map((question) => question.id);
}

/** Answers as the server takes them: empty ones left out, texts trimmed. */
export function answersToSend(survey: TPublicSurvey, answers: Answers): Answers {
  const sent: Answers = {};
  for (const question of survey.questions) {
    const keys = question.type === 'refusal' ? [question.id, refusalTextKey(question.id)] : [question.id];
    for (const key of keys) {
      const value = answers[key];
      if (typeof value === 'string') {
        if (value.trim()) sent[key] = value.trim();
      } else if (Array.isArray(value)) {
        if (value.length > 0) sent[key] = value;
      } else if (typeof value === 'number') sent[key] = value;
    }
  }
  return sent;
}

type ScaleProps = {
  values: number[];
  value: TSurveyAnswerValue | undefined;
  onChange: (value: number) => void;
  label: (value: number) => ReactNode;
  ariaLabel: (value: number) => string;
  className: string;
  labelledBy: string;
};

function Scale({ values, value, onChange, label, ariaLabel, className, labelledBy }: ScaleProps) {
  return (
    <div role="radiogroup" aria-labelledby={labelledBy} className={className}>
      {values.map((n) => (
        <Button
          key={n}
          role="radio"
          aria-checked={value === n}
          aria-label={ariaLabel(n)}
          type={value === n ? 'primary' : 'default'}
          size="large"
          onClick={() => onChange(n)}
        >
          {label(n)}
        </Button>
      ))}
    </div>
  );
}

type QuestionProps = {
  question: TPublicSurveyQuestion;
  answers: Answers;
  setAnswer: (key: string, value: TSurveyAnswerValue) => void;
  t: TFunction<'surveys'>;
};

function QuestionInput({ question, answers, setAnswer, t }: QuestionProps) {
  const value = answers[question.id];
  const labelId = `survey-q-${question.id}`;
  switch (question.type) {
    case 'nps':
      return (
        <div>
          <Scale
            values={[0, 1, 2, 3, 4, 5, 6, 7, 8, 9, 10]}
            value={value}
            onChange={(n) => setAnswer(question.id, n)}
            label={(n) => n}
            ariaLabel={(n) => String(n)}
            className="survey-nps"
            labelledBy={labelId}
          />
          <Flex justify="space-between" className="survey-scale-ends">
            <Typography.Text type="secondary">{t('public.notLikely')}</Typography.Text>
            <Typography.Text type="secondary">{t('public.veryLikely')}</Typography.Text>
          </Flex>
        </div>
      );
    case 'rating':
      return (
        <Scale
          values={[1, 2, 3, 4, 5]}
          value={value}
          onChange={(n) => setAnswer(question.id, n)}
          label={(n) =>
            typeof value === 'number' && n <= value ? <StarFilled className="survey-star on" /> : <StarOutlined className="survey-star" />
          }
          ariaLabel={(n) => t('public.star', { value: n })}
          className="survey-rating"
          labelledBy={labelId}
        />
      );
    case 'single':
      return (
        <Radio.Group
          aria-labelledby={labelId}
          className="survey-choices"
          value={typeof value === 'string' ? value : undefined}
          onChange={(event) => setAnswer(question.id, event.target.value as string)}
          options={question.options.map((option) => ({ value: option.id, label: option.text }))}
        />
      );
    case 'multiple':
    case 'refusal':
      return (
        <Flex vertical gap={12}>
          <Checkbox.Group
            aria-labelledby={labelId}
            className="survey-choices"
            value={Array.isArray(value) ? value : []}
            onChange={(next) => setAnswer(question.id, next as string[])}
            options={question.options.map((option) => ({ value: option.id, label: option.text }))}
          />
          {question.type === 'refusal' && (
            <Input.TextArea
              aria-label={t('public.otherReason')}
              placeholder={t('public.otherReason')}
              autoSize={{ minRows: 2, maxRows: 8 }}
              maxLength={4000}
              value={(answers[refusalTextKey(question.id)] as string | undefined) ?? ''}
              onChange={(event) => setAnswer(refusalTextKey(question.id), event.target.value)}
            />
          )}
        </Flex>
      );
    case 'text':
      return (
        <Input.TextArea
          aria-labelledby={labelId}
          placeholder={t('public.textPlaceholder')}
          autoSize={{ minRows: 3, maxRows: 12 }}
          maxLength={4000}
          value={typeof value === 'string' ? value : ''}
          onChange={(event) => setAnswer(question.id, event.target.value)}
        />
      );
  }
}

type Props = {
  survey: TPublicSurvey;
  t: TFunction<'surveys'>;
  /** Sends the answers; a preview has none and sends nothing. */
  onSubmit?: (answers: Answers) => void;
  submitting?: boolean;
  /** The server's complaints, by question id. */
  serverErrors?: Record<string, string>;
  /** A general error above the button. */
  error?: string;
};

/** The questions of a survey as a respondent answers them, in the survey's language. */
export function SurveyForm({ survey, t, onSubmit, submitting, serverErrors = {}, error }: Props) {
  const [answers, setAnswers] = useState<Answers>({});
  const [missing, setMissing] = useState<string[]>([]);
  const setAnswer = (key: string, value: TSurveyAnswerValue) => {
    setAnswers((previous) => ({ ...previous, [key]: value }));
    setMissing((previous) => previous.filter((id) => id !== key && refusalTextKey(id) !== key));
  };
  const submit = () => {
    const left = missingAnswers(survey, answers);
    setMissing(left);
    if (left.length > 0) {
      document.getElementById(`survey-q-${left[0]}`)?.scrollIntoView?.({ behavior: 'smooth', block: 'center' });
      return;
    }
    onSubmit?.(answersToSend(survey, answers));
  };
  const problems = missing.length > 0 || Object.keys(serverErrors).length > 0;

  return (
    <form
      noValidate
      onSubmit={(event) => {
        event.preventDefault();
        submit();
      }}
    >
      <Flex vertical gap={16}>
        {survey.questions.map((question, index) => {
          const message = missing.includes(question.id) ? t('public.requiredError') : serverErrors[question.id];
          return (
            <Card key={question.id} className={message ? 'survey-question survey-question-error' : 'survey-question'}>
              <Typography.Paragraph id={`survey-q-${question.id}`} strong className="survey-question-text">
                {index + 1}. {question.text}
                {question.required && <span className="survey-required"> ({t('public.required')})</span>}
              </Typography.Paragraph>
              <QuestionInput question={question} answers={answers} setAnswer={setAnswer} t={t} />
              {message && (
                <Typography.Text type="danger" role="alert" className="survey-error">
                  {message}
                </Typography.Text>
              )}
            </Card>
          );
        })}
        {problems && <Alert type="error" showIcon title={t('public.fixErrors')} />}
        {error && <Alert type="error" showIcon title={error} role="alert" />}
        <Button type="primary" size="large" htmlType="submit" block loading={submitting} className="survey-submit">
          {t('public.submit')}
        </Button>
      </Flex>
    </form>
  );
}
