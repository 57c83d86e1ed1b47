import { accountingAdminEn } from './areas/accounting-admin';
import { catalogAdminEn } from './areas/catalog-admin';
import { crmAdminEn } from './areas/crm-admin';
import { erpAdminEn } from './areas/erp-admin';
import { fulfilmentAdminEn } from './areas/fulfilment-admin';
import { integrationsAdminEn } from './areas/integrations-admin';
import { invoicesAdminEn } from './areas/invoices-admin';
import { messagesAdminEn } from './areas/messages-admin';
import { ordersAdminEn } from './areas/orders-admin';
import { pickupAdminEn } from './areas/pickup-admin';
import { posEn } from './areas/pos';
import { posCustomersEn } from './areas/pos-customers';
import { posExtrasEn } from './areas/pos-extras';
import { posOrdersEn } from './areas/pos-orders';
import { promotionsAdminEn } from './areas/promotions-admin';
import { registersAdminEn } from './areas/registers-admin';
import { reportsAdminEn } from './areas/reports-admin';
import { returnsAdminEn } from './areas/returns-admin';
import { shippingAdminEn } from './areas/shipping-admin';
import { shopEn } from './areas/shop';
import { shopsAdminEn } from './areas/shops-admin';
import { stockAdminEn } from './areas/stock-admin';
import { webhooksAdminEn } from './areas/webhooks-admin';
import type { MessageKey } from './sv';

type AreaKey =
  | keyof typeof catalogAdminEn
  | keyof typeof stockAdminEn
  | keyof typeof shopEn
  | keyof typeof pickupAdminEn
  | keyof typeof messagesAdminEn
  | keyof typeof posEn
  | keyof typeof registersAdminEn
  | keyof typeof posOrdersEn
  | keyof typeof posCustomersEn
  | keyof typeof posExtrasEn
  | keyof typeof webhooksAdminEn
  | keyof typeof reportsAdminEn
  | keyof typeof crmAdminEn
  | keyof typeof promotionsAdminEn
  | keyof typeof returnsAdminEn
  | keyof typeof shippingAdminEn
  | keyof typeof fulfilmentAdminEn
  | keyof typeof ordersAdminEn
  | keyof typeof accountingAdminEn
  | keyof typeof integrationsAdminEn
  | keyof typeof erpAdminEn
  | keyof typeof invoicesAdminEn
  | keyof typeof shopsAdminEn;

