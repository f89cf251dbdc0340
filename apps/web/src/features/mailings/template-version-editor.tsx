import { MERGE_FIELDS, type TTemplateVersion } from '@clientela/contract';
import { Alert, Button, Flex, Form, Input, Tag, Typography } from 'antd';
import { type SyntheticEvent, useRef } from 'react';
import { useTranslation } from 'react-i18next';
import type { VersionProblem } from './template-problems.ts';

type Field = 'subject' | 'mjml';
type Props = {
  version: TTemplateVersion;
  onChange: (version: TTemplateVersion) => void;
  problems: VersionProblem[];
};

const MONOSPACE = { fontFamily: 'ui-monospace, SFMono-Regular, Menlo, Consolas, monospace', fontSize: 13 };

/** One language's subject and MJML, the merge fields that insert a placeholder where the cursor was, and the server's problems. */
export function TemplateVersionEditor({ version, onChange, problems }: Props) {
  const { t } = useTranslation('mailings');
  // Where the cursor was last, so that a click on a merge field (which takes the focus) inserts there.
  const cursor = useRef<{ field: Field; start: number; end: number }>({ field: 'mjml', start: -1, end: -1 });

  const remember = (field: Field) => (event: SyntheticEvent<HTMLInputElement | HTMLTextAreaElement>) => {
    const target = event.currentTarget;
    cursor.current = { field, start: target.selectionStart ?? -1, end: target.selectionEnd ?? -1 };
  };

  const insert = (name: string) => {
    const placeholder = `{{${name}}}`;
    const { field, start, end } = cursor.current;
    const source = version[field];
    const from = start < 0 ? source.length : start;
    const to = end < 0 ? source.length : end;
    onChange({ ...version, [field]: source.slice(0, from) + placeholder + source.slice(to) });
    const next = from + placeholder.length;
    cursor.current = { field, start: next, end: next };
  };

  return (
    <Flex vertical gap={12}>
      <Form.Item label={t('editor.subject')} required style={{ marginBottom: 0 }}>
        <Input
          aria-label={t('editor.subject')}
          value={version.subject}
          maxLength={300}
          onChange={(event) => {
            onChange({ ...version, subject: event.target.value });
            remember('subject')(event);
          }}
          onSelect={remember('subject')}
          onClick={remember('subject')}
          status={problems.some((problem) => problem.field === 'subject') ? 'error' : undefined}
        />
      </Form.Item>
      <div>
        <Typography.Text type="secondary">{t('editor.mergeFields')}</Typography.Text>
        <Flex gap={4} wrap style={{ marginTop: 4 }}>
          {MERGE_FIELDS.map((name) => (
            <Button key={name} size="small" onClick={() => insert(name)} title={t('editor.insert', { field: `{{${name}}}` })}>
              {`{{${name}}}`}
            </Button>
          ))}
        </Flex>
      </div>
      <Form.Item label={t('editor.mjml')} required style={{ marginBottom: 0 }}>
        <Input.TextArea
          aria-label={t('editor.mjml')}
          value={version.mjml}
          spellCheck={false}
          autoSize={{ minRows: 16, maxRows: 40 }}
          style={MONOSPACE}
          onChange={(event) => {
            onChange({ ...version, mjml: event.target.value });
            remember('mjml')(event);
          }}
          onSelect={remember('mjml')}
          onClick={remember('mjml')}
          status={problems.some((problem) => problem.field === 'mjml') ? 'error' : undefined}
        />
      </Form.Item>
      {problems.length > 0 && (
        <Alert
          type="error"
          showIcon
          title={t('editor.problems', { count: problems.length })}
          description={
            <ul style={{ margin: 0, paddingInlineStart: 16 }}>
              {problems.map((problem) => (
                <li key={`${problem.field}-${problem.line}-${problem.message}`}>
                  <Tag>{problem.line === null ? t(`editor.field.${problem.field}`) : t('editor.line', { line: problem.line })}</Tag>
                  {problem.message}
                </li>
              ))}
            </ul>
          }
        />
      )}
    </Flex>
  );
}
