import Taro, { useRouter } from '@tarojs/taro';
import { MATERIAL_TYPES, type MaterialDto, type MaterialType, type ProductSpec } from '@cardhub/shared';
import { useEffect, useState } from 'react';
import type { ReactNode } from 'react';
import ConsoleLayout from '../../../../components/ConsoleLayout';
import MaterialStatusBadge from '../../../../components/MaterialStatusBadge';
import RichTextEditor from '../../../../components/RichTextEditor';
import {
  changeMaterialStatus,
  saveMaterial,
  uploadMaterialCover,
  uploadMaterialImage,
  uploadMaterialMedia,
} from '../../../../services/material-admin';
import { getMaterial } from '../../../../services/materials';
import { ApiError, failureMessage } from '../../../../services/request';
import { MATERIAL_TYPE_LABELS } from '../../../../utils/material-labels';
import {
  EMPTY_FORM,
  type MaterialForm,
  fieldMessage,
  formFieldOf,
  formOf,
  hasBody,
  inputOf,
} from './materialForm';
import './index.scss';

type FieldErrors = Partial<Record<keyof MaterialForm | 'media', string>>;

const TYPE_HINTS: Record<MaterialType, string> = {
  article: '图文并茂的文章，客户可在小程序和网页中阅读',
  poster: '一张海报图片，适合朋友圈和群分享',
  video: '上传视频文件或填写视频地址',
  product: '产品介绍页：图片、价格、规格参数和详情',
};

const MAX_GALLERY_IMAGES = 9;

/** Creates and edits a material: fields per type, cover and media uploads with progress, save, publish. */
export default function MaterialEditPage() {
  const { params } = useRouter();
  return (
    <ConsoleLayout active="materials" title={params.id ? '编辑物料' : '新建物料'}>
      {() => <MaterialEditor initialId={params.id ?? null} />}
    </ConsoleLayout>
  );
}

