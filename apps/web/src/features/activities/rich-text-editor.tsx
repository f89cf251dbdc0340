import {
  BoldOutlined,
  ItalicOutlined,
  LinkOutlined,
  OrderedListOutlined,
  RedoOutlined,
  StrikethroughOutlined,
  UnderlineOutlined,
  UndoOutlined,
  UnorderedListOutlined,
} from '@ant-design/icons';
import { Placeholder } from '@tiptap/extensions';
import { type Editor, EditorContent, useEditor, useEditorState } from '@tiptap/react';
import StarterKit from '@tiptap/starter-kit';
import { Button, Flex, Input, Popover, Tooltip } from 'antd';
import { type ReactNode, useEffect, useState } from 'react';
import { useTranslation } from 'react-i18next';
import './rich-text.css';
import './rich-text-editor.css';

type Props = {
  id?: string;
  /** HTML; '' when empty. */
  value?: string | null;
  onChange?: (html: string) => void;
  placeholder?: string;
  'aria-label'?: string;
};

/** The editor holds only what the server keeps (see the server's rich-text.ts): no rules, no code blocks, headings 2 and 3. */
function extensionsWith(placeholder: string) {
  return [
    StarterKit.configure({
      heading: { levels: [2, 3] },
      horizontalRule: false,
      codeBlock: false,
      link: { openOnClick: false, autolink: true, defaultProtocol: 'https', protocols: ['mailto', 'tel'] },
    }),
    Placeholder.configure({ placeholder }),
  ];
}

type ToolProps = { label: string; icon: ReactNode; active?: boolean; disabled?: boolean; onClick: () => void };

function ToolButton({ label, icon, active, disabled, onClick }: ToolProps) {
  return (
    <Tooltip title={label} mouseEnterDelay={0.6}>
      <Button
        type={active ? 'primary' : 'text'}
        ghost={active}
        size="small"
        icon={icon}
        aria-label={label}
        aria-pressed={active}
        disabled={disabled}
        // Keeps the selection in the editor while the button is pressed.
        onMouseDown={(event) => event.preventDefault()}
        onClick={onClick}
      />
    </Tooltip>
  );
}

function LinkButton({ editor }: { editor: Editor }) {
  const { t } = useTranslation('relationships');
  const [open, setOpen] = useState(false);
  const [href, setHref] = useState('');
  const apply = () => {
    const url = href.trim();
    const chain = editor.chain().focus().extendMarkRange('link');
    if (url) chain.setLink({ href: /^(https?:|mailto:|tel:)/i.test(url) ? url : `https://${url}` }).run();
    else chain.unsetLink().run();
    setOpen(false);
  };
  return (
    <Popover
      open={open}
      onOpenChange={(next) => {
        setOpen(next);
        if (next) setHref((editor.getAttributes('link').href as string | undefined) ?? '');
      }}
      trigger="click"
      content={
        <Flex gap={8}>
          <Input
            autoFocus
            size="small"
            value={href}
            onChange={(event) => setHref(event.target.value)}
            onPressEnter={apply}
            placeholder="https://"
            aria-label={t('editor.linkAddress')}
            style={{ width: 240 }}
          />
          <Button size="small" type="primary" onClick={apply}>
            {t('editor.linkApply')}
          </Button>
        </Flex>
      }
    >
      <Button
        type={editor.isActive('link') ? 'primary' : 'text'}
        ghost={editor.isActive('link')}
        size="small"
        icon={<LinkOutlined />}
        aria-label={t('editor.link')}
      />
    </Popover>
  );
}

/** A small rich-text editor (TipTap): emphasis, lists, quotes and links; an antd form control giving HTML. */
export function RichTextEditor({ id, value, onChange, placeholder, 'aria-label': ariaLabel }: Props) {
  const { t } = useTranslation('relationships');
  const editor = useEditor({
    extensions: extensionsWith(placeholder ?? ''),
    content: value ?? '',
    editorProps: {
      attributes: {
        ...(id ? { id } : {}),
        role: 'textbox',
        'aria-multiline': 'true',
        ...(ariaLabel ? { 'aria-label': ariaLabel } : {}),
      },
    },
    onUpdate: ({ editor: current }) => onChange?.(current.isEmpty ? '' : current.getHTML()),
  });
  const state = useEditorState({
    editor,
    selector: ({ editor: current }) => ({
      bold: current.isActive('bold'),
      italic: current.isActive('italic'),
      underline: current.isActive('underline'),
      strike: current.isActive('strike'),
      bulletList: current.isActive('bulletList'),
      orderedList: current.isActive('orderedList'),
      canUndo: current.can().undo(),
      canRedo: current.can().redo(),
    }),
  });

  // A value set from outside (a form reset, another activity to edit) replaces the text.
  useEffect(() => {
    const next = value ?? '';
    const current = editor.isEmpty ? '' : editor.getHTML();
    if (next !== current) editor.commands.setContent(next, { emitUpdate: false });
  }, [editor, value]);

  const run = (command: (chain: ReturnType<Editor['chain']>) => ReturnType<Editor['chain']>) => () => command(editor.chain().focus()).run();

  return (
    <div className="rich-text-editor">
      <div className="rich-text-editor-toolbar" role="toolbar" aria-label={t('editor.toolbar')}>
        <ToolButton label={t('editor.bold')} icon={<BoldOutlined />} active={state.bold} onClick={run((c) => c.toggleBold())} />
        <ToolButton label={t('editor.italic')} icon={<ItalicOutlined />} active={state.italic} onClick={run((c) => c.toggleItalic())} />
        <ToolButton
          label={t('editor.underline')}
          icon={<UnderlineOutlined />}
          active={state.underline}
          onClick={run((c) => c.toggleUnderline())}
        />
        <ToolButton
          label={t('editor.strike')}
          icon={<StrikethroughOutlined />}
          active={state.strike}
          onClick={run((c) => c.toggleStrike())}
        />
        <ToolButton
          label={t('editor.bulletList')}
          icon={<UnorderedListOutlined />}
          active={state.bulletList}
          onClick={run((c) => c.toggleBulletList())}
        />
        <ToolButton
          label={t('editor.orderedList')}
          icon={<OrderedListOutlined />}
          active={state.orderedList}
          onClick={run((c) => c.toggleOrderedList())}
        />
        <LinkButton editor={editor} />
        <ToolButton label={t('editor.undo')} icon={<UndoOutlined />} disabled={!state.canUndo} onClick={run((c) => c.undo())} />
        <ToolButton label={t('editor.redo')} icon={<RedoOutlined />} disabled={!state.canRedo} onClick={run((c) => c.redo())} />
      </div>
      <EditorContent editor={editor} className="rich-text" />
    </div>
  );
}
