// Register: gift cards sold and topped up, vouchers, the linked card terminal, pro-forma prints and the drawer.
// Keys are prefixed by the area; every key needs both languages.
export const posExtrasSv = {
  'pos.extras.giftCardSell': 'Sälj presentkort',
  // Selling or topping up a gift card (pos.extras.giftCard.*)
  'pos.extras.giftCard.heading': 'Sälj eller fyll på presentkort',
  'pos.extras.giftCard.code': 'Kortnummer (skanna eller skriv)',
  'pos.extras.giftCard.generate': 'Nytt nummer',
  'pos.extras.giftCard.action': 'Vad ska göras?',
  'pos.extras.giftCard.issue': 'Nytt kort',
  'pos.extras.giftCard.topUp': 'Fyll på ett kort',
  'pos.extras.giftCard.amount': 'Belopp',
  'pos.extras.giftCard.checkBalance': 'Visa saldo',
  'pos.extras.giftCard.balance': 'Saldo: {amount}',
  'pos.extras.giftCard.unknown': 'Kortet finns inte. Välj ”Nytt kort” för att sälja det.',
  'pos.extras.giftCard.exists': 'Kortet finns redan (saldo {amount}). Välj ”Fyll på ett kort”.',
  'pos.extras.giftCard.balanceOffline': 'Saldot kan bara visas när kassan är online.',
  'pos.extras.giftCard.add': 'Lägg på kvittot',
  'pos.extras.giftCard.cancel': 'Avbryt',
  'pos.extras.giftCard.added': 'Presentkort {code} på kvittot',
  'pos.extras.giftCard.badCode': 'Kortnumret ska vara 8–32 siffror eller versaler.',
  'pos.extras.giftCard.badAmount': 'Beloppet ska vara mellan 1 kr och 100 000 kr.',
  'pos.extras.giftCard.already': 'Kortet finns redan på kvittot.',
  'pos.extras.giftCard.note':
    'Presentkort säljs utan moms och utan rabatt, och kan inte betalas med presentkort.',
  // The linked card terminal (pos.extras.terminal.*)
  'pos.extras.terminal.send': 'Skicka {amount} till terminalen',
  'pos.extras.terminal.follow': 'Följ instruktionerna på terminalen',
  'pos.extras.terminal.cancel': 'Avbryt på terminalen',
  'pos.extras.terminal.approved': 'Godkänt: kort {pan}, ref {reference}',
  'pos.extras.terminal.declined': 'Nekat: {reason}. Köpet är fortfarande öppet.',
  'pos.extras.terminal.unavailable': 'Terminalen svarar inte: {reason}. Köpet är fortfarande öppet.',
  'pos.extras.terminal.simulator': 'Simulerad terminal: inga pengar dras. Belopp som slutar på 13 öre nekas.',
  // Vouchers (pos.extras.voucher.*)
  'pos.extras.voucher.code': 'Tillgodokvittots kod',
  'pos.extras.voucher.check': 'Kontrollera',
  'pos.extras.voucher.worth': 'Värt {amount}, giltigt till {date}',
  'pos.extras.voucher.forfeit':
    'Tillgodokvittot är värt {amount} mer än det som är kvar. Det ges ingen växel: mellanskillnaden går förlorad.',
  'pos.extras.voucher.used': 'Tillgodokvittot är redan använt.',
  'pos.extras.voucher.expired': 'Tillgodokvittot har gått ut.',
  'pos.extras.voucher.currency': 'Tillgodokvittot är i en annan valuta.',
  'pos.extras.voucher.nothingLeft': 'Det finns inget kvar att betala.',
  'pos.extras.voucher.needsOnline': 'Tillgodokvitton kontrolleras mot servern; kassan är offline.',
  'pos.extras.voucher.use': 'Använd tillgodokvittot',
  'pos.extras.voucher.refund': 'Återbetala som tillgodokvitto',
  'pos.extras.voucher.refundNote': 'Kunden får ett tillgodokvitto med kod {code}, giltigt ett år.',
  // Pro-forma prints (pos.extras.proForma.*)
  'pos.extras.proForma.button': 'Proforma (EJ KVITTO)',
  'pos.extras.proForma.heading': 'Proforma – EJ KVITTO',
  'pos.extras.proForma.printed': 'Proforman skrevs ut.',
  'pos.extras.proForma.print': 'Skriv ut',
  'pos.extras.proForma.close': 'Stäng',
  'pos.extras.proForma.controlUnit': 'Kontrollenheten svarar inte; proforman kan inte skrivas ut.',
  // The drawer (pos.extras.drawer.*)
  'pos.extras.drawer.kicked': 'Lådan öppnades.',
  'pos.extras.drawer.manual': 'Öppningen är registrerad. Skrivaren nås inte: öppna lådan med nyckeln.',
  // The credit pre-check before an invoice payment (pos.extras.invoiceCredit.*)
  'pos.extras.invoiceCredit.checking': 'Kontrollerar kundens kreditgräns …',
  'pos.extras.invoiceCredit.exceeded':
    'Över kreditgränsen: kunden har en kreditgräns på {limit} och kan handla för {headroom} till på faktura. Ta högst {headroom} på faktura eller välj ett annat betalsätt.',
  'pos.extras.invoiceCredit.exceededNoHeadroom':
    'Över kreditgränsen: kunden har en kreditgräns på {limit} och inget kvar att handla för på faktura. Välj ett annat betalsätt.',
  'pos.extras.invoiceCredit.noCredit':
    'Kunden har ingen kredit (ingen kreditgräns är satt). Välj ett annat betalsätt.',
  'pos.extras.invoiceCredit.exceededUnknown':
    'Köpet skulle överskrida kundens kreditgräns. Välj ett annat betalsätt.',
  'pos.extras.invoiceCredit.offline':
    'Kassan är offline: kreditgränsen kan inte kontrolleras nu. Fakturan tas ändå, och butikschefen ser det om gränsen överskrids.',
  'pos.extras.invoiceCredit.unreachable':
    'Servern svarar inte: kreditgränsen kunde inte kontrolleras. Tryck ”{button}” igen för att ta fakturan ändå; butikschefen ser det om gränsen överskrids.',
  // Promotions and coupons at the register (pos.promotions.*)
  'pos.promotions.lineLabel': 'Kampanjer på raden',
  'pos.promotions.couponButton': 'Kupong',
  'pos.promotions.heading': 'Kupongkod',
  'pos.promotions.code': 'Kupongkod (skanna eller skriv)',
  'pos.promotions.apply': 'Använd kupong',
  'pos.promotions.cancel': 'Stäng',
  'pos.promotions.checking': 'Kontrollerar kupongen …',
  'pos.promotions.added': 'Kupong {code} tillagd',
  'pos.promotions.applied': 'Ger rabatt',
  'pos.promotions.notApplied': 'Ger ingen rabatt på det här kvittot ännu',
  'pos.promotions.remove': 'Ta bort kupong {code}',
  'pos.promotions.unknown': 'Okänd kupongkod.',
  'pos.promotions.usedUp': 'Kupongen är redan förbrukad.',
  'pos.promotions.offlineSingleUse':
    'Engångskuponger kan bara tas emot när kassan är online (de kan ha använts i en annan kassa).',
  'pos.promotions.offlineUnchecked':
    'Kassan är offline och har inte sett den här koden förut. Kupongen kan tas emot när kassan är online igen.',
  'pos.promotions.failed': 'Kupongen kunde inte kontrolleras. Försök igen.',
  'pos.promotions.coupons': 'Kuponger',
} as const;

