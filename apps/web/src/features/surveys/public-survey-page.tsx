import type { TLocale, TPublicSurvey } from '@clientela/contract';
import { Flex, Result, Segmented, Skeleton, Typography } from 'antd';
import type { TFunction } from 'i18next';
import { type ReactNode, useEffect, useState } from 'react';
import { useParams, useSearchParams } from 'react-router';
import { isApiError } from '../../lib/api.ts';
import { i18n, isLocale } from '../../lib/i18n.ts';
import { useAnswerSurvey, usePublicSurvey } from './public-api.ts';
import { type Answers, SurveyForm } from './survey-form.tsx';
import { useSurveyT } from './survey-messages.ts';
import './surveys.css';

type Props = {
  survey: TPublicSurvey;
  t: TFunction<'surveys'>;
  /** Picks another of the survey's languages; none in a preview that shows one language. */
  onLanguage?: (language: TLocale) => void;
  children: ReactNode;
};

/** The page around a survey: the workspace's name, the title, the introduction and the language switch. */
export function SurveyLayout({ survey, t, onLanguage, children }: Props) {
  return (
    <div className="survey-public" lang={survey.language}>
      <Flex justify="space-between" align="center" gap={12} wrap style={{ marginBottom: 16 }}>
        <Typography.Text strong type="secondary" data-testid="survey-workspace">
          {survey.workspace.name}
        </Typography.Text>
        {onLanguage && survey.languages.length > 1 && (
          <Segmented<TLocale>
            aria-label={t('public.language')}
            value={survey.language}
            onChange={onLanguage}
            // Each language is named in itself, as a reader of that language looks for it.
            options={survey.languages.map((value) => ({ value, label: <span lang={value}>{i18n.t(`languages.${value}`)}</span> }))}
          />
        )}
      </Flex>
      <Typography.Title level={1} style={{ fontSize: 26, marginTop: 0 }}>
        {survey.title}
      </Typography.Title>
      {survey.intro && <Typography.Paragraph style={{ fontSize: 16, whiteSpace: 'pre-wrap' }}>{survey.intro}</Typography.Paragraph>}
      {children}
    </div>
  );
}

/** The chrome's language before the survey says its own: the one the browser's app speaks. */
function appLanguage(): TLocale {
  return isLocale(i18n.language) ? i18n.language : 'en';
}

type Done = { kind: 'thanks'; text: string | null } | { kind: 'already' } | { kind: 'closed' };

/** `/s/:token`: the public page where a customer answers a survey, without signing in. */
export function PublicSurveyPage() {
  const { token = '' } = useParams();
  const [params, setParams] = useSearchParams();
  const lang = params.get('lang');
  const survey = usePublicSurvey(token, isLocale(lang) ? lang : undefined);
  const answer = useAnswerSurvey(token);
  const [done, setDone] = useState<Done | null>(null);
  const language = survey.data?.language ?? appLanguage();
  const speaking = useSurveyT(language);
  // The survey's first words wait for its language; a later switch keeps the page until the new one is loaded.
  const [shown, setShown] = useState(false);
  const ready = speaking && (speaking.language === language || shown);
  useEffect(() => {
    if (ready && survey.data) setShown(true);
  }, [ready, survey.data]);
  const t = ready ? speaking.t : undefined;

  useEffect(() => {
    if (survey.data?.title) document.title = survey.data.title;
  }, [survey.data?.title]);

  if (!t || survey.isPending) {
    return (
      <div className="survey-public">
        <Skeleton active />
      </div>
    );
  }

  if (survey.isError || done?.kind === 'closed') {
    const code = isApiError(survey.error) ? survey.error.code : undefined;
    const closed = done?.kind === 'closed' || code === 'survey_closed';
    const missing = isApiError(survey.error) && survey.error.status === 404;
    return (
      <div className="survey-public">
        <Result
          status={closed ? 'info' : missing ? '404' : 'error'}
          title={closed ? t('public.closed') : missing ? t('public.notFound') : t('public.error')}
        />
      </div>
    );
  }

  const data = survey.data;
  if (data.answered || done) {
    const thanks = done?.kind === 'thanks' ? (done.text ?? data.thanks ?? t('public.thanks')) : null;
    return (
      <SurveyLayout survey={{ ...data, intro: null }} t={t}>
        <Result status="success" title={thanks ?? t('public.alreadyAnswered')} data-testid="survey-done" />
      </SurveyLayout>
    );
  }

  const serverErrors: Record<string, string> = {};
  let generalError: string | undefined;
  if (answer.error) {
    if (isApiError(answer.error) && answer.error.errors.length > 0) {
      for (const item of answer.error.errors) {
        const match = /^(?:\/|body[./])?answers[./]([^./]+)/.exec(item.path);
        const id = match?.[1]?.replace(/_text$/, '');
        if (id) serverErrors[id] = item.message;
      }
    }
    if (Object.keys(serverErrors).length === 0) generalError = t('public.error');
  }

  const submit = (answers: Answers) =>
    answer.mutate(
      { language: data.language, answers },
      {
        onSuccess: (result) => setDone({ kind: 'thanks', text: result?.thanks ?? null }),
        onError: (error) => {
          if (isApiError(error, 'already_answered')) setDone({ kind: 'already' });
          else if (isApiError(error, 'survey_closed')) setDone({ kind: 'closed' });
        },
      },
    );

  return (
    <SurveyLayout
      survey={data}
      t={t}
      onLanguage={(next) =>
        setParams(
          (previous) => {
            const search = new URLSearchParams(previous);
            search.set('lang', next);
            return search;
          },
          { replace: true },
        )
      }
    >
      <SurveyForm survey={data} t={t} onSubmit={submit} submitting={answer.isPending} serverErrors={serverErrors} error={generalError} />
    </SurveyLayout>
  );
}
