import { Canvas } from '@tarojs/components';
import Taro from '@tarojs/taro';
import type { CardDto } from '@cardhub/shared';
import './index.scss';

const CANVAS_ID = 'share-poster-canvas';
const WIDTH = 600;
const HEIGHT = 900;
const BRAND = '#3370ff'; // $color-primary of styles/theme.scss

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

function loadImage(canvas: PosterCanvas, src: string): Promise<HTMLImageElement> {
  return new Promise((resolve, reject) => {
    const image = canvas.createImage();
    image.onload = () => resolve(image);
    image.onerror = () => reject(new Error('图片加载失败'));
    image.src = src;
  });
}

function drawCircleImage(
  context: CanvasRenderingContext2D,
  image: HTMLImageElement,
  x: number,
  y: number,
  size: number,
) {
  context.save();
  context.beginPath();
  context.arc(x + size / 2, y + size / 2, size / 2, 0, Math.PI * 2);
  context.clip();
  context.drawImage(image, x, y, size, size);
  context.restore();
}

function drawInitialAvatar(
  context: CanvasRenderingContext2D,
  name: string,
  x: number,
  y: number,
  size: number,
) {
  context.fillStyle = '#e1eaff'; // $color-primary-soft
  context.beginPath();
  context.arc(x + size / 2, y + size / 2, size / 2, 0, Math.PI * 2);
  context.fill();
  context.fillStyle = BRAND;
  context.font = `bold ${size / 2}px sans-serif`;
  context.textAlign = 'center';
  context.textBaseline = 'middle';
  context.fillText(name.slice(0, 1), x + size / 2, y + size / 2);
}

/**
 * Draws the card (avatar, name, title, company, phone) and the mini-program code onto the poster canvas
 * and returns a temporary image file ready for `saveImageToPhotosAlbum`.
 */
export async function renderPoster(card: CardDto, codeImagePath: string): Promise<string> {
  const canvas = await findCanvas();
  canvas.width = WIDTH;
  canvas.height = HEIGHT;
  const context = canvas.getContext('2d');

  context.fillStyle = '#ffffff';
  context.fillRect(0, 0, WIDTH, HEIGHT);
  context.fillStyle = BRAND;
  context.fillRect(0, 0, WIDTH, 220);

  const avatarSize = 140;
  const avatarX = (WIDTH - avatarSize) / 2;
  const avatarY = 150;
  context.fillStyle = '#ffffff';
  context.beginPath();
  context.arc(WIDTH / 2, avatarY + avatarSize / 2, avatarSize / 2 + 6, 0, Math.PI * 2);
  context.fill();
  const avatar = card.avatarUrl ? await loadImage(canvas, card.avatarUrl).catch(() => null) : null;
  if (avatar) drawCircleImage(context, avatar, avatarX, avatarY, avatarSize);
  else drawInitialAvatar(context, card.name, avatarX, avatarY, avatarSize);

  context.textAlign = 'center';
  context.textBaseline = 'alphabetic';
  context.fillStyle = '#1f2328';
  context.font = 'bold 44px sans-serif';
  context.fillText(card.name, WIDTH / 2, 350);

  context.fillStyle = '#59636e';
  context.font = '26px sans-serif';
  const lines = [
    card.title,
    card.company || card.organizationName,
    card.phone && `电话 ${card.phone}`,
  ].filter(Boolean);
  lines.forEach((line, index) => context.fillText(line, WIDTH / 2, 400 + index * 40));

  const code = await loadImage(canvas, codeImagePath);
  const codeSize = 260;
  context.drawImage(code, (WIDTH - codeSize) / 2, 540, codeSize, codeSize);
  context.fillStyle = '#8c959f';
  context.font = '24px sans-serif';
  context.fillText('长按识别小程序码，查看我的名片', WIDTH / 2, 850);

  const { tempFilePath } = await Taro.canvasToTempFilePath({
    canvas: canvas as unknown as Taro.Canvas,
    fileType: 'png',
  } as Taro.canvasToTempFilePath.Option);
  return tempFilePath;
}
