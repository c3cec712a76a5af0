export { CommerceModule } from './commerce.module.js';
export { type CachedProduct, CatalogCache } from './catalog-cache.js';
export { type OrderEvent, type OrderEventType, recordOrderEvent } from './order-events.js';
export { ORDER_STATUSES, canTransition } from './order-status.js';
export { type AlongsideTransition, OrderTransitions } from './order-transitions.js';
export {
  type LockedProduct,
  type OrderLineRecord,
  type OrderRecord,
  OrdersRepository,
  type Transaction,
} from './orders.repository.js';
export {
  ACCOUNT_TOKEN_PURPOSES,
  type AccountEventPayload,
  type AccountEventType,
  type AccountTokenPurpose,
  hashAccountToken,
  newAccountToken,
  recordAccountEvent,
} from './account-events.js';
