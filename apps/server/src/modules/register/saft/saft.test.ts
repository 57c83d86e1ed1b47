import { createHmac } from 'node:crypto';
import { describe, expect, it } from 'vitest';
import { standardVatCodeFor, vatCodeFor } from './saft-codes';
import { amount, localDateTime } from './saft-format';
import { signatureInput, signTransaction } from './saft-signature';
import { el, group, renderDocument } from './xml-writer';

describe('the SAF-T building blocks', () => {
  it('formats öre with a point and two decimals, sign in front', () => {
    expect([0, 5, -40, 29540, -1426, 100_000_000].map(amount)).toEqual([
      '0.00',
      '0.05',
      '-0.40',
      '295.40',
      '-14.26',
      '1000000.00',
    ]);
  });

  it('maps Swedish VAT rates onto the standard output-VAT codes by tier', () => {
    expect([2500, 1200, 600, 0].map(standardVatCodeFor)).toEqual(['3', '31', '33', '5']);
    expect(standardVatCodeFor(1500)).toBe('31');
    expect([2500, 600, 1250].map(vatCodeFor)).toEqual(['25', '6', '12.5']);
  });

  it('escapes text, leaves out absent optional elements and drops characters XML cannot hold', () => {
    const xml = renderDocument('r', { a: 'x"y' }, [
      group('g', [el('t', 'Fisk & <chips> "ok"\u0001'), el('skip', undefined), el('n', 0)]),
    ]);
    expect(xml).toContain('<r a="x&quot;y">');
    expect(xml).toContain('<t>Fisk &amp; &lt;chips&gt; "ok"</t>');
    expect(xml).toContain('<n>0</n>');
    expect(xml).not.toContain('skip');
  });

  it('signs "<previous or 0>;date;time;nr;in;ex" with HMAC-SHA1 in base64', () => {
    const f = {
      transDate: '2020-01-01',
      transTime: '09:00:30',
      nr: '1000',
      transAmntIn: '295.00',
      transAmntEx: '236.32',
    };
    expect(signatureInput(null, f)).toBe('0;2020-01-01;09:00:30;1000;295.00;236.32');
    const key = Buffer.from('k');
    const first = signTransaction(key, null, f);
    expect(first).toBe(
      createHmac('sha1', key).update('0;2020-01-01;09:00:30;1000;295.00;236.32').digest('base64'),
    );
    expect(signatureInput(first, f).startsWith(`${first};`)).toBe(true);
  });

  it('gives the local wall-clock date and time, across summer time', () => {
    expect(localDateTime('2026-07-01T22:30:00.000Z', 'Europe/Stockholm')).toEqual({
      date: '2026-07-02',
      time: '00:30:00',
    });
    expect(localDateTime('2026-01-01T22:30:00.000Z', 'Europe/Stockholm')).toEqual({
      date: '2026-01-01',
      time: '23:30:00',
    });
  });
});