function MaterialEditor({ initialId }: { initialId: string | null }) {
  const [material, setMaterial] = useState<MaterialDto | null>(null);
  const [form, setForm] = useState<MaterialForm>(EMPTY_FORM);
  const [loading, setLoading] = useState(initialId !== null);
  const [busy, setBusy] = useState<string | null>(null);
  const [progress, setProgress] = useState<number | null>(null);
  const [errors, setErrors] = useState<FieldErrors>({});
  const [notice, setNotice] = useState<{ kind: 'error' | 'ok'; text: string } | null>(null);

  useEffect(() => {
    if (!initialId) return;
    getMaterial(initialId)
      .then((loaded) => {
        setMaterial(loaded);
        setForm(formOf(loaded));
      })
      .catch((failure) => setNotice({ kind: 'error', text: failureMessage(failure, '物料加载失败') }))
      .finally(() => setLoading(false));
  }, [initialId]);

  const update = <K extends keyof MaterialForm>(key: K, value: MaterialForm[K]) => {
    setForm((current) => ({ ...current, [key]: value }));
    setErrors((current) => ({ ...current, [key]: undefined }));
  };

  const updateSpec = (index: number, change: Partial<ProductSpec>) =>
    update(
      'specs',
      form.specs.map((row, at) => (at === index ? { ...row, ...change } : row)),
    );

  /** Saves the form; returns the stored material, or null after showing what is wrong. */
  const save = async (): Promise<MaterialDto | null> => {
    if (!form.title.trim()) {
      setErrors({ title: '请填写标题' });
      setNotice({ kind: 'error', text: '请先填写标题' });
      return null;
    }
    try {
      const saved = await saveMaterial(material?.id ?? null, inputOf(form));
      setMaterial(saved);
      setForm(formOf(saved));
      setErrors({});
      return saved;
    } catch (failure) {
      if (failure instanceof ApiError && failure.body.fields?.length) {
        setErrors(
          Object.fromEntries(
            failure.body.fields.map((field) => [
              formFieldOf(field.path),
              fieldMessage(field.path, field.message),
            ]),
          ),
        );
        setNotice({ kind: 'error', text: '请按提示修改后再保存' });
      } else {
        setNotice({ kind: 'error', text: failureMessage(failure, '保存失败，请重试') });
      }
      return null;
    }
  };

  const act = async (label: string, work: () => Promise<string | null>) => {
    if (busy) return;
    setBusy(label);
    setNotice(null);
    try {
      const done = await work();
      if (done) setNotice({ kind: 'ok', text: done });
    } finally {
      setBusy(null);
    }
  };

  const saveDraft = () => act('save', async () => ((await save()) ? '已保存' : null));

  const publish = () =>
    act('publish', async () => {
      const saved = await save();
      if (!saved) return null;
      if (saved.type === 'poster' && !saved.mediaUrl) {
        setErrors({ media: '请先上传海报图片' });
        return null;
      }
      if (saved.type === 'video' && !saved.mediaUrl) {
        setErrors({ media: '请上传视频或填写视频地址' });
        return null;
      }
      try {
        setMaterial(await changeMaterialStatus(saved.id, 'publish'));
        return '已发布，员工现在可以在物料库中分享';
      } catch (failure) {
        setNotice({ kind: 'error', text: failureMessage(failure, '发布失败，请重试') });
        return null;
      }
    });

  /** Cover and media belong to a stored material: a new one is saved as a draft first. */
  const uploadTo = (target: 'cover' | 'media') => async (file: File) =>
    act(target, async () => {
      const saved = material ?? (await save());
      if (!saved) return null;
      setProgress(0);
      try {
        const updated =
          target === 'cover'
            ? await uploadMaterialCover(saved.id, file)
            : await uploadMaterialMedia(saved.id, file, setProgress);
        setMaterial(updated);
        setForm((current) => ({
          ...current,
          coverUrl: updated.coverUrl ?? '',
          mediaUrl: updated.mediaUrl ?? '',
        }));
        setErrors((current) => ({ ...current, media: undefined }));
        return target === 'cover' ? '封面已更新' : '文件已上传';
      } catch (failure) {
        setErrors((current) => ({
          ...current,
          [target === 'cover' ? 'coverUrl' : 'media']: failureMessage(failure, '上传失败'),
        }));
        return null;
      } finally {
        setProgress(null);
      }
    });

  const addGalleryImage = (file: File) =>
    act('gallery', async () => {
      try {
        const { url } = await uploadMaterialImage(file);
        update('images', [...form.images, url]);
        return null;
      } catch (failure) {
        setErrors((current) => ({ ...current, images: failureMessage(failure, '图片上传失败') }));
        return null;
      }
    });

  if (loading) return <div className="console-panel material-editor__loading">正在加载…</div>;
  if (initialId && !material) return <div className="console-panel">{notice?.text ?? '物料不存在'}</div>;

  return (
    <div className="material-editor">
      <div className="console-panel">
        <div className="material-editor__status-line">
          <MaterialStatusBadge status={material?.status ?? 'unsaved'} />
          {notice ? (
            <span className={`material-editor__notice material-editor__notice--${notice.kind}`}>
              {notice.text}
            </span>
          ) : null}
        </div>

        <Field label="类型" hint={TYPE_HINTS[form.type]}>
          <div className="material-editor__types" role="radiogroup">
            {MATERIAL_TYPES.map((type) => (
              <button
                key={type}
                type="button"
                role="radio"
                aria-checked={form.type === type}
                // The type of a stored material stays: its shares and figures are about that material.
                disabled={material !== null && material.type !== type}
                className={`material-editor__type ${form.type === type ? 'material-editor__type--active' : ''}`}
                onClick={() => update('type', type)}
              >
                {MATERIAL_TYPE_LABELS[type]}
              </button>
            ))}
          </div>
        </Field>

        <Field label="标题" required error={errors.title}>
          <input
            className="material-editor__input"
            value={form.title}
            maxLength={120}
            placeholder="客户在分享卡片上看到的标题"
            onChange={(event) => update('title', event.target.value)}
          />
        </Field>
        <Field label="摘要" error={errors.summary} hint="分享卡片和链接预览中的一两句话">
          <textarea
            className="material-editor__input material-editor__textarea"
            value={form.summary}
            maxLength={300}
            onChange={(event) => update('summary', event.target.value)}
          />
        </Field>
        <div className="material-editor__pair">
          <Field label="分类" error={errors.category}>
            <input
              className="material-editor__input"
              value={form.category}
              maxLength={40}
              placeholder="如：行业洞察、产品介绍"
              onChange={(event) => update('category', event.target.value)}
            />
          </Field>
          <Field label="标签" error={errors.tagsText} hint="用逗号或空格分隔，最多 10 个">
            <input
              className="material-editor__input"
              value={form.tagsText}
              placeholder="如：私域，全员营销"
              onChange={(event) => update('tagsText', event.target.value)}
            />
          </Field>
        </div>

        <Field
          label="封面"
          error={errors.coverUrl}
          hint="PNG、JPEG 或 WebP，不超过 2 MB；用于物料库和分享卡片"
        >
          <div className="material-editor__upload">
            {form.coverUrl ? <img className="material-editor__cover" src={form.coverUrl} alt="封面" /> : null}
            <FilePicker
              label={form.coverUrl ? '更换封面' : '上传封面'}
              accept="image/png,image/jpeg,image/webp"
              busy={busy === 'cover'}
              onPick={uploadTo('cover')}
            />
          </div>
        </Field>
      </div>

      {form.type === 'poster' ? (
        <div className="console-panel">
          <Field label="海报图片" required error={errors.media} hint="PNG、JPEG 或 WebP，不超过 5 MB">
            <div className="material-editor__upload">
              {form.mediaUrl ? (
                <img className="material-editor__poster" src={form.mediaUrl} alt="海报" />
              ) : null}
              <FilePicker
                label={form.mediaUrl ? '更换海报' : '上传海报'}
                accept="image/png,image/jpeg,image/webp"
                busy={busy === 'media'}
                progress={busy === 'media' ? progress : null}
                onPick={uploadTo('media')}
              />
            </div>
          </Field>
        </div>
      ) : null}

      {form.type === 'video' ? (
        <div className="console-panel">
          <Field
            label="视频"
            required
            error={errors.media}
            hint="上传 MP4 或 WebM（不超过 50 MB），或填写视频地址"
          >
            {form.mediaUrl ? <video className="material-editor__video" src={form.mediaUrl} controls /> : null}
            <div className="material-editor__upload">
              <FilePicker
                label={form.mediaUrl ? '更换视频文件' : '上传视频文件'}
                accept="video/mp4,video/webm"
                busy={busy === 'media'}
                progress={busy === 'media' ? progress : null}
                onPick={uploadTo('media')}
              />
            </div>
            <input
              className="material-editor__input"
              value={form.mediaUrl}
              placeholder="或填写视频地址：https://"
              onChange={(event) => {
                update('mediaUrl', event.target.value);
                setErrors((current) => ({ ...current, media: undefined }));
              }}
            />
          </Field>
        </div>
      ) : null}

      {form.type === 'product' ? (
        <div className="console-panel">
          <Field label="产品图片" error={errors.images} hint={`最多 ${MAX_GALLERY_IMAGES} 张，第一张为主图`}>
            <div className="material-editor__gallery">
              {form.images.map((url, index) => (
                <div key={url} className="material-editor__gallery-item">
                  <img src={url} alt={`产品图 ${index + 1}`} />
                  <button
                    type="button"
                    className="material-editor__gallery-remove"
                    aria-label="删除图片"
                    onClick={() =>
                      update(
                        'images',
                        form.images.filter((image) => image !== url),
                      )
                    }
                  >
                    ×
                  </button>
                </div>
              ))}
              {form.images.length < MAX_GALLERY_IMAGES ? (
                <FilePicker
                  label="添加图片"
                  accept="image/png,image/jpeg,image/webp"
                  busy={busy === 'gallery'}
                  onPick={addGalleryImage}
                />
              ) : null}
            </div>
          </Field>
          <Field label="价格" error={errors.priceText} hint="按展示的样子填写，如：¥2,980 起/年">
            <input
              className="material-editor__input"
              value={form.priceText}
              maxLength={40}
              onChange={(event) => update('priceText', event.target.value)}
            />
          </Field>
          <Field label="规格参数" error={errors.specs}>
            {form.specs.map((spec, index) => (
              <div key={index} className="material-editor__spec">
                <input
                  className="material-editor__input"
                  value={spec.name}
                  maxLength={20}
                  placeholder="名称，如：部署方式"
                  onChange={(event) => updateSpec(index, { name: event.target.value })}
                />
                <input
                  className="material-editor__input"
                  value={spec.value}
                  maxLength={60}
                  placeholder="内容，如：公有云 / 私有化"
                  onChange={(event) => updateSpec(index, { value: event.target.value })}
                />
                <button
                  type="button"
                  className="console-button console-button--danger"
                  onClick={() =>
                    update(
                      'specs',
                      form.specs.filter((_, at) => at !== index),
                    )
                  }
                >
                  删除
                </button>
              </div>
            ))}
            <button
              type="button"
              className="console-button console-button--secondary"
              onClick={() => update('specs', [...form.specs, { name: '', value: '' }])}
            >
              添加一行
            </button>
          </Field>
        </div>
      ) : null}

      {hasBody(form.type) ? (
        <div className="console-panel">
          <Field label={form.type === 'article' ? '正文' : '产品详情'} error={errors.body}>
            <RichTextEditor
              value={form.body}
              onChange={(html) => update('body', html)}
              uploadImage={async (file) => (await uploadMaterialImage(file)).url}
              placeholder="在这里撰写正文，可插入图片"
            />
          </Field>
        </div>
      ) : null}

      <div className="material-editor__footer">
        <button
          type="button"
          className="console-button console-button--secondary"
          onClick={() => void Taro.navigateBack()}
        >
          返回列表
        </button>
        <button
          type="button"
          className="console-button console-button--secondary"
          onClick={() => void saveDraft()}
        >
          {busy === 'save' ? '保存中…' : '保存'}
        </button>
        <button type="button" className="console-button" onClick={() => void publish()}>
          {busy === 'publish' ? '发布中…' : material?.status === 'published' ? '保存并更新' : '发布'}
        </button>
      </div>
    </div>
  );
}

