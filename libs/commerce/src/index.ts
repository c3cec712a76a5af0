export { CommerceModule } from './commerce.module.js';
export { type CachedProduct, CatalogCache } from './catalog-cache.js';
export {
  type OrderEvent,
  type OrderEventPayload,
  type OrderEventType,
  ORDER_AGGREGATE,
  recordOrderEvent,
} from './order-events.js';
export { ORDER_STATUSES, canTransition } from './order-status.js';
export { OrderTransitions, type TransitionCheck } from './order-transitions.js';
export {
  type LockedOrder,
  type LockedProduct,
  type NewOrder,
  type OrderLineRecord,
  type OrderRecord,
  OrdersRepository,
  type Transaction,
} from './orders.repository.js';
