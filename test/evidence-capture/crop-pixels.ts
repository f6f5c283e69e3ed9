import type { Page } from 'playwright';

export interface PixelRect {
  x: number;
  y: number;
  w: number;
  h: number;
}

/**
 * How far the brightest and darkest pixel inside `rect` of an image lie apart (luma, 0–255), decoded
 * by the browser on a canvas. A blank band (one colour, give or take JPEG noise) stays under ~10;
 * text on a background is far above. Used on a blank page of the test's own browser.
 */
export async function lumaSpread(page: Page, image: Uint8Array, rect: PixelRect): Promise<number> {
  const type = image[0] === 0x89 ? 'image/png' : 'image/jpeg';
  const dataUri = `data:${type};base64,${Buffer.from(image).toString('base64')}`;
  return page.evaluate(
    async ({ dataUri, rect }) => {
      const img = new Image();
      img.src = dataUri;
      await img.decode();
      const w = Math.max(1, Math.min(rect.w, img.naturalWidth - rect.x));
      const h = Math.max(1, Math.min(rect.h, img.naturalHeight - rect.y));
      const canvas = document.createElement('canvas');
      canvas.width = w;
      canvas.height = h;
      const ctx = canvas.getContext('2d');
      if (!ctx) throw new Error('no 2d context');
      ctx.drawImage(img, rect.x, rect.y, w, h, 0, 0, w, h);
      const data = ctx.getImageData(0, 0, w, h).data;
      let min = 255;
      let max = 0;
      for (let i = 0; i < data.length; i += 4) {
        const luma = 0.299 * data[i] + 0.587 * data[i + 1] + 0.114 * data[i + 2];
        if (luma < min) min = luma;
        if (luma > max) max = luma;
      }
      return Math.round(max - min);
    },
    { dataUri, rect },
  );
}
