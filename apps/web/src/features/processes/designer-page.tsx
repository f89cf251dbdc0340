import type { TProcessValidation, TUser } from '@clientela/contract';
import { useQuery } from '@tanstack/react-query';
import { Alert, App, Button, Flex, Space, Spin, Tag, Tooltip, Typography } from 'antd';
import { useEffect, useMemo, useRef, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Link, useBlocker, useParams } from 'react-router';
import { ErrorAlert } from '../../components/error-alert.tsx';
import { api, isApiError } from '../../lib/api.ts';
import { errorMessage } from '../../lib/errors.ts';
import { useMe } from '../auth/api.ts';
import { useUnits } from '../units/api.ts';
import {
  useProcessDefinition,
  usePublishProcessDefinition,
  useUpdateProcessDefinition,
  useValidateProcessDefinition,
} from './definitions-api.ts';
import type { Directory } from './designer/clientela-provider.ts';
import { downloadText, fileNameFor } from './designer/download.ts';
import { ProblemsList } from './designer/problems-list.tsx';
import { type ModelerHandle, ProcessModeler } from './designer/process-modeler.tsx';
import { VersionsDrawer } from './designer/versions-drawer.tsx';

/** `/processes/:id/design`: the BPMN designer of one process (administrators edit, others look). */
export function ProcessDesignerPage() {
  const { id = '' } = useParams();
  const { t } = useTranslation('processDesigner');
  const { t: tc } = useTranslation();
  const { message, modal } = App.useApp();
  const me = useMe();
  const canEdit = me.role === 'admin';
  const detail = useProcessDefinition(id);
  const update = useUpdateProcessDefinition(id);
  const validate = useValidateProcessDefinition(id);
  const publish = usePublishProcessDefinition(id);
  const modeler = useRef<ModelerHandle>(null);
  const fileInput = useRef<HTMLInputElement>(null);
  const [base, setBase] = useState<string>();
  const [dirty, setDirty] = useState(false);
  const [problems, setProblems] = useState<TProcessValidation | null>(null);
  const [lastImport, setLastImport] = useState<string | null>(null);
  const [versionsOpen, setVersionsOpen] = useState(false);
  const directory = useDirectory(canEdit);
  const loadedId = useRef<string | null>(null);

  // The draft is drawn once per process; later answers (after a save) must not replace what is being edited.
  useEffect(() => {
    const data = detail.data;
    if (!data || loadedId.current === data.id || !modeler.current) return;
    loadedId.current = data.id;
    setBase(data.draftUpdatedAt);
    void modeler.current.importXml(data.draftXml).then(
      () => setDirty(false),
      (error: unknown) => message.error(t('designer.drawFailed', { detail: error instanceof Error ? error.message : '' })),
    );
  }, [detail.data, message, t]);

  const blocker = useBlocker(({ currentLocation, nextLocation }) => dirty && currentLocation.pathname !== nextLocation.pathname);
  useEffect(() => {
    if (blocker.state !== 'blocked') return;
    modal.confirm({
      title: t('designer.leaveTitle'),
      content: t('designer.leaveText'),
      okText: t('designer.leave'),
      cancelText: t('designer.stay'),
      onOk: () => blocker.proceed(),
      onCancel: () => blocker.reset(),
    });
  }, [blocker, modal, t]);
  useEffect(() => {
    if (!dirty) return;
    const warn = (event: BeforeUnloadEvent) => event.preventDefault();
    window.addEventListener('beforeunload', warn);
    return () => window.removeEventListener('beforeunload', warn);
  }, [dirty]);

  if (detail.error) return <ErrorAlert error={detail.error} />;
  const data = detail.data;

  const reload = async () => {
    const fresh = await detail.refetch();
    if (!fresh.data || !modeler.current) return;
    await modeler.current.importXml(fresh.data.draftXml);
    setBase(fresh.data.draftUpdatedAt);
    setDirty(false);
    setProblems(null);
  };

  /** Saves the canvas as the draft; false when it could not. */
  const save = async (): Promise<boolean> => {
    if (!modeler.current) return false;
    try {
      const draftXml = await modeler.current.exportXml();
      const saved = await update.mutateAsync({ draftXml, baseUpdatedAt: base });
      setBase(saved.draftUpdatedAt);
      setDirty(false);
      setLastImport(null);
      return true;
    } catch (error) {
      if (isApiError(error, 'draft_changed') || (isApiError(error) && error.status === 409)) {
        modal.confirm({
          title: t('designer.conflictTitle'),
          content: t('designer.conflictText'),
          okText: t('designer.reload'),
          cancelText: t('designer.keepMine'),
          onOk: reload,
        });
      } else {
        message.error(errorMessage(tc, error));
      }
      return false;
    }
  };

  const onSave = async () => {
    if (await save()) message.success(t('designer.saved'));
  };

  const onCheck = async () => {
    if (dirty && !(await save())) return;
    try {
      setProblems(await validate.mutateAsync());
    } catch (error) {
      message.error(errorMessage(tc, error));
    }
  };

  const onPublish = async () => {
    if (dirty && !(await save())) return;
    try {
      const result = await publish.mutateAsync();
      setProblems(result.warnings.length > 0 ? { errors: [], warnings: result.warnings } : null);
      message.success(t('designer.published', { version: result.version }));
    } catch (error) {
      if (isApiError(error, 'process_invalid')) {
        message.error(t('designer.publishBlocked'));
        // The refusal names the problems; the check lists them with their elements.
        validate.mutateAsync().then(setProblems, () => undefined);
      } else {
        message.error(errorMessage(tc, error));
      }
    }
  };

  const onImportFile = async (file: File) => {
    if (!modeler.current) return;
    try {
      const warnings = await modeler.current.importXml(await file.text());
      setDirty(true);
      setProblems(null);
      setLastImport(t('designer.imported', { file: file.name, count: warnings.length }));
    } catch (error) {
      setLastImport(null);
      message.error(t('designer.importFailed', { file: file.name, detail: error instanceof Error ? error.message : '' }));
    }
  };

  const onExport = async () => {
    if (!modeler.current || !data) return;
    downloadText(await modeler.current.exportXml(), fileNameFor(data.name), 'application/xml');
  };

  const onOpenVersion = async (version: number) => {
    try {
      const { xml } = await api<{ xml: string }>(`/api/v1/process-definitions/${id}/versions/${version}/xml`);
      await modeler.current?.importXml(xml);
      setDirty(true);
      setVersionsOpen(false);
      message.info(t('versions.opened', { version }));
    } catch (error) {
      message.error(errorMessage(tc, error));
    }
  };

  const onRename = async (name: string) => {
    if (!name.trim() || name === data?.name) return;
    try {
      const saved = await update.mutateAsync({ name: name.trim() });
      if (!dirty) setBase(saved.draftUpdatedAt);
    } catch (error) {
      message.error(errorMessage(tc, error));
    }
  };

  return (
    <>
      <Flex justify="space-between" align="center" gap={12} wrap style={{ marginBottom: 12 }}>
        <Space align="center" wrap>
          <Link to="/processes">{t('designer.back')}</Link>
          <Typography.Title
            level={3}
            style={{ margin: 0 }}
            editable={canEdit && data ? { onChange: onRename, triggerType: ['icon'] } : false}
          >
            {data?.name ?? ''}
          </Typography.Title>
          {data && (
            <Tag color={data.publishedVersion ? 'green' : 'default'}>
              {data.publishedVersion ? t('designer.versionTag', { version: data.publishedVersion }) : t('designer.draftTag')}
            </Tag>
          )}
          {dirty && <Tag color="orange">{t('designer.unsaved')}</Tag>}
        </Space>
        <Space wrap>
          {canEdit && (
            <>
              <Button type="primary" onClick={onSave} loading={update.isPending} disabled={!data}>
                {t('designer.save')}
              </Button>
              <Button onClick={onCheck} loading={validate.isPending} disabled={!data}>
                {t('designer.check')}
              </Button>
              <Tooltip title={t('designer.publishHint')}>
                <Button onClick={onPublish} loading={publish.isPending} disabled={!data}>
                  {t('designer.publish')}
                </Button>
              </Tooltip>
              <Button onClick={() => fileInput.current?.click()} disabled={!data}>
                {t('designer.import')}
              </Button>
              <input
                ref={fileInput}
                type="file"
                accept=".bpmn,.xml,application/xml,text/xml"
                aria-label={t('designer.import')}
                data-testid="bpmn-import-input"
                style={{ display: 'none' }}
                onChange={(event) => {
                  const file = event.target.files?.[0];
                  event.target.value = '';
                  if (file) void onImportFile(file);
                }}
              />
            </>
          )}
          <Button onClick={onExport} disabled={!data}>
            {t('designer.export')}
          </Button>
          <Button onClick={() => setVersionsOpen(true)} disabled={!data}>
            {t('designer.versions', { count: data?.versions.length ?? 0 })}
          </Button>
        </Space>
      </Flex>
      {!canEdit && <Alert type="info" showIcon title={t('designer.readOnly')} style={{ marginBottom: 12 }} />}
      {lastImport && (
        <Typography.Text type="secondary" data-testid="import-status" style={{ display: 'block', marginBottom: 8 }}>
          {lastImport}
        </Typography.Text>
      )}
      {problems && (
        <ProblemsList
          validation={problems}
          elementName={(elementId) => modeler.current?.elementName(elementId) ?? null}
          onReveal={(elementId) => {
            if (!modeler.current?.reveal(elementId)) message.warning(t('check.elementGone', { element: elementId }));
          }}
          onClose={() => setProblems(null)}
        />
      )}
      <Spin spinning={detail.isPending}>
        <ProcessModeler
          ref={modeler}
          readOnly={!canEdit}
          directory={directory.value}
          directoryVersion={directory.version}
          onChange={() => setDirty(true)}
        />
      </Spin>
      {data && (
        <VersionsDrawer
          open={versionsOpen}
          versions={data.versions}
          onOpenVersion={canEdit ? onOpenVersion : undefined}
          onClose={() => setVersionsOpen(false)}
        />
      )}
    </>
  );
}

type UserList = { data: TUser[] };

/** The people and units a user task can go to, for the properties panel's pickers. */
function useDirectory(enabled: boolean): { value: Directory; version: number } {
  const value = useMemo<Directory>(() => ({ users: [], units: [] }), []);
  const users = useQuery({
    queryKey: ['users', 'options', 'process-designer'],
    queryFn: ({ signal }) => api<UserList>('/api/v1/users', { signal, query: { limit: 200, sort: 'name' } }),
    enabled,
  });
  const units = useUnits();
  value.users = (users.data?.data ?? []).map((user) => ({ id: user.id, name: user.name }));
  value.units = (units.data ?? []).map((unit) => ({ id: unit.id, name: unit.name }));
  return { value, version: users.dataUpdatedAt + units.dataUpdatedAt };
}
