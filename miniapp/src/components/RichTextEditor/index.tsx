import { useEffect, useRef, useState } from 'react';
import './index.scss';

export interface RichTextEditorProps {
  /** HTML; read when the editor mounts and whenever it changes from outside (e.g. a loaded material). */
  value: string;
  onChange: (html: string) => void;
  /** Stores a picked picture and returns its link. */
  uploadImage: (file: File) => Promise<string>;
  placeholder?: string;
}

/** The formatting the server keeps (see server/src/materials/rich-text.ts); anything else is stripped there. */
const BLOCKS = [
  { label: '正文', block: 'p' },
  { label: '标题', block: 'h2' },
  { label: '小标题', block: 'h3' },
  { label: '引用', block: 'blockquote' },
] as const;

/**
 * The console's article editor (H5 only): a contentEditable area with the toolbar of a WeChat article editor.
 * The browser's editing commands produce plain tags, which the server's sanitiser allows.
 */
export default function RichTextEditor({ value, onChange, uploadImage, placeholder }: RichTextEditorProps) {
  const area = useRef<HTMLDivElement>(null);
  const picker = useRef<HTMLInputElement>(null);
  const lastEmitted = useRef<string | null>(null);
  const [uploading, setUploading] = useState(false);
  const [error, setError] = useState<string | null>(null);

  // Enter starts a new <p>, the paragraph the server keeps (browsers default to <div>).
  useEffect(() => {
    document.execCommand('defaultParagraphSeparator', false, 'p');
  }, []);

  // Only outside changes are written into the DOM: rewriting what the user typed would move the caret.
  useEffect(() => {
    if (area.current && value !== lastEmitted.current) {
      area.current.innerHTML = value;
      lastEmitted.current = value;
    }
  }, [value]);

  const emit = () => {
    const html = area.current?.innerHTML ?? '';
    lastEmitted.current = html;
    onChange(html);
  };

  const run = (command: string, argument?: string) => {
    area.current?.focus();
    document.execCommand(command, false, argument);
    emit();
  };

  const insertPicture = async (file: File | undefined) => {
    if (!file) return;
    setUploading(true);
    setError(null);
    try {
      const url = await uploadImage(file);
      run('insertImage', url);
    } catch (failure) {
      setError(failure instanceof Error ? failure.message : '图片上传失败');
    } finally {
      setUploading(false);
      if (picker.current) picker.current.value = '';
    }
  };

  return (
    <div className="rich-text-editor">
      <div className="rich-text-editor__toolbar" role="toolbar" aria-label="正文格式">
        {BLOCKS.map(({ label, block }) => (
          <button
            key={block}
            type="button"
            onMouseDown={(event) => event.preventDefault()}
            onClick={() => run('formatBlock', block)}
          >
            {label}
          </button>
        ))}
        <span className="rich-text-editor__divider" />
        <button
          type="button"
          className="rich-text-editor__tool"
          onMouseDown={(event) => event.preventDefault()}
          onClick={() => run('bold')}
        >
          <strong>B</strong>
        </button>
        <button
          type="button"
          className="rich-text-editor__tool"
          onMouseDown={(event) => event.preventDefault()}
          onClick={() => run('italic')}
        >
          <em>I</em>
        </button>
        <button
          type="button"
          onMouseDown={(event) => event.preventDefault()}
          onClick={() => run('insertUnorderedList')}
        >
          • 列表
        </button>
        <button
          type="button"
          onMouseDown={(event) => event.preventDefault()}
          onClick={() => run('insertOrderedList')}
        >
          1. 列表
        </button>
        <span className="rich-text-editor__divider" />
        <button
          type="button"
          className="rich-text-editor__tool"
          disabled={uploading}
          onClick={() => picker.current?.click()}
        >
          {uploading ? '上传中…' : '插入图片'}
        </button>
        <input
          ref={picker}
          type="file"
          accept="image/png,image/jpeg,image/webp"
          style={{ display: 'none' }}
          onChange={(event) => void insertPicture(event.target.files?.[0])}
        />
      </div>
      <div
        ref={area}
        className="rich-text-editor__area"
        contentEditable
        suppressContentEditableWarning
        data-placeholder={placeholder}
        onInput={emit}
        onBlur={emit}
      />
      {error ? <p className="rich-text-editor__error">{error}</p> : null}
    </div>
  );
}
