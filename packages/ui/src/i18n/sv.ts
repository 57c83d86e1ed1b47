import { accountingAdminSv } from './areas/accounting-admin';
import { catalogAdminSv } from './areas/catalog-admin';
import { crmAdminSv } from './areas/crm-admin';
import { erpAdminSv } from './areas/erp-admin';
import { fulfilmentAdminSv } from './areas/fulfilment-admin';
import { integrationsAdminSv } from './areas/integrations-admin';
import { invoicesAdminSv } from './areas/invoices-admin';
import { messagesAdminSv } from './areas/messages-admin';
import { ordersAdminSv } from './areas/orders-admin';
import { pickupAdminSv } from './areas/pickup-admin';
import { posSv } from './areas/pos';
import { posCustomersSv } from './areas/pos-customers';
import { posExtrasSv } from './areas/pos-extras';
import { posOrdersSv } from './areas/pos-orders';
import { promotionsAdminSv } from './areas/promotions-admin';
import { registersAdminSv } from './areas/registers-admin';
import { reportsAdminSv } from './areas/reports-admin';
import { returnsAdminSv } from './areas/returns-admin';
import { shippingAdminSv } from './areas/shipping-admin';
import { shopSv } from './areas/shop';
import { shopsAdminSv } from './areas/shops-admin';
import { stockAdminSv } from './areas/stock-admin';
import { webhooksAdminSv } from './areas/webhooks-admin';

