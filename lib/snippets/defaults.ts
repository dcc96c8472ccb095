import type { Snippet } from '../snippet';

type Seed = Pick<Snippet, 'id' | 'title' | 'body' | 'shortcut' | 'lang' | 'phase' | 'tags'>;

/**
 * The first snippets a new install gets: a starter set per phase, in Chinese and English.
 * None promises what the shop cannot deliver or points the buyer off the platform (DOMAIN.md pitfalls).
 */
const seeds: Seed[] = [
  { id: 'zh-greeting', lang: 'zh', phase: 'presale', shortcut: 'nh', tags: ['问候'], title: '欢迎问候', body: '亲，您好！欢迎光临本店，我是客服，很高兴为您服务，请问有什么可以帮您？' },
  { id: 'zh-size', lang: 'zh', phase: 'presale', shortcut: 'cm', tags: ['尺码'], title: '尺码推荐', body: '亲，方便告诉我您的身高和体重吗？我帮您推荐合适的尺码哦～' },
  { id: 'zh-price', lang: 'zh', phase: 'presale', shortcut: 'jg', tags: ['议价'], title: '议价（不降价）', body: '亲，这款已经是活动价了，用料和做工都很扎实，现在下单还可以领店铺优惠券，性价比很高的哦～' },
  { id: 'zh-address', lang: 'zh', phase: 'presale', shortcut: 'dz', tags: ['地址'], title: '核对地址', body: '亲，为了准确送达，麻烦核对一下收货地址和手机号是否正确哦，确认无误我们就尽快安排发货～' },
  { id: 'zh-shipping-time', lang: 'zh', phase: 'insale', shortcut: 'fh', tags: ['发货'], title: '发货时间', body: '亲，付款后我们会在 48 小时内安排发货，发出后您可以在订单里查看物流信息哦～' },
  { id: 'zh-sorry', lang: 'zh', phase: 'aftersale', shortcut: 'bq', tags: ['安抚'], title: '安抚致歉', body: '亲，非常抱歉给您带来不好的体验，您先别着急，我这边马上帮您核实处理，请问您希望怎么解决呢？' },
  { id: 'zh-return', lang: 'zh', phase: 'aftersale', shortcut: 'th', tags: ['退货'], title: '退货流程', body: '亲，您可以在订单页面点击"申请售后"，选择退货退款并填写原因，我们收到退货后会尽快为您处理退款。' },
  { id: 'zh-thanks', lang: 'zh', phase: 'care', shortcut: 'xx', tags: ['感谢'], title: '感谢惠顾', body: '感谢亲的支持，收到宝贝后有任何问题随时联系我们哦，祝您生活愉快！' },
  { id: 'en-greeting', lang: 'en', phase: 'presale', shortcut: 'hi', tags: ['greeting'], title: 'Greeting', body: 'Hello, and welcome to our store! How can I help you today?' },
  { id: 'en-size', lang: 'en', phase: 'presale', shortcut: 'size', tags: ['size'], title: 'Size advice', body: 'Could you tell me your height and weight? I will recommend the right size for you.' },
  { id: 'en-handling', lang: 'en', phase: 'insale', shortcut: 'ship', tags: ['shipping'], title: 'Handling time', body: 'Orders are usually processed within 24 hours. You will see the tracking number in your order as soon as the parcel ships.' },
  { id: 'en-sorry', lang: 'en', phase: 'aftersale', shortcut: 'sorry', tags: ['calm'], title: 'Apology', body: 'I am really sorry for the trouble. Let me check this for you right away. What solution would you prefer?' },
  { id: 'en-thanks', lang: 'en', phase: 'care', shortcut: 'ty', tags: ['thanks'], title: 'Thank you', body: 'Thank you for shopping with us! If anything is wrong with your order, just message us here.' },
];

export const defaultSnippets: Snippet[] = seeds.map((seed, index) => ({ ...seed, order: index, uses: 0 }));