function Field(props: {
  label: string;
  required?: boolean;
  hint?: string;
  error?: string;
  children: ReactNode;
}) {
  return (
    <div className={`material-editor__field ${props.error ? 'material-editor__field--invalid' : ''}`}>
      <label className="material-editor__label">
        {props.label}
        {props.required ? <span className="material-editor__required">*</span> : null}
      </label>
      <div className="material-editor__control">
        {props.children}
        {props.error ? (
          <p className="material-editor__error">{props.error}</p>
        ) : props.hint ? (
          <p className="material-editor__hint">{props.hint}</p>
        ) : null}
      </div>
    </div>
  );
}

function FilePicker(props: {
  label: string;
  accept: string;
  busy: boolean;
  progress?: number | null;
  onPick: (file: File) => unknown;
}) {
  return (
    <label className={`material-editor__picker ${props.busy ? 'material-editor__picker--busy' : ''}`}>
      {props.busy
        ? props.progress !== null && props.progress !== undefined
          ? `上传中 ${Math.round(props.progress * 100)}%`
          : '上传中…'
        : props.label}
      {props.busy && props.progress !== null && props.progress !== undefined ? (
        <span
          className="material-editor__progress"
          style={{ width: `${Math.round(props.progress * 100)}%` }}
        />
      ) : null}
      <input
        type="file"
        accept={props.accept}
        style={{ display: 'none' }}
        disabled={props.busy}
        onChange={(event) => {
          const file = event.target.files?.[0];
          event.target.value = '';
          if (file) void props.onPick(file);
        }}
      />
    </label>
  );
}