export const posExtrasEn: Record<keyof typeof posExtrasSv, string> = {
  'pos.extras.giftCardSell': 'Sell gift card',
  'pos.extras.giftCard.heading': 'Sell or top up a gift card',
  'pos.extras.giftCard.code': 'Card number (scan or type)',
  'pos.extras.giftCard.generate': 'New number',
  'pos.extras.giftCard.action': 'What to do?',
  'pos.extras.giftCard.issue': 'New card',
  'pos.extras.giftCard.topUp': 'Top up a card',
  'pos.extras.giftCard.amount': 'Amount',
  'pos.extras.giftCard.checkBalance': 'Show balance',
  'pos.extras.giftCard.balance': 'Balance: {amount}',
  'pos.extras.giftCard.unknown': 'No such card. Choose “New card” to sell it.',
  'pos.extras.giftCard.exists': 'The card exists already (balance {amount}). Choose “Top up a card”.',
  'pos.extras.giftCard.balanceOffline': 'The balance can only be shown while the register is online.',
  'pos.extras.giftCard.add': 'Add to the receipt',
  'pos.extras.giftCard.cancel': 'Cancel',
  'pos.extras.giftCard.added': 'Gift card {code} on the receipt',
  'pos.extras.giftCard.badCode': 'The card number is 8–32 digits or capital letters.',
  'pos.extras.giftCard.badAmount': 'The amount must be between 1 kr and 100,000 kr.',
  'pos.extras.giftCard.already': 'The card is on the receipt already.',
  'pos.extras.giftCard.note':
    'Gift cards are sold without VAT and discounts, and cannot be paid with a gift card.',
  'pos.extras.terminal.send': 'Send {amount} to the terminal',
  'pos.extras.terminal.follow': 'Follow the instructions on the terminal',
  'pos.extras.terminal.cancel': 'Cancel on the terminal',
  'pos.extras.terminal.approved': 'Approved: card {pan}, ref {reference}',
  'pos.extras.terminal.declined': 'Declined: {reason}. The sale is still open.',
  'pos.extras.terminal.unavailable': 'The terminal does not answer: {reason}. The sale is still open.',
  'pos.extras.terminal.simulator':
    'Simulated terminal: no money is taken. Amounts ending in 13 öre are declined.',
  'pos.extras.voucher.code': 'Voucher code',
  'pos.extras.voucher.check': 'Check',
  'pos.extras.voucher.worth': 'Worth {amount}, valid until {date}',
  'pos.extras.voucher.forfeit':
    'The voucher is worth {amount} more than what is left. No change is given: the difference is forfeited.',
  'pos.extras.voucher.used': 'The voucher has been used.',
  'pos.extras.voucher.expired': 'The voucher has expired.',
  'pos.extras.voucher.currency': 'The voucher is in another currency.',
  'pos.extras.voucher.nothingLeft': 'There is nothing left to pay.',
  'pos.extras.voucher.needsOnline': 'Vouchers are checked with the server; the register is offline.',
  'pos.extras.voucher.use': 'Use the voucher',
  'pos.extras.voucher.refund': 'Refund as a credit voucher',
  'pos.extras.voucher.refundNote': 'The customer gets a credit voucher with code {code}, valid for a year.',
  'pos.extras.proForma.button': 'Pro forma (NOT A RECEIPT)',
  'pos.extras.proForma.heading': 'Pro forma – NOT A RECEIPT',
  'pos.extras.proForma.printed': 'The pro forma was printed.',
  'pos.extras.proForma.print': 'Print',
  'pos.extras.proForma.close': 'Close',
  'pos.extras.proForma.controlUnit': 'The control unit does not answer; the pro forma cannot be printed.',
  'pos.extras.drawer.kicked': 'The drawer was opened.',
  'pos.extras.drawer.manual':
    'The opening is recorded. The printer cannot be reached: open the drawer with the key.',
  'pos.extras.invoiceCredit.checking': 'Checking the customer’s credit limit …',
  'pos.extras.invoiceCredit.exceeded':
    'Over the credit limit: the customer’s credit limit is {limit}, and {headroom} is left to buy on invoice. Take at most {headroom} by invoice, or choose another payment method.',
  'pos.extras.invoiceCredit.exceededNoHeadroom':
    'Over the credit limit: the customer’s credit limit is {limit}, and nothing is left to buy on invoice. Choose another payment method.',
  'pos.extras.invoiceCredit.noCredit':
    'The customer has no credit (no credit limit is set). Choose another payment method.',
  'pos.extras.invoiceCredit.exceededUnknown':
    'The sale would exceed the customer’s credit limit. Choose another payment method.',
  'pos.extras.invoiceCredit.offline':
    'The register is offline: the credit limit cannot be checked now. The invoice is taken anyway, and the manager sees it if the limit is exceeded.',
  'pos.extras.invoiceCredit.unreachable':
    'The server does not answer: the credit limit could not be checked. Press “{button}” again to take the invoice anyway; the manager sees it if the limit is exceeded.',
  'pos.promotions.lineLabel': 'Promotions on the line',
  'pos.promotions.couponButton': 'Coupon',
  'pos.promotions.heading': 'Coupon code',
  'pos.promotions.code': 'Coupon code (scan or type)',
  'pos.promotions.apply': 'Use coupon',
  'pos.promotions.cancel': 'Close',
  'pos.promotions.checking': 'Checking the coupon …',
  'pos.promotions.added': 'Coupon {code} added',
  'pos.promotions.applied': 'Gives a discount',
  'pos.promotions.notApplied': 'Gives no discount on this receipt yet',
  'pos.promotions.remove': 'Remove coupon {code}',
  'pos.promotions.unknown': 'Unknown coupon code.',
  'pos.promotions.usedUp': 'The coupon has already been used up.',
  'pos.promotions.offlineSingleUse':
    'Single-use coupons can only be taken while the register is online (they may have been used at another till).',
  'pos.promotions.offlineUnchecked':
    'The register is offline and has not seen this code before. The coupon can be taken once it is online again.',
  'pos.promotions.failed': 'The coupon could not be checked. Try again.',
  'pos.promotions.coupons': 'Coupons',
};
