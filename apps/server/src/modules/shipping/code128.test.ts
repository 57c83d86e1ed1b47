// The test reader of Code 128 decodes what bwip-js draws (code sets B and C, switches between
// them), and refuses a barcode whose bars were tampered with (the check symbol).
import { describe, expect, it } from 'vitest';
import { decodeCode128 } from './code128.testing';
import { code128Png } from './label.pdf';
import { rgbOfPng } from './shipping.testing';

describe('decodeCode128', () => {
  it.each(['CA123456785SE', '1001', 'Handla-42', 'AB12', '9876543210'])(
    'reads back %s from the bars bwip-js draws',
    async (text) => {
      expect(decodeCode128(rgbOfPng(await code128Png(text)))).toBe(text);
    },
  );

  it('refuses bars that do not add up', async () => {
    const image = rgbOfPng(await code128Png('CA123456785SE'));
    // Make the first wide bar after the middle one module narrower: a space one module wider.
    const { width, height, rgb } = image;
    const row = Math.floor(height / 2);
    const dark = (x: number) => rgb[(row * width + x) * 3]! < 128;
    let x = Math.floor(width / 2);
    while (!(dark(x) && dark(x + 5) && !dark(x - 1))) x++;
    for (let y = 0; y < height; y++) rgb.fill(255, (y * width + x) * 3, (y * width + x + 3) * 3);
    expect(() => decodeCode128(image)).toThrow();
  });
});
