import type { Phase, Snippet } from './snippet';
import { createSnippetIndex, type SnippetIndex } from './snippet-search';

/**
 * Suggested snippets: the library ranked by what the buyer's last messages ask, for the sidebar's list while its
 * search box is empty (and `npm run suggest`). Pure: no browser, no page.
 *
 * How: each INTENT below says, in Chinese and English, how buyers write it (`buyer`: keywords and short patterns,
 * written for colloquial chat: no punctuation, typos, short forms such as 在吗, 码数, 单号) and what in a
 * snippet answers it. A snippet answers an intent through its tags and title (`snippet`, strong), its body
 * (`snippet` again, weak) or a `situation:*` tag of the default library (strongest; custom snippets rarely carry
 * one, so the words do the work for them). The last buyer message counts most, the two before it less.
 *
 * The intents' lists are phrases, and buyers keep finding new ones (on messages written after the lists, top-3 fell
 * from 100% to 37.5%). So a second signal needs no list: how much the buyer's words resemble each snippet's own
 * (`createSimilarityIndex` below). It decides only what the intents leave open.
 *
 * Only snippets in the buyer's language (Chinese when the last message holds a Chinese character) are suggested:
 * an answer in another language is no answer to this buyer. The order:
 * 1. the intents' score;
 * 2. among equal scores above zero, the search's own order first as far as it knows something about this agent
 *    (the conversation's phase, then more uses), then the similarity, then the library's order;
 * 3. the snippets no intent reached: the SIMILAR_LIFTED most similar, then the rest in the search's order.
 * With no asks, or asks that neither an intent nor a snippet's words recognise, the search's order is all there
 * is: the list below the suggestions is the one the agent knows, which the sidebar cuts to its first sixty.
 */

interface Intent {
  id: string;
  /** What the buyer writes (zh and en). */
  buyer: RegExp;
  /** A message that matches `buyer` but also this is not this intent (新年快乐 is a greeting, not a holiday delay). */
  unless?: RegExp;
  /** What answers it in a snippet's tags, title or body. */
  snippet: RegExp;
  /** The default library's situations that answer it (tags `situation:<name>`). */
  situations?: readonly string[];
  /** Small talk (hello, thanks, got it) weighs less than a question, which it often comes with. */
  weight?: number;
}

