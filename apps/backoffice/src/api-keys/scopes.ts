import type { ApiScope } from '@handla/api';
import type { MessageKey } from '@handla/ui';

// A record, not a list, so the compiler flags a scope added to the contract but missing here.
const SCOPE_LABELS: Record<ApiScope, MessageKey> = {
  'catalog:read': 'scope.catalogRead',
  'catalog:write': 'scope.catalogWrite',
  'stock:read': 'scope.stockRead',
  'stock:write': 'scope.stockWrite',
  'orders:read': 'scope.ordersRead',
  'orders:write': 'scope.ordersWrite',
  'events:read': 'scope.eventsRead',
  'webhooks:manage': 'webhooksAdmin.scopeManage',
  'reports:read': 'reportsAdmin.scopeRead',
  'erp:read': 'erpAdmin.scopeRead',
};

/** Every scope an API key can have, with the message describing it. */
export const SCOPES = Object.entries(SCOPE_LABELS) as [ApiScope, MessageKey][];
