import type { CardDto } from '@cardhub/shared';

/** Text is inserted into HTML only through this. */
export function escapeHtml(text: string): string {
  return text.replace(/[&<>"']/g, (character) => `&#${character.charCodeAt(0)};`);
}

/**
 * The page a link-preview crawler (and, for an instant, a person) gets for a share link: title, description
 * and Open Graph tags of the card, then straight on to the H5 card page. It records nothing, so previews never
 * count as views; the H5 app records the real view.
 */
export function cardPreviewPage(card: CardDto, shareUrl: string, cardPageUrl: string): string {
  const title = card.company ? `${card.name}的名片 · ${card.company}` : `${card.name}的名片`;
  const description =
    [card.title, card.company, card.bio].filter(Boolean).join(' | ') || `${card.name}的名片`;
  const meta = [
    ['og:type', 'profile'],
    ['og:title', title],
    ['og:description', description],
    ['og:url', shareUrl],
    ['og:site_name', card.organizationName],
    ...(card.avatarUrl ? [['og:image', card.avatarUrl]] : []),
  ]
    .map(([property, content]) => `<meta property="${property}" content="${escapeHtml(content!)}">`)
    .join('\n  ');
  return page(
    title,
    `<meta name="description" content="${escapeHtml(description)}">
  ${meta}
  <meta http-equiv="refresh" content="0; url=${escapeHtml(cardPageUrl)}">`,
    `<p>正在打开 ${escapeHtml(card.name)} 的名片… <a href="${escapeHtml(cardPageUrl)}">点此打开</a></p>
  <script>location.replace(${scriptString(cardPageUrl)});</script>`,
  );
}

export function cardNotFoundPage(): string {
  return page('名片不存在', '', '<p>名片不存在或已失效，请向分享人索取新的链接。</p>');
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
