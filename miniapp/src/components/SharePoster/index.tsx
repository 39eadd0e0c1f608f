import { Canvas } from '@tarojs/components';
import Taro from '@tarojs/taro';
import type { CardDto, MaterialDto } from '@cardhub/shared';
import { MATERIAL_TYPE_LABELS } from '../../utils/labels';
import './index.scss';

const CANVAS_ID = 'share-poster-canvas';
const WIDTH = 600;
// Colours of styles/theme.scss.
const BRAND = '#3370ff';
const BRAND_SOFT = '#e1eaff';
const TEXT = '#1f2328';
const TEXT_SECONDARY = '#59636e';
const TEXT_MUTED = '#8c959f';
const DIVIDER = '#f0f1f3';

/** The poster is drawn off screen and handed back as an image file; only the preview is shown. */
export default function SharePosterCanvas() {
  return <Canvas type="2d" id={CANVAS_ID} className="share-poster-canvas" />;
}

/** The canvas 2D node as WeChat hands it over: a browser-like canvas whose images come from `createImage`. */
interface PosterCanvas {
  width: number;
  height: number;
  getContext(type: '2d'): CanvasRenderingContext2D;
  createImage(): HTMLImageElement;
}

interface Poster {
  canvas: PosterCanvas;
  context: CanvasRenderingContext2D;
}

function findCanvas(): Promise<PosterCanvas> {
  return new Promise((resolve, reject) => {
    Taro.createSelectorQuery()
      .select(`#${CANVAS_ID}`)
      .fields({ node: true, size: true })
      .exec((results: { node?: PosterCanvas }[]) => {
        const node = results[0]?.node;
        if (node) resolve(node);
        else reject(new Error('海报画布未就绪'));
      });
  });
}

/** A blank white poster of the given height. */
async function startPoster(height: number): Promise<Poster> {
  const canvas = await findCanvas();
  canvas.width = WIDTH;
  canvas.height = height;
  const context = canvas.getContext('2d');
  context.fillStyle = '#ffffff';
  context.fillRect(0, 0, WIDTH, height);
  return { canvas, context };
}

/** The finished poster as a temporary image file, ready for `saveImageToPhotosAlbum`. */
async function exportPoster({ canvas }: Poster): Promise<string> {
  const { tempFilePath } = await Taro.canvasToTempFilePath({
    canvas: canvas as unknown as Taro.Canvas,
    fileType: 'png',
  } as Taro.canvasToTempFilePath.Option);
  return tempFilePath;
}

function loadImage(canvas: PosterCanvas, src: string): Promise<HTMLImageElement> {
  return new Promise((resolve, reject) => {
    const image = canvas.createImage();
    image.onload = () => resolve(image);
    image.onerror = () => reject(new Error('图片加载失败'));
    image.src = src;
  });
}

/** The avatar in a circle, or the name's first character when there is no avatar (or it fails to load). */
async function drawAvatar({ canvas, context }: Poster, card: CardDto, x: number, y: number, size: number) {
  const avatar = card.avatarUrl ? await loadImage(canvas, card.avatarUrl).catch(() => null) : null;
  context.save();
  context.beginPath();
  context.arc(x + size / 2, y + size / 2, size / 2, 0, Math.PI * 2);
  context.clip();
  if (avatar) {
    context.drawImage(avatar, x, y, size, size);
  } else {
    context.fillStyle = BRAND_SOFT;
    context.fillRect(x, y, size, size);
    context.fillStyle = BRAND;
    context.font = `bold ${size / 2}px sans-serif`;
    context.textAlign = 'center';
    context.textBaseline = 'middle';
    context.fillText(card.name.slice(0, 1), x + size / 2, y + size / 2);
  }
  context.restore();
}

