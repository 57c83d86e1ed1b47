// The pay panel's side of the credit pre-check: asks once per try, remembers the answer for the
// notice, and lets a cashier who was told "could not be checked" take the same amount on a second try.
import { useRef, useState } from 'react';
import { useRegister } from '../register-context';
import { decideInvoiceCredit, type InvoiceCreditDecision } from './invoice-credit';

export interface InvoiceCredit {
  /** The last answer while the invoice form is open; null before the first try. */
  decision: InvoiceCreditDecision | null;
  isChecking: boolean;
  /** True when an invoice payment making the sale's invoice `amount` may be added now. */
  mayTake: (amount: number) => Promise<boolean>;
  /** Forgets the answer (another method chosen, the payment taken). */
  reset: () => void;
}

export function useInvoiceCredit(customerId: string | null): InvoiceCredit {
  const { api, isOnline } = useRegister();
  const [last, setLast] = useState<{ decision: InvoiceCreditDecision; amount: number } | null>(null);
  const [isChecking, setChecking] = useState(false);
  // An answer arriving after the cashier moved on is ignored.
  const generation = useRef(0);

  function reset() {
    generation.current += 1;
    setLast(null);
    setChecking(false);
  }

  async function mayTake(amount: number): Promise<boolean> {
    if (!customerId) return false;
    if (last?.decision.kind === 'take_unchecked' && last.amount === amount) return true;
    const mine = ++generation.current;
    setChecking(true);
    const decision = await decideInvoiceCredit(api.invoiceCreditCheck, { isOnline, customerId, amount });
    if (mine !== generation.current) return false;
    setChecking(false);
    setLast({ decision, amount });
    return decision.kind === 'take' || (decision.kind === 'take_unchecked' && decision.reason === 'offline');
  }

  return { decision: last?.decision ?? null, isChecking, mayTake, reset };
}
