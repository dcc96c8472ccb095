import type { Naming } from './App';
import { productOf, type DemoConversation } from './sim';

export function BuyerPanel({ conversation, naming }: { conversation: DemoConversation; naming: Naming }) {
  const { cls } = naming;
  const product = productOf(conversation);
  return (
    <aside class={cls('buyer-panel')}>
      <h2>买家信息</h2>
      <dl>
        <dt>买家</dt>
        <dd class={cls('buyer-name')}>{conversation.buyerName}</dd>
        <dt>订单号</dt>
        <dd class={cls('order-no')}>{conversation.orderNumber ?? '—'}</dd>
        <dt>咨询商品</dt>
        <dd>{product.title[conversation.lang]}</dd>
        <dt>价格</dt>
        <dd>
          {product.currency[conversation.lang]}
          {product.price}
        </dd>
      </dl>
    </aside>
  );
}
