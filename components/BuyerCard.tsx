import type { CurrentConversation } from '@/lib/sites/types';
import { t } from '@/lib/i18n';

export function BuyerCard({ conversation, onMarkOrder }: { conversation: CurrentConversation | null; onMarkOrder?: () => void }) {
  return (
    <section class="buyer-card" aria-label={t('currentBuyer')}>
      <h3>{t('currentBuyer')}</h3>
      {conversation ? (
        <>
          <bdi class="buyer-name">{conversation.buyerName}</bdi>
          <div class="buyer-order">
            {conversation.orderNumber ? t('orderNumber', conversation.orderNumber) : t('noOrder')}
            {!conversation.orderNumber && onMarkOrder && (
              <button type="button" class="link-button" onClick={onMarkOrder}>
                {t('markOrder')}
              </button>
            )}
          </div>
        </>
      ) : (
        <div class="muted">{t('noConversation')}</div>
      )}
    </section>
  );
}