/** Draws an image filling the box, cropped to keep its proportions (like `mode="aspectFill"`). */
function drawCover(
  context: CanvasRenderingContext2D,
  image: HTMLImageElement,
  box: [number, number, number, number],
) {
  const [x, y, width, height] = box;
  const scale = Math.max(width / image.width, height / image.height);
  const [sourceWidth, sourceHeight] = [width / scale, height / scale];
  context.drawImage(
    image,
    (image.width - sourceWidth) / 2,
    (image.height - sourceHeight) / 2,
    sourceWidth,
    sourceHeight,
    x,
    y,
    width,
    height,
  );
}

/** Splits text into at most `maxLines` lines that fit `maxWidth`, ending the last with "…" when it is cut. */
export function wrapText(
  measure: (text: string) => number,
  text: string,
  maxWidth: number,
  maxLines: number,
): string[] {
  const lines: string[] = [];
  let line = '';
  for (const character of text) {
    if (measure(line + character) <= maxWidth) {
      line += character;
      continue;
    }
    lines.push(line);
    line = character;
    if (lines.length === maxLines) break;
  }
  if (lines.length < maxLines) return line ? [...lines, line] : lines;
  let last = lines[maxLines - 1]!;
  while (last && measure(`${last}…`) > maxWidth) last = last.slice(0, -1);
  return [...lines.slice(0, maxLines - 1), `${last}…`];
}

function fillLines(
  context: CanvasRenderingContext2D,
  lines: string[],
  x: number,
  y: number,
  lineHeight: number,
) {
  lines.forEach((line, index) => context.fillText(line, x, y + index * lineHeight));
}

/** The card (avatar, name, title, company, phone) above the mini-program code that opens it. */
export async function renderCardPoster(card: CardDto, codeImagePath: string): Promise<string> {
  const poster = await startPoster(900);
  const { canvas, context } = poster;
  context.fillStyle = BRAND;
  context.fillRect(0, 0, WIDTH, 220);

  const avatarSize = 140;
  const avatarY = 150;
  context.fillStyle = '#ffffff';
  context.beginPath();
  context.arc(WIDTH / 2, avatarY + avatarSize / 2, avatarSize / 2 + 6, 0, Math.PI * 2);
  context.fill();
  await drawAvatar(poster, card, (WIDTH - avatarSize) / 2, avatarY, avatarSize);

  context.textAlign = 'center';
  context.textBaseline = 'alphabetic';
  context.fillStyle = TEXT;
  context.font = 'bold 44px sans-serif';
  context.fillText(card.name, WIDTH / 2, 350);

  context.fillStyle = TEXT_SECONDARY;
  context.font = '26px sans-serif';
  const lines = [
    card.title,
    card.company || card.organizationName,
    card.phone && `电话 ${card.phone}`,
  ].filter(Boolean);
  fillLines(context, lines, WIDTH / 2, 400, 40);

  const code = await loadImage(canvas, codeImagePath);
  const codeSize = 260;
  context.drawImage(code, (WIDTH - codeSize) / 2, 540, codeSize, codeSize);
  context.fillStyle = TEXT_MUTED;
  context.font = '24px sans-serif';
  context.fillText('长按识别小程序码，查看我的名片', WIDTH / 2, 850);
  return exportPoster(poster);
}

/** The picture that stands for a material on a poster: its cover, else the poster itself or the product's first image. */
function posterImageOf(material: MaterialDto): string | null {
  return (
    material.coverUrl ?? (material.type === 'poster' ? material.mediaUrl : null) ?? material.images[0] ?? null
  );
}

/**
 * The material (cover, type, title, summary) above a strip with the employee's card and the mini-program code
 * of their share, so whoever scans it reads the material with the employee's card attached.
 */
