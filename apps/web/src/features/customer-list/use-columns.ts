import type { TRecordEntity, TSavedView } from '@clientela/contract';
import { useState } from 'react';
import { DEFAULT_COLUMNS, loadColumns, saveColumns } from './columns.ts';

type ViewDraft = { viewId: string; ids: string[] };

/**
 * The columns a list shows. Without a view they are the ones last chosen in this browser;
 * a view brings its own, and changes to them stay with the view (until it is saved) instead.
 */
export function useColumns(entity: TRecordEntity, view: TSavedView | undefined) {
  const [stored, setStored] = useState<string[]>(() => loadColumns(entity) ?? [...DEFAULT_COLUMNS[entity]]);
  const [draft, setDraft] = useState<ViewDraft | null>(null);

  let ids = stored;
  if (view) ids = draft?.viewId === view.id ? draft.ids : view.columns.length > 0 ? view.columns : [...DEFAULT_COLUMNS[entity]];

  return {
    ids,
    set: (next: string[]) => {
      if (view) {
        setDraft({ viewId: view.id, ids: next });
        return;
      }
      setStored(next);
      saveColumns(entity, next);
    },
    /** Forgets unsaved changes to a view's columns. */
    resetDraft: () => setDraft(null),
  };
}
