#!/usr/bin/env node
/**
 * Renders the demo organization's media (covers, a poster, product photos and a short MP4) with the
 * machine's Chromium, into server/assets/demo/. Run once when the demo content changes; the files are
 * committed, so `npm start` needs neither Chromium nor this script.
 *
 *   node scripts/render-demo-media.mjs
 */
/* global document, MediaRecorder, requestAnimationFrame -- page functions run in Chromium */
import { createRequire } from 'node:module';
import { mkdirSync, writeFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';

const ROOT = dirname(dirname(fileURLToPath(import.meta.url)));
const OUT = join(ROOT, 'server', 'assets', 'demo');
const { chromium } = createRequire(join(ROOT, 'tests', 'package.json'))('playwright-core');

const FONT = `'Noto Sans CJK SC', 'PingFang SC', sans-serif`;
const page = (width, height, body) => `<!doctype html><html><head><meta charset="utf-8"><style>
  * { margin: 0; box-sizing: border-box; }
  body { width: ${width}px; height: ${height}px; overflow: hidden; font-family: ${FONT}; color: #fff; }
</style></head><body>${body}</body></html>`;

/** A 900×500 cover: a gradient, a label and a title, the look of a WeChat article cover. */
const cover = (from, to, label, title, art) =>
  page(
    900,
    500,
    `<div style="position:relative;width:900px;height:500px;padding:64px;background:linear-gradient(135deg,${from},${to})">
      <div style="position:absolute;right:-80px;top:-80px;width:420px;height:420px;border-radius:50%;background:rgba(255,255,255,.12)"></div>
      <div style="position:absolute;right:72px;bottom:64px;width:180px;height:180px;border-radius:44px;background:rgba(255,255,255,.2);font-size:104px;font-weight:800;line-height:180px;text-align:center">${art}</div>
      <div style="display:inline-block;padding:8px 22px;border-radius:999px;background:rgba(255,255,255,.22);font-size:26px">${label}</div>
      <div style="margin-top:40px;width:560px;font-size:52px;font-weight:700;line-height:1.3">${title}</div>
      <div style="position:absolute;left:64px;bottom:56px;font-size:24px;opacity:.85">星辰科技 · 智能名片</div>
    </div>`,
  );

const POSTER = page(
  750,
  1334,
  `<div style="position:relative;width:750px;height:1334px;padding:96px 72px;background:linear-gradient(160deg,#1d2b64 0%,#3370ff 55%,#6aa1ff 100%)">
    <div style="position:absolute;left:-160px;bottom:-160px;width:620px;height:620px;border-radius:50%;border:60px solid rgba(255,255,255,.08)"></div>
    <div style="position:absolute;right:-120px;top:180px;width:360px;height:360px;border-radius:50%;background:rgba(255,255,255,.10)"></div>
    <div style="font-size:30px;letter-spacing:8px;opacity:.85">STARRY TECH · 2026 SPRING</div>
    <div style="margin-top:72px;font-size:96px;font-weight:800;line-height:1.15">智能名片<br>4.0 发布会</div>
    <div style="margin-top:40px;font-size:40px;font-weight:500;opacity:.95">让每一次分享都有回响</div>
    <div style="margin-top:96px;padding:40px 44px;border-radius:28px;background:rgba(255,255,255,.14);font-size:34px;line-height:1.9">
      <div><b style="opacity:.7">时间&#12288;</b>2026 年 3 月 28 日 14:00</div>
      <div><b style="opacity:.7">地点&#12288;</b>上海 · 张江科学会堂 3 层</div>
      <div><b style="opacity:.7">福利&#12288;</b>签到即赠定制名片</div>
    </div>
    <div style="position:absolute;left:72px;right:72px;bottom:96px;display:flex;justify-content:space-between;align-items:flex-end">
      <div style="font-size:30px;line-height:1.6;opacity:.9">诚邀您莅临<br>星辰科技</div>
      <div style="padding:22px 40px;border-radius:999px;background:#fff;color:#3370ff;font-size:34px;font-weight:700">扫码报名</div>
    </div>
  </div>`,
);

const productPhoto = (from, to, headline, detail) =>
  page(
    800,
    800,
    `<div style="width:800px;height:800px;display:flex;flex-direction:column;justify-content:center;align-items:center;background:linear-gradient(160deg,${from},${to})">
      <div style="width:500px;height:260px;border-radius:28px;background:#fff;box-shadow:0 30px 80px rgba(0,0,0,.25);padding:40px;color:#1f2329">
        <div style="display:flex;gap:24px;align-items:center">
          <div style="width:96px;height:96px;border-radius:50%;background:linear-gradient(135deg,#3370ff,#6aa1ff)"></div>
          <div><div style="font-size:40px;font-weight:700">李雷</div><div style="font-size:24px;color:#646a73">客户经理 · 星辰科技</div></div>
        </div>
        <div style="margin-top:36px;font-size:24px;color:#646a73">电话 138 0013 8000&#12288;微信 lilei_2026</div>
      </div>
      <div style="margin-top:64px;font-size:52px;font-weight:700">${headline}</div>
      <div style="margin-top:16px;font-size:28px;opacity:.9">${detail}</div>
    </div>`,
  );

/** An 8-second 640×360 clip drawn on a canvas and recorded as MP4 (H.264), so WeChat on iOS plays it too. */
async function recordVideo(browserPage) {
  await browserPage.setContent(`<canvas id="c" width="640" height="360"></canvas>`);
  const base64 = await browserPage.evaluate(async (font) => {
    const canvas = document.getElementById('c');
    const context = canvas.getContext('2d');
    const slides = [
      ['客户案例', '华东某制造企业的数字化获客之路'],
      ['挑战', '200 名销售，线索全靠人工登记'],
      ['方案', '全员智能名片 + 统一物料库'],
      ['结果', '三个月有效线索增长 46%'],
    ];
    const recorder = new MediaRecorder(canvas.captureStream(30), {
      mimeType: 'video/mp4;codecs=avc1',
      videoBitsPerSecond: 600_000,
    });
    const chunks = [];
    recorder.ondataavailable = (event) => chunks.push(event.data);
    const stopped = new Promise((resolve) => (recorder.onstop = resolve));
    recorder.start();
    const started = performance.now();
    await new Promise((resolve) => {
      const draw = () => {
        const elapsed = (performance.now() - started) / 1000;
        if (elapsed > 8) return resolve();
        const [label, text] = slides[Math.min(slides.length - 1, Math.floor(elapsed / 2))];
        const gradient = context.createLinearGradient(0, 0, 640, 360);
        gradient.addColorStop(0, '#7a3fd1');
        gradient.addColorStop(1, '#3370ff');
        context.fillStyle = gradient;
        context.fillRect(0, 0, 640, 360);
        context.fillStyle = 'rgba(255,255,255,0.12)';
        context.beginPath();
        context.arc(560 - (elapsed % 2) * 20, 60, 140, 0, Math.PI * 2);
        context.fill();
        context.fillStyle = '#fff';
        context.font = `500 22px ${font}`;
        context.fillText(label, 48, 120);
        context.font = `700 34px ${font}`;
        context.fillText(text, 48, 180);
        context.fillRect(48, 300, 544 * (elapsed / 8), 6);
        requestAnimationFrame(draw);
      };
      draw();
    });
    recorder.stop();
    await stopped;
    const bytes = new Uint8Array(await new Blob(chunks).arrayBuffer());
    let binary = '';
    for (const byte of bytes) binary += String.fromCharCode(byte);
    return btoa(binary);
  }, FONT);
  return Buffer.from(base64, 'base64');
}

const IMAGES = {
  'article-cover.jpg': cover(
    '#2b5ce6',
    '#6aa1ff',
    '行业洞察',
    '全员营销时代，销售如何用一张名片撬动私域流量',
    '名',
  ),
  'product-cover.jpg': cover('#00a870', '#5ed3a6', '产品介绍', '星辰智能名片 企业版', '品'),
  'video-cover.jpg': cover('#7a3fd1', '#b48af0', '客户案例 · 视频', '华东某制造企业的数字化获客之路', '▶'),
  'poster-cover.jpg': cover('#1d2b64', '#3370ff', '市场活动', '2026 春季新品发布会邀请函', '邀'),
  'spring-launch-poster.jpg': POSTER,
  'product-1.jpg': productPhoto('#00a870', '#5ed3a6', '企业统一名片', '品牌形象一致，员工信息一键同步'),
  'product-2.jpg': productPhoto('#2b5ce6', '#6aa1ff', '访客雷达', '谁看了、看了多久、转给了谁'),
};

mkdirSync(OUT, { recursive: true });
const browser = await chromium.launch({
  executablePath: '/usr/bin/chromium',
  args: ['--headless', '--no-sandbox', '--disable-gpu', '--no-first-run', '--disable-background-networking'],
});
try {
  const browserPage = await browser.newPage();
  for (const [name, html] of Object.entries(IMAGES)) {
    const size = html.match(/width: (\d+)px; height: (\d+)px/);
    await browserPage.setViewportSize({ width: Number(size[1]), height: Number(size[2]) });
    await browserPage.setContent(html);
    await browserPage.screenshot({ path: join(OUT, name), type: 'jpeg', quality: 82 });
    console.log(`✓ ${name}`);
  }
  writeFileSync(join(OUT, 'case-manufacturing.mp4'), await recordVideo(browserPage));
  console.log('✓ case-manufacturing.mp4');
} finally {
  await browser.close();
}