export async function renderMaterialPoster(
  material: MaterialDto,
  card: CardDto,
  codeImagePath: string,
): Promise<string> {
  const height = 980;
  const poster = await startPoster(height);
  const { canvas, context } = poster;
  const padding = 40;
  const coverBox: [number, number, number, number] = [0, 0, WIDTH, 338];

  const imageUrl = posterImageOf(material);
  const cover = imageUrl ? await loadImage(canvas, imageUrl).catch(() => null) : null;
  if (cover) {
    drawCover(context, cover, coverBox);
  } else {
    // No picture: the brand colour with the kind of material, so the poster still reads as designed.
    const gradient = context.createLinearGradient(0, 0, WIDTH, coverBox[3]);
    gradient.addColorStop(0, BRAND);
    gradient.addColorStop(1, '#7b61ff');
    context.fillStyle = gradient;
    context.fillRect(...coverBox);
    context.fillStyle = 'rgba(255, 255, 255, 0.92)';
    context.font = 'bold 64px sans-serif';
    context.textAlign = 'center';
    context.textBaseline = 'middle';
    context.fillText(MATERIAL_TYPE_LABELS[material.type], WIDTH / 2, coverBox[3] / 2);
  }

  context.textAlign = 'left';
  context.textBaseline = 'alphabetic';
  let y = coverBox[3] + 64;
  context.fillStyle = BRAND;
  context.font = 'bold 24px sans-serif';
  context.fillText(
    `${MATERIAL_TYPE_LABELS[material.type]}${material.category ? ` · ${material.category}` : ''}`,
    padding,
    y,
  );

  y += 56;
  context.fillStyle = TEXT;
  context.font = 'bold 38px sans-serif';
  const titleLines = wrapText(
    (text) => context.measureText(text).width,
    material.title,
    WIDTH - padding * 2,
    2,
  );
  fillLines(context, titleLines, padding, y, 54);
  y += titleLines.length * 54;

  if (material.summary) {
    context.fillStyle = TEXT_SECONDARY;
    context.font = '26px sans-serif';
    const summaryLines = wrapText(
      (text) => context.measureText(text).width,
      material.summary,
      WIDTH - padding * 2,
      2,
    );
    fillLines(context, summaryLines, padding, y + 4, 40);
  }

  // The employee's strip: card on the left, the code of the share on the right.
  const stripTop = height - 250;
  context.fillStyle = DIVIDER;
  context.fillRect(padding, stripTop, WIDTH - padding * 2, 2);
  const avatarSize = 88;
  await drawAvatar(poster, card, padding, stripTop + 48, avatarSize);
  const textX = padding + avatarSize + 24;
  const codeSize = 168;
  const textWidth = WIDTH - padding - codeSize - 24 - textX;
  context.textAlign = 'left';
  context.textBaseline = 'alphabetic';
  context.fillStyle = TEXT;
  context.font = 'bold 32px sans-serif';
  context.fillText(
    wrapText((text) => context.measureText(text).width, card.name, textWidth, 1)[0] ?? '',
    textX,
    stripTop + 84,
  );
  context.fillStyle = TEXT_SECONDARY;
  context.font = '22px sans-serif';
  const details = [card.title, card.company || card.organizationName].filter(Boolean).join(' · ');
  fillLines(
    context,
    wrapText((text) => context.measureText(text).width, details, textWidth, 2),
    textX,
    stripTop + 122,
    32,
  );
  context.fillStyle = TEXT_MUTED;
  context.font = '22px sans-serif';
  context.fillText('长按识别小程序码 阅读全文', padding, height - 36);

  const code = await loadImage(canvas, codeImagePath);
  context.drawImage(code, WIDTH - padding - codeSize, stripTop + 32, codeSize, codeSize);
  return exportPoster(poster);
}

/** Saves a rendered poster to the album; a refused permission explains itself and offers the settings. */
export async function savePosterToAlbum(posterPath: string): Promise<void> {
  try {
    await Taro.saveImageToPhotosAlbum({ filePath: posterPath });
    Taro.showToast({ title: '已保存到相册', icon: 'success' });
  } catch (error) {
    const message = (error as { errMsg?: string }).errMsg ?? '';
    if (!/auth|deny|denied/i.test(message)) return; // The user cancelled.
    const { confirm } = await Taro.showModal({
      title: '需要相册权限',
      content: '保存海报需要访问你的相册，请在设置中允许「保存到相册」。',
      confirmText: '去设置',
    });
    if (confirm) Taro.openSetting();
  }
}