const INTENTS: readonly Intent[] = [
  {
    id: 'greeting',
    buyer: /在吗|在嘛|在不在|^在[?？]*$|有人(吗|在)|^(你好|您好|亲|哈喽|嗨)|^(hi|hello|hey|hiya|good (morning|afternoon|evening))\b|any ?one (there|here|online)|are you there|(seller|shop) (online|there)/i,
    snippet: /问候|欢迎|稍等|greeting|welcome/i,
    situations: ['greeting'],
    weight: 0.6,
  },
  { id: 'thanks', buyer: /谢谢|感谢|多谢|谢啦|3q|\bthx\b|\bthanks?\b|thank (you|u)|\bty\b|cheers/i, snippet: /感谢|thank/i, situations: ['thank-you'], weight: 0.6 },
  { id: 'satisfied', buyer: /满意|不错|很好|挺好|(?<!不)喜欢|回购|还来买|love it|all good|great|perfect|buy again|come back/i, snippet: /感谢|好评|thank|feedback/i, situations: ['thank-you'], weight: 0.6 },
  { id: 'received', buyer: /(?<!没|未|没有)收到(了|啦)|已收到|\b(received|arrived|got it)\b/i, unless: /没|未|不|\bnot\b|n't|never|still|instead/i, snippet: /感谢|thank/i, situations: ['thank-you'], weight: 0.5 },
  { id: 'review', buyer: /好评|五星|5星|评价|晒单|five stars?|5 stars?|review|feedback|rated/i, snippet: /好评|feedback|review/i, situations: ['thank-you'] },
  { id: 'farewell', buyer: /拜拜|再见|再看看|考虑(一下|考虑)|没问题了|先这样|\bbye\b|think about it|that'?s all|see (you|ya)/i, snippet: /告别|再见|farewell|bye/i, situations: ['farewell'], weight: 0.6 },
  { id: 'ordered', buyer: /(已经|刚)?拍(了|好了)|已拍|(已经)?下单了|已下单|just (placed|ordered)|placed (the|my|an) order|^ordered\b/i, snippet: /下单|ordered|after the order/i, situations: ['farewell'], weight: 0.6 },

  // Pre-sale: the product, its price, paying.
  {
    id: 'size',
    buyer: /尺码|码数|什么码|哪个码|几码|几号|\d+码|多大码|穿多大|拿哪个|腰围|胸围|肩宽|袖长|裤长|衣长|脚长|宽松|修身|合身|\d+\s*斤|公斤|身高|体重|偏大|偏小|大一(码|号)|小一(码|号)|(拍|穿)\s*[smlx]{1,3}\b|\bsize\b|sizing|true to size|fits? (small|large|big)|waist|chest|shoe|\b(eu|us|uk) ?\d+|run(s)? (small|large|big)|too (small|big|large|tight|loose)|\b\d+\s*(lbs?|kg|cm)\b|usually wear/i,
    snippet: /尺码|size/i,
  },
  { id: 'material', buyer: /材质|面料|什么料|纯棉|棉的|真皮|羊毛|涤纶|真丝|透(吗|不|明)|会不会透|薄(吗|不)|厚(吗|不)|保暖|弹力|异味|起球|掉色(吗|不|么|嘛)|会掉色|缩水|material|fabric|cotton|leather|polyester|wool|silk|see.?through|thin|thick|warm|stretch|shrink/i, snippet: /材质|面料|material|fabric/i },
  {
    id: 'specs',
    buyer: /尺寸|多重|重量|多长|多宽|长宽高|参数|规格|型号|兼容|适用|(?<!不)能用|支持|功率|电池|容量|续航|电压|插头|蓝牙|防水|dimension|measure|weight|how (heavy|big|long|wide)|spec|compatible|work with|battery|capacity|voltage|plug|bluetooth|\b\d+\s*v\b|waterproof/i,
    snippet: /规格|参数|specification|核实|check/i,
  },
  {
    id: 'stock',
    buyer: /有货|现货|还有(吗|没|不|嘛)|缺货|补货|没货|库存|售罄|卖完|断货|in stock|back in stock|\bavailable\b|availability|sold out|out of stock|have (it|this|one) in/i,
    snippet: /库存|现货|补货|\bstock\b|availability/i,
  },
  { id: 'recommend', buyer: /推荐|搭配|配什么|配啥|别的款|recommend|go(es)? with|match(es)? with|suggest/i, snippet: /推荐|搭配|recommend|bundle|matching/i, situations: ['recommend'] },
  {
    id: 'price',
    buyer: /便宜|贵|打.?折|折扣|最低|少点|少一点|能少|优惠点|抹零|降价|价格|多少钱|砍价|讲价|老客户|discount|cheap|expensive|lower (the )?price|best price|\bprice\b|\bdeal\b|bargain|reduce/i,
    snippet: /议价|price/i,
    situations: ['price-negotiation'],
  },
  { id: 'coupon', buyer: /券|优惠|满减|活动|促销|coupon|promo|voucher|\bcode\b|\bsales?\b|any offers?/i, snippet: /优惠券|coupon/i },
  { id: 'gift', buyer: /赠品|送(啥|什么|点|个|东西)|礼物|小礼品|gift|freebie/i, snippet: /赠品|gift/i },
  { id: 'pay', unless: /付款了|已付|付了|已经付|paid (yesterday|already|today)|already paid|i paid/i, buyer: /付款|付不了|支付|没付|晚点付|还没付|先拍|\bpayment\b|pay (tomorrow|later|now|today)|haven'?t paid|not paid|can'?t pay|checkout/i, snippet: /催付|未付款|unpaid|payment/i, situations: ['unpaid-order'] },
  { id: 'address', buyer: /地址|电话|手机号|号码|收货人|邮编|address|\bzip\b|postal code|post ?code|phone/i, snippet: /地址|address/i, situations: ['confirm-address'] },
  { id: 'invoice', buyer: /发票|开票|专票|普票|税号|invoice|receipt|\bvat\b|tax id/i, snippet: /发票|开票|invoice/i },

  // In-sale: shipping and tracking.
  {
    id: 'handling',
    buyer: /什么时候(发|寄)|几天(能)?发|多久发|今天(能)?发|能发吗|还没发|尽快发|快点发|记得发|发货|寄出|发出|发走|出库|when.*\bship|send (it )?out|ship (it )?(fast|soon|today|quickly)|dispatch|handling time|processing time/i,
    snippet: /发货时间|handling time/i,
    situations: ['handling-time'],
  },
  {
    id: 'delivery-time',
    buyer: /几天(能)?到|多久(能)?到|多长时间(能)?到|什么时候(能)?到|how long|how many days|when (will|does) it (arrive|get here|come)|delivery time|\beta\b/i,
    snippet: /delivery time|送达|到货时间|发货时间/i,
  },
  {
    id: 'tracking',
    buyer: /物流|到哪|在哪|没更新|不更新|卡住|卡在|没动|不动|停了|停在|还没到|没到|派送|派件|中转|分拣|查不到|没消息|好几天|一个星期|where is my|where'?s my|tracking|stuck|customs|(hasn'?t|not|no) (been )?updated?|no update|not moving|in transit|sorting (center|centre)|still (nothing|waiting|not here)|been \d+ (days|weeks)/i,
    unless: /单号|tracking (number|no|code|#)/i,
    snippet: /物流不更新|物流停滞|tracking stopped|tracking/i,
    situations: ['tracking-stopped'],
  },
  {
    id: 'shipping-notice',
    buyer: /单号|快递单|运单|什么快递|哪家快递|哪个快递|发的什么|发了吗|发货了吗|发货没|shipped yet|has (it|my order) (been )?shipped|tracking (number|no|code|#)|where is my (parcel|order|package)/i,
    snippet: /发货通知|shipping notice/i,
    situations: ['shipping-notice'],
  },
  { id: 'cancel', buyer: /取消|拍错|cancel|ordered by mistake|by mistake/i, snippet: /取消|cancel/i, situations: ['shipped-no-cancel'] },
  {
    id: 'holiday-delay',
    buyer: /过年|春节|国庆|五一|放假|假期|节假日|双十一|双11|双12|618|holiday|new year|christmas|festival/i,
    unless: /快乐|节日好|merry|happy|greetings/i,
    snippet: /节假日|延迟|holiday (shipping )?delay/i,
    situations: ['holiday-delay'],
  },
  { id: 'extend', buyer: /延长|自动确认|确认收货|extend|protection|confirm (receipt|delivery)/i, snippet: /延长收货|extend/i, situations: ['extend-receipt'] },
  {
    id: 'not-received',
    buyer: /签收|没收到|没拿到|收不到|驿站|快递柜|找不到|送到了|没人收|放门口|丢件|丢了|\bdelivered\b|lost|stolen|neighbou?r|porch|didn'?t (get|receive)|not (received|in my mailbox|here)|no package|never (got|arrived|received)|have(n'?t| not) (got|received)|dont have my/i,
    unless: /退款|退钱|refund|money/i,
    snippet: /已签收|未收到|没收到|not received/i,
    situations: ['not-received'],
  },

  // After-sale.
  { id: 'exchange', buyer: /换(货|个|一|大|小|成|码|尺|颜色|号|新)|能换|可以换|想换|调换|(买|拍)(小|大)了|exchange|swap|different (size|colou?r)|wrong size|change (the |it |to )?(size|colou?r)|change it/i, snippet: /换货|exchange/i, situations: ['exchange'] },
  { id: 'return', buyer: /退货|退回|寄回|怎么退|退掉|不想要了|不要了|还能退|\breturn|send (it )?back/i, snippet: /退货|退换|return/i, situations: ['return-refund'] },
  { id: 'refund', buyer: /退款|退钱|钱退|到账|money back|refund/i, snippet: /退款|refund/i, situations: ['return-refund'] },
  { id: 'refund-status', buyer: /到账|退了没|还没退|退到哪|钱退了|什么时候退|refund(ed)? (me )?yet|多久.*(退|处理)|money back|refund (still|not|yet)|where is my refund|when.*refund/i, snippet: /到账|已处理|processed|status/i },
  { id: 'missing', buyer: /少(发|寄|给|放)|漏发|漏寄|少了|少一|少个|只收到|缺少|配件呢|没给|缺(了)?(一|个|件|配件)|没有(配件|说明书|充电器|赠品)|missing|only (got|received)|(wasn'?t|not) in the box|didn'?t come with|came without|without the|not included/i, snippet: /少件|漏发|missing/i, situations: ['missing-item'] },
  { id: 'wrong-item', buyer: /发错|错发|寄错|不是我(买|要|拍)的|来的是|收到的是|wrong (item|product|one|colou?r|model)|sent me the wrong|not what i ordered|instead of/i, snippet: /错发|发错|wrong item/i, situations: ['wrong-item'] },
  {
    id: 'quality',
    buyer: /坏|破(了|损|洞|掉|裂)|破东西|洞|开线|开胶|质量(差|不好|问题|太差)|碎|裂|就掉色|掉色了|褪色|掉了|脱落|色差|差太多|不一样|不符|瑕疵|划痕|污渍|脏|不亮|没反应|充不进|不能用|用不了|不好用|次品|假货|broken|broke|damaged|defect|faulty|dead pixel|poor quality|coming apart|scratch|stain|not working|doesn'?t work|stopped working|won'?t (turn on|charge|work)|\bhole\b|ripped|torn|fell off|came off|peeling|not as described|different from the (pictures?|photos?|description)|looks different/i,
    snippet: /质量|破损|quality|damaged/i,
    situations: ['quality-problem'],
  },
  { id: 'compensation', buyer: /补偿|部分|退一部分|留着|保留|partial|keep it|compensat/i, snippet: /补偿|部分退款|partial|compensation/i },
  { id: 'postage', buyer: /运费|邮费|快递费|包邮|postage|shipping (cost|fee)|return shipping|pay(ing)? (for )?(the )?(shipping|postage)|pay to (send|ship) it back|who pays|free shipping|shipping free/i, snippet: /运费|包邮|postage|free shipping/i, situations: ['postage-dispute'] },
  { id: 'free-shipping', buyer: /包邮|free shipping|shipping free/i, snippet: /包邮|free shipping/i },
  { id: 'no-reason', buyer: /无理由|运费险|不想要|不喜欢|no reason|changed my mind|don'?t (want|like) it/i, snippet: /无理由|no-reason/i },
  {
    id: 'upset',
    buyer: /投诉|差评|气死|生气|过分|态度|垃圾|骗子|骗人|黑店|太差|没人理|无语|坑人|破东西|破服务|什么服务|找平台|举报|曝光|消协|12315|report(ing)? you|fraud|never again|angry|ridiculous|worst|terrible|scam|unacceptable|dispute|complain|bad review|disappointed|upset|furious/i,
    snippet: /安抚|道歉|calm|apolog/i,
    situations: ['deescalate-calm', 'deescalate-apology'],
  },
  { id: 'solution', buyer: /怎么解决|怎么处理|给个说法|怎么办|what (are you going to|will you|can you) do|how (will|can) you (fix|solve)|solution/i, snippet: /解决方案|方案|solution/i, situations: ['deescalate-ask', 'deescalate-offer'] },
  { id: 'agree', buyer: /就这么办|帮我办|那就(这样|这么|补发|退款|换|办)|(好|行|可以|嗯)[的吧啊,，\s]*(就)?(这么办|补发|退款吧|办吧|处理吧)|同意|go ahead|do (that|it)\b|sounds good|that works|\bdeal\b|\bagreed?\b|(ok|okay|fine|sure|yes)[,\s]*(please )?(do|reship|resend|refund|replace|send)/i, snippet: /立即办理|马上处理|act at once/i, situations: ['deescalate-act'] },
  { id: 'holiday-greeting', buyer: /快乐|节日好|merry|happy (?!with)[a-z]+|season'?s greetings/i, snippet: /节日问候|holiday greeting/i, situations: ['holiday-greeting'] },
];

/** How much the last buyer message counts, then the one before it, then the one before that. */
const RECENCY = [1, 0.5, 0.25];
/** Points for a snippet that answers an intent: its library situation, its tags or title, its body. */
/** How many snippets no intent reached may move up for their similarity alone. */
const SIMILAR_LIFTED = 5;
const BY_SITUATION = 3;
const BY_TITLE = 2;
const BY_BODY = 1;

const HAN = /\p{Script=Han}/u;

/** The intents the buyer's messages (oldest first) ask, each with its weight: recency times the intent's own. */
export function detectIntents(asks: readonly string[]): Map<string, number> {
  const found = new Map<string, number>();
  const recent = asks.slice(-RECENCY.length).reverse();
  recent.forEach((ask, age) => {
    const text = ask.normalize('NFKC');
    for (const intent of INTENTS) {
      if (!intent.buyer.test(text) || intent.unless?.test(text)) continue;
      const weight = RECENCY[age]! * (intent.weight ?? 1);
      found.set(intent.id, Math.max(found.get(intent.id) ?? 0, weight));
    }
  });
  return found;
}

/** The buyer's language, from the last message that says anything: Chinese with a Chinese character, else English. */
export function askLanguage(asks: readonly string[]): 'zh' | 'en' | null {
  for (let i = asks.length - 1; i >= 0; i--) {
    const text = asks[i]!;
    if (HAN.test(text)) return 'zh';
    if (/[a-z]/i.test(text)) return 'en';
  }
  return null;
}

/**
 * The fallback and tie-breaker: how much a snippet's own words resemble the buyer's, for what the intents above do
 * not name (a custom snippet, a new way of asking). BM25 over the snippet's title and tags (counted TITLE_BOOST
 * times) and its body, per language: Chinese as character 1- to 3-grams (buyers do not segment words and often
 * write a shorter or longer word than the snippet: 换码 / 换尺码), English as stemmed words less the closed-class ones
 * (a/the/my/you...), which say nothing about what is asked. Only the snippets' words and the library's own
 * document frequencies go in: nothing is learnt from labelled messages. The constants are BM25's usual ones; the
 * weights below were compared on the written-first and second sets only, ranking each message again with each
 * intent that fires on it left out (as a buyer's new wording would leave it out): top-3 39% without the
 * similarity, 75% with it.
 */
const K1 = 1.2;
const B = 0.75;
const TITLE_BOOST = 3;
/** A single character says less than a pair or a triple (的, 亲 and 您 are in nearly every body). */
const GRAM_WEIGHT = [0.3, 1, 1];
const FOURGRAM_WEIGHT = 0.3;
/** English function words: they carry no topic (closed-class, not picked from any data). */
const STOP = new Set(
  'a an the i me my mine we us our you your yours u ur he she it its they them their this that these those is am are was were be been being do does did done have has had having will would shall should can could may might must to of in on at by for from with about as into onto over under up down out off and or but if so not no yes ok okay oh hi hey pls please just what which who whom whose when where why how there here than then too very also any some all each more most other such only own same still yet'.split(' '),
);

/** A rough English stem: enough for ship/shipped/shipping, refund/refunds, arrive/arrived. */
function stem(word: string): string {
  if (word.length <= 3) return word;
  if (word.endsWith('ies') && word.length > 4) return `${word.slice(0, -3)}y`;
  if (/(ss|us)$/.test(word)) return word;
  if (/(ches|shes|sses|xes)$/.test(word)) return word.slice(0, -2);
  if (word.endsWith('s')) word = word.slice(0, -1);
  else if (word.endsWith('ing') && word.length > 5) word = word.slice(0, -3);
  else if (word.endsWith('ed') && word.length > 4) word = word.slice(0, -2);
  else if (word.endsWith('ly') && word.length > 4) word = word.slice(0, -2);
  // shipp(ed) -> ship, arriv(ed) and arriv(e) meet at arriv.
  if (/([b-df-hj-np-tv-z])\1$/.test(word) && !/(ll|ss|zz)$/.test(word)) word = word.slice(0, -1);
  if (word.endsWith('e') && word.length > 3) word = word.slice(0, -1);
  return word;
}

const TERM_RUNS = /(\p{Script=Han}+)|([\p{L}\p{N}']+)/gu;

/** The terms of a text with their weights (how many times, a single Chinese character counting less). */
function terms(text: string, into = new Map<string, number>(), scale = 1): Map<string, number> {
  const add = (term: string, weight: number) => into.set(term, (into.get(term) ?? 0) + weight * scale);
  const clean = text.normalize('NFKC').toLowerCase().replace(/\{\{[^{}]*\}\}/g, ' ');
  for (const [, han, word] of clean.matchAll(TERM_RUNS)) {
    if (han) {
      for (let n = 1; n <= 3; n++) for (let i = 0; i + n <= han.length; i++) add(han.slice(i, i + n), GRAM_WEIGHT[n - 1]!);
    } else if (word) {
      const plain = word.replace(/'/g, '');
      if (STOP.has(plain)) continue;
      add(stem(plain), 1);
      // Letter 4-grams of longer words, weak: a typo (delivred, recieve) still shares most of them.
      if (plain.length > 4) for (let i = 0; i + 4 <= plain.length; i++) add(`#${plain.slice(i, i + 4)}`, FOURGRAM_WEIGHT);
    }
  }
  return into;
}

interface SimilarityIndex {
  /** By snippet id, each snippet of the language with a similarity above zero. */
  score(asks: readonly string[], lang: 'zh' | 'en'): Map<string, number>;
}

function createSimilarityIndex(snippets: readonly Snippet[]): SimilarityIndex {
  const byLang = new Map<string, { postings: Map<string, { id: string; tf: number }[]>; idf: Map<string, number> }>();
  for (const lang of ['zh', 'en'] as const) {
    const docs = snippets.filter((s) => s.lang === lang).map((snippet) => {
      const head = [snippet.title, ...snippet.tags.filter((tag) => !tag.startsWith('situation:'))].join('\n');
      const tf = terms(snippet.body, terms(head, new Map(), TITLE_BOOST));
      let length = 0;
      for (const w of tf.values()) length += w;
      return { snippet, tf, length };
    });
    const avg = docs.reduce((sum, d) => sum + d.length, 0) / Math.max(1, docs.length);
    const postings = new Map<string, { id: string; tf: number }[]>();
    for (const doc of docs) {
      const norm = K1 * (1 - B + (B * doc.length) / avg);
      for (const [term, tf] of doc.tf) {
        let list = postings.get(term);
        if (!list) postings.set(term, (list = []));
        list.push({ id: doc.snippet.id, tf: (tf * (K1 + 1)) / (tf + norm) });
      }
    }
    const idf = new Map<string, number>();
    for (const [term, list] of postings) idf.set(term, Math.log(1 + (docs.length - list.length + 0.5) / (list.length + 0.5)));
    byLang.set(lang, { postings, idf });
  }
  return {
    score(asks, lang) {
      const index = byLang.get(lang)!;
      const query = new Map<string, number>();
      asks.slice(-RECENCY.length).reverse().forEach((ask, age) => {
        for (const [term, weight] of terms(ask)) query.set(term, Math.max(query.get(term) ?? 0, weight * RECENCY[age]!));
      });
      const scores = new Map<string, number>();
      for (const [term, weight] of query) {
        const list = index.postings.get(term);
        if (!list) continue;
        const idf = index.idf.get(term)!;
        for (const { id, tf } of list) scores.set(id, (scores.get(id) ?? 0) + weight * idf * tf);
      }
      return scores;
    },
  };
}

export interface SuggestOptions {
  phase?: Phase | null;
  limit?: number;
}

export interface Suggester {
  /** The whole library (up to `limit`), the snippets that answer `asks` first. */
  rank(asks: readonly string[], opts?: SuggestOptions): Snippet[];
}

interface Prepared {
  snippet: Snippet;
  situations: Set<string>;
  /** Tags (but the situation ones) and the title, joined. */
  head: string;
  body: string;
}

/** `index`: the library's search index when the caller has one already (it must be of the same snippets). */
export function createSuggester(snippets: readonly Snippet[], index: SnippetIndex = createSnippetIndex(snippets)): Suggester {
  const prepared = new Map<string, Prepared>();
  const similarity = createSimilarityIndex(snippets);
  const prepare = (snippet: Snippet): Prepared => {
    let entry = prepared.get(snippet.id);
    if (entry?.snippet !== snippet) {
      entry = {
        snippet,
        situations: new Set(snippet.tags.filter((tag) => tag.startsWith('situation:')).map((tag) => tag.slice('situation:'.length))),
        head: [snippet.title, ...snippet.tags.filter((tag) => !tag.startsWith('situation:'))].join('\n').normalize('NFKC'),
        body: snippet.body.normalize('NFKC'),
      };
      prepared.set(snippet.id, entry);
    }
    return entry;
  };
  return {
    rank(asks, opts = {}) {
      // The search's order with no query: the phase's snippets first, then more uses, then the library's order.
      const base = index.search('', { phase: opts.phase });
      const intents = detectIntents(asks);
      const max = opts.limit === undefined || !Number.isFinite(opts.limit) ? Infinity : Math.max(0, Math.floor(opts.limit));
      const lang = askLanguage(asks);
      const similar = lang === null ? new Map<string, number>() : similarity.score(asks, lang);
      if (intents.size === 0 && similar.size === 0) return base.slice(0, max);
      // Snippets the search orders only by the library's order (same phase match, same uses) form one group.
      let group = 0;
      const scored = base.map((snippet, position) => {
        const previous = base[position - 1];
        if (previous && (previous.uses !== snippet.uses || (previous.phase === opts.phase) !== (snippet.phase === opts.phase))) group++;
        const entry = prepare(snippet);
        let score = 0;
        for (const intent of INTENTS) {
          const weight = intents.get(intent.id);
          if (weight === undefined) continue;
          let points = 0;
          if (intent.situations?.some((s) => entry.situations.has(s))) points += BY_SITUATION;
          if (intent.snippet.test(entry.head)) points += BY_TITLE;
          else if (intent.snippet.test(entry.body)) points += BY_BODY;
          score += weight * points;
        }
        let sim = similar.get(snippet.id) ?? 0;
        if (lang !== null && snippet.lang !== lang) score = sim = 0;
        return { snippet, score, group, sim, position };
      });
      // Of the snippets no intent reached, only the few most similar move up: the rest stay in the order the
      // agent knows (a shared character or two is weak evidence, and must not reshuffle a whole library).
      const lifted = new Set(
        scored
          .filter((s) => s.score === 0 && s.sim > 0)
          .sort((a, b) => b.sim - a.sim || a.position - b.position)
          .slice(0, SIMILAR_LIFTED)
          .map((s) => s.snippet.id),
      );
      for (const s of scored) if (s.score === 0 && !lifted.has(s.snippet.id)) s.sim = 0;
      scored.sort((a, b) => b.score - a.score || (a.score > 0 ? a.group - b.group : 0) || b.sim - a.sim || a.position - b.position);
      return scored.slice(0, max).map((s) => s.snippet);
    },
  };
}

/** One-off ranking (the CLI, tests); the sidebar keeps a suggester per library. */
export function suggest(snippets: readonly Snippet[], asks: readonly string[], opts: SuggestOptions = {}): Snippet[] {
  return createSuggester(snippets).rank(asks, opts);
}
