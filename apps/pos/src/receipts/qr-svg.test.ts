import jsQR from 'jsqr';
import { describe, expect, it } from 'vitest';
import { qrSvg } from './qr-svg';

// Rasterises the SVG's unit squares (4 px each) and reads it back with an independent decoder.
function decode(svg: string): string | undefined {
  const size = Number(/viewBox="0 0 (\d+) /.exec(svg)![1]);
  const scale = 4;
  const width = size * scale;
  const pixels = new Uint8ClampedArray(width * width * 4).fill(255);
  for (const [, x, y] of svg.matchAll(/M(\d+) (\d+)h1v1h-1z/g)) {
    for (let dy = 0; dy < scale; dy++) {
      for (let dx = 0; dx < scale; dx++) {
        const i = ((Number(y) * scale + dy) * width + Number(x) * scale + dx) * 4;
        pixels.fill(0, i, i + 3);
      }
    }
  }
  return jsQR(pixels, width, width)?.data;
}

describe('the receipt QR code', () => {
  it('draws a code that a decoder reads back as the receipt id', () => {
    const id = 'rcp_01kaz3q9m2v8e5w7x4n6b0c1d2';
    const svg = qrSvg(id);
    expect(svg.startsWith('<svg')).toBe(true);
    expect(decode(svg)).toBe(id);
  });
});
