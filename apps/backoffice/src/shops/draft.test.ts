import { describe, expect, it } from 'vitest';
import { shopFieldErrors, toShopBody, toShopDraft } from './draft';

describe('the shop form draft', () => {
  it('sends host names one per line, codes in capitals and an empty link as none', () => {
    const body = toShopBody({
      ...toShopDraft(),
      name: ' Suomi ',
      hostNames: ' fi.localhost \n\nshop.example.fi\n',
      currency: 'eur',
      country: 'fi',
      termsUrl: '  ',
      deliveryCountries: ' fi, se  dk ',
      publicUrl: ' https://shop.example.fi ',
    });
    expect(body).toMatchObject({
      name: 'Suomi',
      hostNames: ['fi.localhost', 'shop.example.fi'],
      currency: 'EUR',
      country: 'FI',
      termsUrl: null,
      deliveryCountries: ['FI', 'SE', 'DK'],
      publicUrl: 'https://shop.example.fi',
    });
    // Nothing typed: the server's default (the shop's own country) and PUBLIC_URL.
    const bare = toShopBody({ ...toShopDraft(), deliveryCountries: ' ', publicUrl: '' });
    expect(bare.deliveryCountries).toBeUndefined();
    expect(bare.publicUrl).toBeNull();
  });

  it('puts the server’s field errors on their inputs, a host name’s with its line', () => {
    expect(
      shopFieldErrors([
        { field: 'hostNames[1]', message: 'Another shop has this host name' },
        { field: 'shippingMethodIds.0', message: 'Unknown shipping method' },
        { field: 'priceListId', message: 'The list is in SEK' },
        { field: 'version', message: 'Stale' },
        { field: 'deliveryCountries[1]', message: 'Deliveries outside the EU are not supported' },
      ]),
    ).toEqual({
      deliveryCountries: { message: 'Deliveries outside the EU are not supported', index: 1 },
      hostNames: { message: 'Another shop has this host name', line: 2 },
      shippingMethodIds: { message: 'Unknown shipping method' },
      priceListId: { message: 'The list is in SEK' },
    });
  });
});
