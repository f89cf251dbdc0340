import { Skeleton } from 'antd';
import { lazy, Suspense } from 'react';
import { loadRelationshipMessages } from '../../lib/relationship-messages.ts';

// The editor (TipTap) and the messages of its toolbar load with it, only on the editor page.
const RichTextEditor = lazy(async () => {
  const [module] = await Promise.all([import('../activities/rich-text-editor.tsx'), loadRelationshipMessages()]);
  return { default: module.RichTextEditor };
});

type Props = { id?: string; value?: string; onChange?: (html: string) => void; 'aria-label'?: string; placeholder?: string };

/** The article's body as rich text: an antd form control giving HTML. */
export function RichTextField(props: Props) {
  return (
    <Suspense fallback={<Skeleton.Input active block style={{ height: 240 }} />}>
      <RichTextEditor {...props} />
    </Suspense>
  );
}
