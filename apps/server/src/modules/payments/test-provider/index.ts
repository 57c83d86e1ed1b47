// The built-in test provider for demos and tests: a fake of each method family that mimics the
// real protocol (see card.ts, klarna.ts, swish.ts) and moves no money. Test numbers:
//   cards   4111 1111 1111 1111 approve · 4000 0000 0000 0002 decline · 4000 0000 0000 3220 3-D Secure
//   Klarna  approves up to 50 000 kr, declines above
//   Swish   0701234567 approves · 0709999999 declines · other or no number: buttons on the confirm page
import type { PaymentProviders } from '../payments.port';
import { createTestCardProvider } from './card';
import { createTestKlarnaProvider } from './klarna';
import { createTestSwishProvider, type SwishCallbackSender } from './swish';

export type TestProviders = PaymentProviders & {
  card: ReturnType<typeof createTestCardProvider>;
  klarna: ReturnType<typeof createTestKlarnaProvider>;
  swish: ReturnType<typeof createTestSwishProvider>;
};

export function createTestProviders(options: {
  publicUrl: string;
  sendSwishCallback: SwishCallbackSender;
  clock: () => Date;
}): TestProviders {
  return {
    // Getters: the public URL is read per payment (main.ts sets it once the port is known).
    card: createTestCardProvider({
      get publicUrl() {
        return options.publicUrl;
      },
    }),
    klarna: createTestKlarnaProvider(),
    swish: createTestSwishProvider({
      get publicUrl() {
        return options.publicUrl;
      },
      send: options.sendSwishCallback,
      clock: options.clock,
    }),
  };
}