const baseEn: Record<Exclude<MessageKey, AreaKey>, string> = {
  'lang.switch': 'Svenska',
  'lang.switchLabel': 'Switch language to Swedish',

  'common.loading': 'Loading…',
  'common.retry': 'Try again',
  'common.showMore': 'Show more',
  'common.cancel': 'Cancel',
  'common.never': 'Never',
  'common.yes': 'Yes',
  'common.no': 'No',

  'error.generic': 'Something went wrong.',
  'error.network': 'Could not reach the server. Check the connection and try again.',
  'error.invalid_credentials': 'Wrong e-mail or password.',
  'error.too_many_attempts': 'Too many sign-in attempts. Wait a while and try again.',
  'error.unauthenticated': 'You are not signed in. Please sign in again.',
  'error.forbidden': 'You do not have access to this.',
  'error.validation_failed': 'Some fields are invalid.',
  'error.not_found': 'Not found.',
  'error.internal_error': 'Something went wrong on our side. Try again in a moment.',

  'auth.heading': 'Sign in',
  'auth.email': 'Email',
  'auth.password': 'Password',
  'auth.signIn': 'Sign in',
  'auth.signingIn': 'Signing in…',
  'auth.signOut': 'Sign out',
  'auth.signedInAs': 'Signed in as',
  'auth.switchAccount': 'Sign out and switch account',
  'auth.noAccess': 'You do not have access',
  'auth.noAccessDetail':
    'You are signed in as {name} ({role}). Sign out and sign in with an account that has access.',

  'role.owner': 'Owner',
  'role.manager': 'Manager',
  'role.cashier': 'Cashier',

  'product.search': 'Search products',
  'product.searchHint': 'Name, brand or SKU',
  'product.fromPrice': 'from {price}',
  'product.variants.one': '1 variant',
  'product.variants.other': '{count} variants',
  'product.noResults': 'No products found.',
  'product.name': 'Name',
  'product.brand': 'Brand',
  'product.category': 'Category',
  'product.variantCount': 'Variants',
  'product.price': 'Price from',
  'product.sku': 'SKU',
  'product.count': 'Showing {count} products',

  'stores.heading': 'Our stores',
  'stores.openingHours': 'Opening hours',
  'stores.closed': 'Closed',
  'stores.phone': 'Phone',
  'stores.none': 'No stores yet.',

  'events.connecting': 'Connecting…',
  'events.connected': 'Connected',
  'events.offline': 'Offline',
  'events.connection': 'Connection',
  'events.heading': 'Latest events',
  'events.none': 'No events yet.',
  'events.type': 'Event',
  'events.time': 'Time',
  'events.store': 'Store',

  'paging.previous': 'Previous page',
  'paging.next': 'Next page',
  'paging.page': 'Page {page}',

  'shop.title': 'Demo Butik',
  'shop.products': 'Products',

  'pos.title': 'Register',
  'pos.products': 'Products',

  'admin.title': 'Back office',
  'admin.nav': 'Main menu',
  'nav.overview': 'Overview',
  'nav.products': 'Products',
  'nav.stores': 'Stores',
  'nav.staff': 'Staff',
  'nav.apiKeys': 'API keys',
  'nav.events': 'Events',

  'overview.system': 'System status',
  'overview.status': 'Status',
  'overview.statusOk': 'All systems working',
  'overview.database': 'Database',
  'overview.version': 'Version',
  'overview.products': 'Products',
  'overview.stores': 'Stores',

  'overview.productsCapped': '{count}+',
  'overview.checking': 'Checking…',

  'scope.catalogRead': 'Read products and prices',
  'scope.catalogWrite': 'Change products and prices',
  'scope.stockRead': 'Read stock levels',
  'scope.stockWrite': 'Change stock levels',
  'scope.ordersRead': 'Read orders',
  'scope.ordersWrite': 'Create and change orders',
  'scope.eventsRead': 'Follow events',

  'events.caption': 'Event log',
  'events.subject': 'Subject',
  'events.allStores': 'All',

  'staff.caption': 'Staff',
  'staff.name': 'Name',
  'staff.email': 'Email',
  'staff.role': 'Role',

  'apiKeys.caption': 'API keys',
  'apiKeys.name': 'Name',
  'apiKeys.prefix': 'Prefix',
  'apiKeys.scopes': 'Scopes',
  'apiKeys.created': 'Created',
  'apiKeys.lastUsed': 'Last used',
  'apiKeys.status': 'Status',
  'apiKeys.active': 'Active',
  'apiKeys.revokedAt': 'Revoked {date}',
  'apiKeys.actions': 'Actions',
  'apiKeys.revoke': 'Revoke',
  'apiKeys.confirmRevoke': 'Confirm revoke',
  'apiKeys.revokeWarning': 'Integrations that use “{name}” stop working at once.',
  'apiKeys.none': 'No API keys yet.',
  'apiKeys.createHeading': 'New API key',
  'apiKeys.create': 'Create key',
  'apiKeys.creating': 'Creating…',
  'apiKeys.chooseScopes': 'Choose at least one scope.',
  'apiKeys.secretHeading': 'The key “{name}” was created',
  'apiKeys.secretLabel': 'Secret key',
  'apiKeys.secretWarning': 'Copy the key now and store it safely. It will not be shown again.',
  'apiKeys.copy': 'Copy',
  'apiKeys.copied': 'Copied',
  'apiKeys.copyFailed': 'Could not copy. Select the text and copy it yourself.',
  'apiKeys.done': 'I have saved the key',
};

/** The English dictionary, with the same keys as the Swedish one. */
export const en: Record<MessageKey, string> = {
  ...baseEn,
  ...catalogAdminEn,
  ...stockAdminEn,
  ...shopEn,
  ...pickupAdminEn,
  ...messagesAdminEn,
  ...posEn,
  ...registersAdminEn,
  ...posOrdersEn,
  ...posCustomersEn,
  ...posExtrasEn,
  ...webhooksAdminEn,
  ...reportsAdminEn,
  ...crmAdminEn,
  ...promotionsAdminEn,
  ...returnsAdminEn,
  ...shippingAdminEn,
  ...fulfilmentAdminEn,
  ...ordersAdminEn,
  ...accountingAdminEn,
  ...integrationsAdminEn,
  ...erpAdminEn,
  ...invoicesAdminEn,
  ...shopsAdminEn,
};
