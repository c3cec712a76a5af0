import type { OrderEventType } from '@libs/commerce';

interface RenderInput {
  readonly type: OrderEventType;
  readonly orderId: string;
  readonly customerName: string;
  readonly currency: string;
  readonly totalCents: number;
  readonly lines: readonly { name: string; quantity: number; unitPriceCents: number }[];
}

interface Rendered {
  readonly kind: string;
  readonly subject: string;
  readonly body: string;
}

/** Minor units → a formatted amount, with the currency's own number of decimals (JPY has 0). */
export function formatMoney(cents: number, currency: string): string {
  const format = new Intl.NumberFormat('en', { style: 'currency', currency });
  const digits = format.resolvedOptions().maximumFractionDigits ?? 2;
  return format.format(cents / 10 ** digits);
}

const HEADLINES: Partial<Record<OrderEventType, { kind: string; subject: string; text: string }>> =
  {
    'order.placed': {
      kind: 'order_confirmation',
      subject: 'Order confirmed',
      text: 'thank you for your order. We have reserved these items for you:',
    },
    'order.shipped': {
      kind: 'order_shipped',
      subject: 'Order shipped',
      text: 'your order is on its way:',
    },
    'order.cancelled': {
      kind: 'order_cancelled',
      subject: 'Order cancelled',
      text: 'your order was cancelled and nothing will be charged for it:',
    },
  };

/** The message for an order event, or null when customers are not told about this event. */
export function renderNotification(input: RenderInput): Rendered | null {
  const headline = HEADLINES[input.type];
  if (!headline) return null;
  const reference = input.orderId.slice(-8).toUpperCase();
  const lines = input.lines.map(
    (line) =>
      `  ${line.quantity} × ${line.name}  ${formatMoney(line.unitPriceCents * line.quantity, input.currency)}`,
  );
  return {
    kind: headline.kind,
    subject: `${headline.subject}: ${reference}`,
    body: [
      `Hello ${input.customerName || 'there'},`,
      '',
      headline.text,
      ...lines,
      `  Total  ${formatMoney(input.totalCents, input.currency)}`,
      '',
      `Order reference: ${input.orderId}`,
    ].join('\n'),
  };
}
