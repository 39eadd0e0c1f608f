import { type CardDto, type MaterialDto, escapeHtml } from '@cardhub/shared';

/**
 * The page a link-preview crawler (and, for an instant, a person) gets for a share link: title, description
 * and Open Graph tags of the card, then straight on to the H5 card page. It records nothing, so previews never
 * count as views; the H5 app records the real view.
 */
export function cardPreviewPage(card: CardDto, shareUrl: string, cardPageUrl: string): string {
  const title = card.company ? `${card.name}的名片 · ${card.company}` : `${card.name}的名片`;
  const description =
    [card.title, card.company, card.bio].filter(Boolean).join(' | ') || `${card.name}的名片`;
  return previewPage({
    type: 'profile',
    title,
    description,
    shareUrl,
    siteName: card.organizationName,
    imageUrl: card.avatarUrl,
    pageUrl: cardPageUrl,
    opening: `${card.name} 的名片`,
  });
}

/** The same for a shared material; the site name is the sharing employee's company when their card is known. */
export function materialPreviewPage(
  material: MaterialDto,
  card: CardDto | null,
  shareUrl: string,
  materialPageUrl: string,
): string {
  return previewPage({
    type: 'article',
    title: material.title,
    description: material.summary || material.title,
    shareUrl,
    siteName: card?.organizationName ?? null,
    imageUrl: material.coverUrl,
    pageUrl: materialPageUrl,
    opening: material.title,
  });
}

interface Preview {
  type: string;
  title: string;
  description: string;
  shareUrl: string;
  siteName: string | null;
  imageUrl: string | null;
  pageUrl: string;
  /** What the page says it is opening, for the instant a person sees it. */
  opening: string;
}

function previewPage(preview: Preview): string {
  const meta = [
    ['og:type', preview.type],
    ['og:title', preview.title],
    ['og:description', preview.description],
    ['og:url', preview.shareUrl],
    ...(preview.siteName ? [['og:site_name', preview.siteName]] : []),
    ...(preview.imageUrl ? [['og:image', preview.imageUrl]] : []),
  ]
    .map(([property, content]) => `<meta property="${property}" content="${escapeHtml(content!)}">`)
    .join('\n  ');
  return page(
    preview.title,
    `<meta name="description" content="${escapeHtml(preview.description)}">
  ${meta}
  <meta http-equiv="refresh" content="0; url=${escapeHtml(preview.pageUrl)}">`,
    `<p>正在打开 ${escapeHtml(preview.opening)}… <a href="${escapeHtml(preview.pageUrl)}">点此打开</a></p>
  <script>location.replace(${scriptString(preview.pageUrl)});</script>`,
  );
}

export function shareNotFoundPage(): string {
  return page('链接已失效', '', '<p>名片或物料不存在或已失效，请向分享人索取新的链接。</p>');
}

function page(title: string, head: string, body: string): string {
  return `<!doctype html>
<html lang="zh-CN">
<head>
  <meta charset="utf-8">
  <meta name="viewport" content="width=device-width, initial-scale=1">
  <title>${escapeHtml(title)}</title>
  ${head}
</head>
<body>
  ${body}
</body>
</html>
`;
}

/** A JSON string literal that cannot end the script element it sits in. */
function scriptString(text: string): string {
  return JSON.stringify(text).replace(/</g, '\\u003c');
}

/** What `/s/<code>` shows for a code nobody issued (a mistyped or stale printed link). */
export function shortLinkNotFoundPage(): string {
  return page(
    '链接已失效',
    `<style>
    body { margin: 0; min-height: 100vh; display: grid; place-items: center; background: #f4f6fb;
      font-family: -apple-system, "PingFang SC", "Noto Sans CJK SC", "Microsoft YaHei", sans-serif; color: #1f2937; }
    main { max-width: 22rem; margin: 1.5rem; padding: 2rem 1.75rem; background: #fff; border-radius: 16px;
      box-shadow: 0 8px 30px rgba(31, 41, 55, 0.08); text-align: center; }
    h1 { margin: 0 0 0.75rem; font-size: 1.25rem; }
    p { margin: 0; line-height: 1.7; color: #6b7280; }
  </style>`,
    `<main>
    <h1>这个链接已失效</h1>
    <p>链接可能输错了，或者已经过期。请向分享给您的人索取新的链接。</p>
  </main>`,
  );
}