// Swedish, the default language. Every key here must exist in `en` too (the type checks it).
const baseSv = {
  'lang.switch': 'English',
  'lang.switchLabel': 'Byt språk till engelska',

  'common.loading': 'Laddar…',
  'common.retry': 'Försök igen',
  'common.showMore': 'Visa fler',
  'common.cancel': 'Avbryt',
  'common.never': 'Aldrig',
  'common.yes': 'Ja',
  'common.no': 'Nej',

  'error.generic': 'Något gick fel.',
  'error.network': 'Kunde inte nå servern. Kontrollera anslutningen och försök igen.',
  'error.invalid_credentials': 'Fel e-post eller lösenord.',
  'error.too_many_attempts': 'För många inloggningsförsök. Vänta en stund och försök igen.',
  'error.unauthenticated': 'Du är inte inloggad. Logga in igen.',
  'error.forbidden': 'Du saknar behörighet för det här.',
  'error.validation_failed': 'Några fält är felaktiga.',
  'error.not_found': 'Hittades inte.',
  'error.internal_error': 'Något gick fel hos oss. Försök igen om en stund.',

  'auth.heading': 'Logga in',
  'auth.email': 'E-post',
  'auth.password': 'Lösenord',
  'auth.signIn': 'Logga in',
  'auth.signingIn': 'Loggar in…',
  'auth.signOut': 'Logga ut',
  'auth.signedInAs': 'Inloggad som',
  'auth.switchAccount': 'Logga ut och byt konto',
  'auth.noAccess': 'Du saknar behörighet',
  'auth.noAccessDetail':
    'Du är inloggad som {name} ({role}). Logga ut och logga in med ett konto som har behörighet.',

  'role.owner': 'Ägare',
  'role.manager': 'Butikschef',
  'role.cashier': 'Kassör',

  'product.search': 'Sök produkter',
  'product.searchHint': 'Namn, varumärke eller artikelnummer',
  'product.fromPrice': 'från {price}',
  'product.variants.one': '1 variant',
  'product.variants.other': '{count} varianter',
  'product.noResults': 'Inga produkter hittades.',
  'product.name': 'Namn',
  'product.brand': 'Varumärke',
  'product.category': 'Kategori',
  'product.variantCount': 'Varianter',
  'product.price': 'Pris från',
  'product.sku': 'Artikelnummer',
  'product.count': '{count} produkter visas',

  'stores.heading': 'Våra butiker',
  'stores.openingHours': 'Öppettider',
  'stores.closed': 'Stängt',
  'stores.phone': 'Telefon',
  'stores.none': 'Inga butiker ännu.',

  'events.connecting': 'Ansluter…',
  'events.connected': 'Ansluten',
  'events.offline': 'Frånkopplad',
  'events.connection': 'Anslutning',
  'events.heading': 'Senaste händelser',
  'events.none': 'Inga händelser ännu.',
  'events.type': 'Händelse',
  'events.time': 'Tid',
  'events.store': 'Butik',

  'paging.previous': 'Föregående sida',
  'paging.next': 'Nästa sida',
  'paging.page': 'Sida {page}',

  'shop.title': 'Demo Butik',
  'shop.products': 'Produkter',

  'pos.title': 'Kassa',
  'pos.products': 'Produkter',

  'admin.title': 'Backoffice',
  'admin.nav': 'Huvudmeny',
  'nav.overview': 'Översikt',
  'nav.products': 'Produkter',
  'nav.stores': 'Butiker',
  'nav.staff': 'Personal',
  'nav.apiKeys': 'API-nycklar',
  'nav.events': 'Händelser',

  'overview.system': 'Systemstatus',
  'overview.status': 'Status',
  'overview.statusOk': 'Allt fungerar',
  'overview.database': 'Databas',
  'overview.version': 'Version',
  'overview.products': 'Produkter',
  'overview.stores': 'Butiker',

  'overview.productsCapped': '{count}+',
  'overview.checking': 'Kontrollerar…',

  'scope.catalogRead': 'Läsa produkter och priser',
  'scope.catalogWrite': 'Ändra produkter och priser',
  'scope.stockRead': 'Läsa lagersaldon',
  'scope.stockWrite': 'Ändra lagersaldon',
  'scope.ordersRead': 'Läsa ordrar',
  'scope.ordersWrite': 'Skapa och ändra ordrar',
  'scope.eventsRead': 'Följa händelser',

  'events.caption': 'Händelselogg',
  'events.subject': 'Gäller',
  'events.allStores': 'Alla',

  'staff.caption': 'Personal',
  'staff.name': 'Namn',
  'staff.email': 'E-post',
  'staff.role': 'Roll',

  'apiKeys.caption': 'API-nycklar',
  'apiKeys.name': 'Namn',
  'apiKeys.prefix': 'Prefix',
  'apiKeys.scopes': 'Behörigheter',
  'apiKeys.created': 'Skapad',
  'apiKeys.lastUsed': 'Senast använd',
  'apiKeys.status': 'Status',
  'apiKeys.active': 'Aktiv',
  'apiKeys.revokedAt': 'Återkallad {date}',
  'apiKeys.actions': 'Åtgärder',
  'apiKeys.revoke': 'Återkalla',
  'apiKeys.confirmRevoke': 'Bekräfta återkallning',
  'apiKeys.revokeWarning': 'Integrationer som använder ”{name}” slutar fungera direkt.',
  'apiKeys.none': 'Inga API-nycklar ännu.',
  'apiKeys.createHeading': 'Ny API-nyckel',
  'apiKeys.create': 'Skapa nyckel',
  'apiKeys.creating': 'Skapar…',
  'apiKeys.chooseScopes': 'Välj minst en behörighet.',
  'apiKeys.secretHeading': 'Nyckeln ”{name}” är skapad',
  'apiKeys.secretLabel': 'Hemlig nyckel',
  'apiKeys.secretWarning': 'Kopiera nyckeln nu och spara den säkert. Den visas inte igen.',
  'apiKeys.copy': 'Kopiera',
  'apiKeys.copied': 'Kopierad',
  'apiKeys.copyFailed': 'Kunde inte kopiera. Markera texten och kopiera själv.',
  'apiKeys.done': 'Jag har sparat nyckeln',
} as const;

/** The Swedish dictionary: the base keys plus each area's own file under `areas/`. */
export const sv = {
  ...baseSv,
  ...catalogAdminSv,
  ...stockAdminSv,
  ...shopSv,
  ...pickupAdminSv,
  ...messagesAdminSv,
  ...posSv,
  ...registersAdminSv,
  ...posOrdersSv,
  ...posCustomersSv,
  ...posExtrasSv,
  ...webhooksAdminSv,
  ...reportsAdminSv,
  ...crmAdminSv,
  ...promotionsAdminSv,
  ...returnsAdminSv,
  ...shippingAdminSv,
  ...fulfilmentAdminSv,
  ...ordersAdminSv,
  ...accountingAdminSv,
  ...integrationsAdminSv,
  ...erpAdminSv,
  ...invoicesAdminSv,
  ...shopsAdminSv,
} as const;

/** A key of the dictionaries. */
export type MessageKey = keyof typeof sv;
