import type { CreateMaterialInput, MaterialDto, MaterialType, ProductSpec } from '@cardhub/shared';

/** The editor's state: the material's fields as the admin edits them (tags as typed). */
export interface MaterialForm {
  type: MaterialType;
  title: string;
  summary: string;
  category: string;
  tagsText: string;
  body: string;
  mediaUrl: string;
  coverUrl: string;
  priceText: string;
  specs: ProductSpec[];
  images: string[];
}

export const EMPTY_FORM: MaterialForm = {
  type: 'article',
  title: '',
  summary: '',
  category: '',
  tagsText: '',
  body: '',
  mediaUrl: '',
  coverUrl: '',
  priceText: '',
  specs: [],
  images: [],
};

export const hasBody = (type: MaterialType) => type === 'article' || type === 'product';

export function formOf(material: MaterialDto): MaterialForm {
  return {
    type: material.type,
    title: material.title,
    summary: material.summary,
    category: material.category,
    tagsText: material.tags.join('，'),
    body: material.body ?? '',
    mediaUrl: material.mediaUrl ?? '',
    coverUrl: material.coverUrl ?? '',
    priceText: material.priceText,
    specs: material.specs,
    images: material.images,
  };
}

/** Tags are typed separated by commas (either width) or spaces; repeats collapse. */
export function parseTags(text: string): string[] {
  return [
    ...new Set(
      text
        .split(/[,，\s]+/)
        .map((tag) => tag.trim())
        .filter(Boolean),
    ),
  ];
}

/** What the API takes: only the fields of the material's type, empty optional fields left out. */
export function inputOf(form: MaterialForm): CreateMaterialInput {
  const product = form.type === 'product';
  return {
    type: form.type,
    title: form.title,
    summary: form.summary,
    category: form.category,
    tags: parseTags(form.tagsText),
    ...(hasBody(form.type) ? { body: form.body } : {}),
    ...((form.type === 'poster' || form.type === 'video') && form.mediaUrl
      ? { mediaUrl: form.mediaUrl }
      : {}),
    ...(form.coverUrl ? { coverUrl: form.coverUrl } : {}),
    priceText: product ? form.priceText : '',
    // A spec row left half-empty is still being typed: it is not sent.
    specs: product ? form.specs.filter((spec) => spec.name.trim() && spec.value.trim()) : [],
    images: product ? form.images : [],
  };
}

/** The server's field paths ("tags.2", "specs.0.value") to the editor's fields. */
export function formFieldOf(path: string): keyof MaterialForm | 'media' {
  const [head] = path.split('.');
  if (head === 'tags') return 'tagsText';
  if (head === 'mediaUrl' || head === 'file') return 'media';
  return head as keyof MaterialForm;
}

/** English field messages from the API, in the admin's words. */
export function fieldMessage(path: string, message: string): string {
  if (path === 'title') return '请填写标题（最多 120 字）';
  if (path.startsWith('tags')) return '每个标签 1–20 字，最多 10 个';
  if (path === 'mediaUrl') return '请填写以 http:// 或 https:// 开头的视频地址';
  if (path.startsWith('specs')) return '规格名称最多 20 字，内容最多 60 字';
  if (path === 'priceText') return '价格文案最多 40 字';
  if (path === 'summary') return '摘要最多 300 字';
  if (path === 'category') return '分类最多 40 字';
  if (path === 'body') return '正文过长，请精简';
  return message;
}
