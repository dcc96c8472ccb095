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
 * (`createSimilarityIndex` below). It decides only what the intents leave open. Round 3 widened the lists by how
 * buyers phrase each ask (short forms, typos, colours, care, usage, warranty), not by the missed sentences; on 90
 * messages written afterwards and never tuned on, top-3 is 84.4% (test/unit/suggest.test.ts prints it).
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
  /** Small talk (hello, thanks, got it) weighs less than a question, which it often comes with; an ask that
   * narrows a general one (a holiday's shipping) a little more than the general one. */
  weight?: number;
}

const INTENTS: readonly Intent[] = [
  {
    id: 'greeting',
    buyer: /在吗|在嘛|在么|在不在|在不[?？]*$|^在[?？]*$|有人(吗|在|没|不)|(老板|客服|掌柜|店家)(在|呢)|^(你好|您好|亲|哈喽|嗨|哈罗|hello|hi|hey|hiya|yo|good (morning|afternoon|evening))\b|^(你好|您好|亲|哈喽|嗨)|any ?(one|body) (there|here|online|around)|are you there|(seller|shop|you) (online|there|around)/i,
    snippet: /问候|欢迎|稍等|greeting|welcome/i,
    situations: ['greeting'],
    weight: 0.6,
  },
  { id: 'thanks', buyer: /谢谢|谢了|谢啦|谢谢啦|感谢|多谢|感恩|辛苦(了|啦|你)|麻烦(你|您)?了|3q|\bthx\b|\btysm\b|\bthanks?\b|thank (you|u)|\bty\b|cheers|appreciate/i, snippet: /感谢|thank/i, situations: ['thank-you'], weight: 0.6 },
  { id: 'satisfied', buyer: /满意|不错|很好|挺好|真好|好看|好用|很棒|超棒|(?<!不)喜欢|爱了|回购|还来买|还会来|love (it|them|this)|all good|great|perfect|awesome|amazing|exactly what|buy again|come back|happy with/i, snippet: /感谢|好评|thank|feedback/i, situations: ['thank-you'], weight: 0.6 },
  { id: 'received', buyer: /(?<!没|未|没有)收到(了|啦)|已收到|拿到(了|啦)|到(了|啦)[,，\s!！]*(谢|挺|很|不错|好)|\b(received|arrived|got it|came today|got (it|them|mine) today)\b/i, unless: /没|未|不|\bnot\b|n'?t|never|still|instead|but\b/i, snippet: /感谢|thank/i, situations: ['thank-you'], weight: 0.5 },
  { id: 'review', buyer: /好评|五星|5星|评价|晒单|追评|给好评|five stars?|5 stars?|review|feedback|rated|rating/i, unless: /差评|bad review|1 star|one star/i, snippet: /好评|feedback|review/i, situations: ['thank-you'] },
  { id: 'farewell', buyer: /拜拜|再见|88\b|886|回头见|再看看|再逛逛|再想想|考虑(一下|考虑|下)|没问题了|没事了|不用了|先这样|先不(买|要)了|下次(再)?(买|来)|\bbye\b|think about it|that'?s (all|it)|see (you|ya)|maybe later|never ?mind|\bnvm\b|gotta go|no more questions/i, snippet: /告别|再见|farewell|bye/i, situations: ['farewell'], weight: 0.6 },
  { id: 'ordered', buyer: /(已经|刚|刚刚)?拍(了|好了|下了)|已拍|(已经|刚)?下(单|好单)了|已下单|just (placed|ordered|bought)|placed (the|my|an) order|^(i )?(just )?(ordered|bought)( it)?\b/i, snippet: /下单|ordered|after the order/i, situations: ['farewell'], weight: 0.6 },

  // Pre-sale: the product, its price, paying.
  {
    id: 'size',
    buyer: /尺码|码数|什么码|哪个码|几码|几号|[\dsmlx]+码|大码|小码|均码|加大|多大码|穿多大|拿哪个|选哪个码|腰围|胸围|臀围|肩宽|袖长|裤长|衣长|脚长|脚宽|宽松|修身|合身|\d+\s*(斤|公斤|cm|厘米)|[一1]米[5-9]|身高|体重|偏大|偏小|偏瘦|偏胖|(我|比较|有点|太)(瘦|胖)|微胖|大一(码|号)|小一(码|号)|(拍|穿|选|买)\s*[smlx]{1,3}\b|\b[smlx]{1,3}\s*(还是|or)\s*[smlx]{1,3}\b|\bsize\b|sizing|true to size|fits? (small|large|big)|waist|chest|hips?\b|inseam|\bshoe|\b(eu|us|uk) ?\d+|run(s)? (small|large|big)|too (small|big|large|tight|loose)|\b\d+\s*(lbs?|kg|cm|pounds|ft|feet|foot)\b|\d\s*'\s*\d+|usually wear|which size|i'?m (tall|short|petite|slim|skinny|big)/i,
    snippet: /尺码|size/i,
  },
  {
    id: 'material',
    buyer: /材质|面料|什么料|料子|布料|纯棉|全棉|棉的|真皮|皮的|羊毛|涤纶|真丝|透(吗|不|明|气)|会不会透|薄(吗|不|么)|厚(吗|不|么)|厚实|保暖|暖和|(热|闷|凉快|冷)(吗|不|么|嘛)|会(热|闷|冷)|弹力|有弹性|异味|味道|(臭|甲醛)|起球|掉毛|扎人|扎(吗|不)|刺挠|掉色(吗|不|么|嘛)|会掉色|褪色(吗|不|么)|缩水|手感|软(吗|不|么)|硬(吗|不|么)|舒服(吗|不|么)|material|fabric|cotton|leather|polyester|wool|silk|linen|nylon|see.?through|\bthin\b|\bthick\b|\bwarm\b|\bhot\b|breathable|itchy|\bsoft\b|stretch|shrink|\bfades?\b|colou?r (run|bleed)|\bsmells?\b|\bodou?r|stinks?\b|made of|what'?s it made/i,
    snippet: /材质|面料|material|fabric/i,
  },
  {
    id: 'specs',
    buyer: /尺寸|多重|重量|多长|多宽|多高|多大(?!码)|长宽高|参数|规格|型号|兼容|适用|(?<!不)能用|支持|功率|电池|容量|续航|电压|插头|充电|蓝牙|防水|用多久|能用多久|多少(毫升|ml|瓦|克|寸)|dimension|measure|weight|how (heavy|big|long|wide|tall)|spec|compatible|work with|fit (my|an?|the) |battery|capacity|voltage|plug|charg|bluetooth|\b\d+\s*v\b|waterproof|how long does (it|the battery) last/i,
    snippet: /规格|参数|specification|核实|check/i,
  },
  // How to wash or keep it: the material snippet points to the care label.
  { id: 'care', buyer: /机洗|水洗|手洗|干洗|能洗|怎么洗|洗涤|保养|熨|烘干|wash|dry.?clean|\biron\b|dryer|care (label|instructions)|how (do i|to) (clean|care)/i, snippet: /材质|面料|material|fabric|洗涤|保养|care/i },
  // How to use, install or set it up: the specs (the item page) or a check with the warehouse.
  { id: 'usage', buyer: /怎么用|如何用|咋用|怎么使用|使用方法|用法|说明书|教程|安装|怎么装|组装|怎么(打开|开机|连接|充电)|how (do i|do you|to|can i) (use|install|set (it )?up|assemble|turn (it )?on|connect|pair|charge)|manual|instructions|tutorial|setup/i, snippet: /规格|参数|specification|核实|check/i },
  // Genuine, warranty: nothing in the library says more than the item page, so the agent checks.
  { id: 'genuine', buyer: /正品|保真|假(的|货)(吗|不|么)|原装|保修|质保|包换|authentic|genuine|original|\bfake\b|real (leather|gold|silver|wool|silk|cotton|thing)|warranty|guarantee/i, snippet: /核实|材质|check|material/i },
  // Whether it is good before buying (the complaint after is `quality`).
  { id: 'quality-question', buyer: /质量(怎么样|咋样|如何|好(吗|不|么)|好不好|靠谱|行不行)|耐用|结实|经用|经穿|耐穿|good quality|quality (ok|good|like)|durable|sturdy|last long|hold up/i, snippet: /材质|面料|核实|material|check/i },
  {
    id: 'stock',
    buyer: /有货|现货|还有(吗|没|不|嘛|么)|有没有(货|[^\s，,]{0,4}(色|码|款))|有.{0,6}(色|款|码)(的)?(吗|不|没|嘛|么)|(别的|其他|其它)(颜色|款|色)|(几|哪些|什么|啥)(种|个)?(颜色|色)|颜色有(几|哪)|缺货|补货|补不补|没货|库存|售罄|卖完|断货|到货|上新|什么时候(有|上)|in stock|back in stock|\bavailable\b|availability|sold out|out of stock|restock|other colou?rs?|what colou?rs|how many colou?rs|colou?r (options|choices)|colou?rs? (available|do you have)|come in (other|another|different|\w+ colou?r|blue|black|white|red|green|pink|grey|gray)|(have|got) (it|this|one|these|them)? ?in (a |an )?\w+|any left|do (you|u) (have|sell)/i,
    snippet: /库存|现货|补货|\bstock\b|availability/i,
  },
  { id: 'recommend', buyer: /推荐|搭配|配什么|配啥|别的款|哪个好|哪个(更)?(好看|好用|适合|合适)|帮我(挑|选|看看)|选哪个|怎么选|买哪个|recommend|go(es)? with|match(es)? with|suggest|which (one )?(is|looks|would be) (better|best|nicer)|help me (choose|pick|decide)|which (one )?should i|what would you (pick|choose|get)/i, unless: /码|\bsize\b/i, snippet: /推荐|搭配|recommend|bundle|matching/i, situations: ['recommend'] },
  {
    id: 'price',
    buyer: /便宜|贵|打.?折|折扣|最低|少点|少一点|少些|能少|优惠(点|些|一点|一下)|抹零|降价|改价|价格|价钱|多少钱|砍价|讲价|议价|老客户|老顾客|包圆|批发|多买|买(两|三|几|\d+)(件|个|双|条)|再(少|便宜)|\d+\s*(块|元|米)(吧|行|卖|可以|能)|\d+\s*(块|元)(钱)?(就|我就)|discount|cheap|expensive|pricey|lower (the )?price|best price|lowest|how much (for|is|are|would)|\bprice\b|\bdeal\b|bargain|reduce|knock (off|down)|can (you|u) do \$?\d+|\$\s?\d+|\d+\s*(dollars|bucks|usd|eur|euros?)\b|too much|buy (2|3|two|three|several|more|in bulk)|bulk|wholesale/i,
    snippet: /议价|price/i,
    situations: ['price-negotiation'],
  },
  { id: 'coupon', buyer: /券|优惠|满减|满\d+|活动|促销|红包|半价|第二件|折扣码|coupon|promo|voucher|\bcode\b|\bsales?\b|any offers?|second (one|item) (half|free)|bogo|buy one get/i, snippet: /优惠券|coupon/i },
  { id: 'gift', buyer: /赠品|送(啥|什么|点|个|东西|不送|小)|有送|礼物|小礼品|小样|gift|freebie|something free|anything free|extras?\b/i, snippet: /赠品|gift/i },
  {
    id: 'pay',
    unless: /(?<![忘没未])(付款了|已付|付了)|已经付|paid (yesterday|already|today)|already paid|i paid|i'?ve paid/i,
    buyer: /付款|付钱|付不了|付不上|支付|没付|忘(了)?付|晚点付|还没付|现在付|先拍|来得及|\bpayment\b|\bpay (tomorrow|later|now|today|it)|haven'?t paid|not paid|forgot to pay|can'?t pay|unable to pay|checkout|card (declined|not working)/i,
    snippet: /催付|未付款|unpaid|payment/i,
    situations: ['unpaid-order'],
  },
  { id: 'address', buyer: /地址|电话|手机号|号码|收货人|收件人|收件信息|名字写错|姓名|邮编|改(一下)?(收货|收件)|寄到|搬家|address|\bzip\b|postal code|post ?code|\bphone|recipient|\bmoved\b|ship (it )?to (a |my )?(different|new|another)|deliver (it )?to (a |my )?(different|new|another)|wrong (name|address)/i, snippet: /地址|address/i, situations: ['confirm-address'] },
  { id: 'invoice', buyer: /发票|开票|专票|普票|税号|抬头|收据|报销|invoice|receipt|\bvat\b|tax id|tax number|company (name|title)|for (my )?(company|business) (records|expenses?)|billing document/i, snippet: /发票|开票|invoice/i },

  // In-sale: shipping and tracking.
  {
    id: 'handling',
    buyer: /什么时候(发|寄)|啥时(候)?(发|寄)|几时(发|寄)|何时(发|寄)|几天(能)?发|多久发|今天(能)?发|明天(能)?发|当天发|(今天|明天|下午|上午|晚上|马上|现在)?(能|可以)(发|寄)(吗|不|么|嘛|出)|(能|可以)?(发|寄)(吗|么|嘛)$|还没(发|寄|揽收)|还不发|咋还不发|怎么还不发|尽快发|快点发|记得发|发货|寄出|发出|发走|出库|揽收|揽件|从哪(里|儿)?发|哪里发|发货地|when.*\bship|when.*\bsend|send (it )?out|ship (it )?(out|fast|soon|today|tomorrow|quickly)|ships? from|shipped from|dispatch|handling time|processing time|how soon.*(ship|send)|not (yet )?(been )?(shipped|picked up|sent)|hasn'?t (been )?(shipped|sent|picked up)|same day/i,
    // An invoice is sent too, but it is not the goods.
    unless: /发票|invoice/i,
    snippet: /发货时间|handling time/i,
    situations: ['handling-time'],
  },
  {
    id: 'delivery-time',
    buyer: /几天(能|可以|就)?(到|收到)|多久(能|可以)?(到|收到)|多长时间(能)?(到|收到)|什么时候(能)?(到|收到)|啥时(候)?(能)?(到|收)|几号(能)?到|(能|可以)(在)?.{0,6}(之前|前)(到|收到)|到.{0,4}(要|需要)(几|多少)天|周末(能)?到|送货上门|送(到)?家|上门|deliver (to )?(my )?(door|home|house)|home delivery|how long|how many days|how soon|when (will|does|would|do|can) (it|i|my \w+|the \w+) (arrive|get|come|receive)|get (it|here) (by|before)|arrive (by|before|in time)|delivery time|shipping time|\beta\b|take to (arrive|get|ship)/i,
    snippet: /delivery time|送达|到货时间|发货时间/i,
  },
  {
    id: 'tracking',
    buyer: /物流|到哪|在哪|走到哪|(东西|货|快递|包裹|件)(呢|还没|还不|咋|怎么)|没更新|不更新|卡住|卡在|没动|不动|停了|停在|还没到|没到|(怎么|咋)还没(到|来|收到)|还没收到|派送|派件|中转|转运|分拣|查不到|没消息|好几天|一个星期|一周了|半个月|where is my|where'?s my|where are my|where('?s| is) (it|my stuff)|still (hasn'?t|not|didn'?t) (come|arrived|shown)|tracking|stuck|customs|(hasn'?t|not|no) (been )?updated?|no update|not moving|hasn'?t moved|in transit|sorting (center|centre)|still (nothing|waiting|not here)|been \d+ (days|weeks)|(not|n'?t) (yet )?(arrived|come|shown up|turned up)|not here yet|still not (here|arrived)|\d+ (days|weeks) (ago|already|now|and)/i,
    unless: /单号|tracking (number|no|code|#)|钱|退款|\btk\b|tk了|refund|money/i,
    snippet: /物流不更新|物流停滞|tracking stopped|tracking/i,
    situations: ['tracking-stopped'],
  },
  {
    id: 'shipping-notice',
    buyer: /单号|快递单|运单|什么快递|哪家快递|哪个快递|啥快递|发的什么|发的啥|发了吗|发了没|发货了吗|发货没|寄了吗|寄出了吗|shipped yet|(sent|shipped) it yet|has (it|my order) (been )?(shipped|sent)|tracking (number|no|code|#)|which (courier|carrier)|what (courier|carrier)|where is my (parcel|order|package)/i,
    unless: /退货.{0,6}单号|填(哪|单号)|寄回/,
    snippet: /发货通知|shipping notice/i,
    situations: ['shipping-notice'],
  },
  { id: 'cancel', buyer: /取消|拍错|撤(单|销)|退单|别发了|先别发|不要发|cancel|ordered by mistake|by mistake|don'?t (ship|send)|stop (the|my) order/i, snippet: /取消|cancel/i, situations: ['shipped-no-cancel'] },
  {
    id: 'holiday-delay',
    buyer: /过年|春节|年前|年后|国庆|五一|十一|端午|中秋|放假|假期|节假日|过节|春运|停运|快递停|停发|双十一|双11|双12|618|holiday|new year|christmas|xmas|festival|golden week/i,
    unless: /快乐|节日好|merry|happy|greetings/i,
    snippet: /节假日|延迟|holiday (shipping )?delay/i,
    // 过年发货吗 asks about shipping too, but the holiday is what the general shipping answer leaves out.
    weight: 1.2,
    situations: ['holiday-delay'],
  },
  { id: 'extend', buyer: /延长|延迟收货|自动确认|确认收货|自动收货|超时|快到期|extend|protection|confirm (receipt|delivery)|auto.?confirm|(time|window) (is )?(almost|running) (out|over|up)|running out of time/i, snippet: /延长收货|extend/i, situations: ['extend-receipt'] },
  {
    id: 'not-received',
    buyer: /签收|显示(已)?送达|显示到了|没收到|没拿到|收不到|驿站|快递柜|丰巢|找不到|送到了|没人收|放门口|被(人)?(拿|领|签)|别人(拿|签|领)|代签|丢件|丢了|\bdelivered\b|(says|shows|showing|marked( as)?) deliv|lost|stolen|neighbou?r|porch|mailbox|nothing (at|on|in) (my|the)|didn'?t (get|receive|recieve)|not (received|in my mailbox|here)|no package|never (got|arrived|received)|have(n'?t| not) (got|received|recieved)|dont have my/i,
    unless: /退款|退钱|refund|money/i,
    snippet: /已签收|未收到|没收到|not received/i,
    situations: ['not-received'],
  },

  // After-sale.
  { id: 'exchange', buyer: /换(货|个|一|大|小|成|码|尺|颜色|号|新|件|双|条|款)|能换|可以换|想换|换吗|换不|换一下|调换|(买|拍)(小|大)了|exchange|swap|switch (it )?(for|to)|replace (it )?with|different (size|colou?r)|wrong size|change (the |it |to )?(size|colou?r)|change it/i, snippet: /换货|exchange/i, situations: ['exchange'] },
  { id: 'return', buyer: /退货|退回|寄回|怎么退|退掉|退了吧|能退|可以退|退不退|包退|要退|想退|不想要了|不要了|还能退|\breturn|send (it |them )?back|sent (it |them )?back|ship (it )?back|came back to (you|sender)|where (do|should|can) i send/i, unless: /退款.{0,4}(到|没|呢|进度)/, snippet: /退货|退换|return/i, situations: ['return-refund'] },
  { id: 'refund', buyer: /退款|退钱|钱退|到账|\btk\b|tk了|money back|refund/i, unless: /部分|退一部分|留着|保留|partial|keep (it|the|this)/i, snippet: /退款|refund/i, situations: ['return-refund'] },
  { id: 'refund-status', buyer: /到账|退了没|还没退|退到哪|退哪(去)?了|钱退了|钱呢|什么时候退|钱.{0,4}(还没|没)到|退款.{0,4}(呢|进度|多久|几天)|\btk\b|tk了|refund(ed)? (me )?yet|多久.*(退|处理)|refund (still|not|yet|status)|where is my (refund|money)|when.*(refund|money)|waiting (for|on) (my|the) (refund|money)|process(ed)? (my|the) refund|(haven'?t|not|never) (got|received|seen) (my|the) (refund|money)/i, snippet: /到账|已处理|processed|status/i },
  { id: 'missing', buyer: /少(发|寄|给|放|了|一|个|件)|漏发|漏寄|只收到|只来了|只有(一|1)|缺少|缺(了)?(一|个|件|配件|东西)|配件呢|没给|没有(配件|说明书|充电器|赠品|线)|另一(个|件|只)呢|missing|only (got|received|came|one|1|\d+ of)|just (one|1) (came|arrived|in)|(wasn'?t|not) in the (box|package|parcel)|didn'?t come with|came without|without the|not included|where is the (other|rest)/i, snippet: /少件|漏发|missing/i, situations: ['missing-item'] },
  { id: 'wrong-item', buyer: /发错|错发|寄错|发成|不是我(买|要|拍|下单)的|我(要|拍|买|下单|订)的是|来的是|收到的是|颜色不对|型号不对|款式不对|(跟|和)我(拍|买|下单)的不一样|wrong (item|product|one|colou?r|model|size sent|thing)|sent (me )?the wrong|sent me (a|an) \w+ (one|instead)|not what i ordered|instead of|but (i )?ordered|i ordered (a|an|the) \w+ (but|and got)|(got|received) (a|an)? ?.{0,20} but (i )?ordered/i, unless: /\bonly\b|\bjust (one|1|\d)\b|只(收到|来了|有)|少(了|发)/i, snippet: /错发|发错|wrong item/i, situations: ['wrong-item'] },
  {
    id: 'quality',
    buyer: /坏|破(了|损|洞|掉|裂)|破东西|洞|开线|开胶|脱胶|质量(差|不好|问题|太差)|碎|裂|就掉色|掉色了|褪色|掉了|掉漆|生锈|脱落|色差|差太多|不一样|不符|瑕疵|划痕|污渍|脏|压扁|压坏|变形|凹|歪|松(了|动)|断(了|掉)|漏(水|气|液|了)|拉不上|关不上|合不上|扣不上|打不开|装不上|不亮|没反应|没声|黑屏|死机|充不进|不能用|用不了|不好用|不好使|不灵|失灵|次品|假货|臭|磨脚|夹脚|硌脚|broken|broke|damaged|defect|faulty|dead pixel|poor quality|cheap quality|coming apart|falls? apart|scratch|stain|dirty|crush|crack|smash|shatter|dent|bent|leak|snapp|not working|doesn'?t work|stopped working|won'?t (turn on|charge|work|close|zip|open)|\bhole\b|ripped|torn|fell off|came off|peeling|faded|not as described|different from the (pictures?|photos?|description)|looks different|smells? (bad|weird|awful|terrible|funny)|stinks?/i,
    snippet: /质量|破损|quality|damaged/i,
    situations: ['quality-problem'],
  },
  { id: 'compensation', buyer: /补偿|部分|退一部分|退点|补点|补差|留着|保留|不退了|不想退|partial|keep it|keep (the|this) (item|one)|compensat|some money back|discount (for|on) (it|this)/i, snippet: /补偿|部分退款|partial|compensation/i },
  { id: 'postage', buyer: /运费|邮费|快递费|来回.{0,2}费|包邮|postage|shipping (cost|fee|label)|return shipping|return label|pay(ing)? (for )?(the )?(shipping|postage)|pay to (send|ship|return) it back|who pays|free shipping|shipping free/i, snippet: /运费|包邮|postage|free shipping/i, situations: ['postage-dispute'] },
  { id: 'free-shipping', buyer: /包邮|free shipping|shipping free/i, snippet: /包邮|free shipping/i },
  { id: 'no-reason', buyer: /无理由|运费险|不想要|不喜欢|用不上|不合适|no reason|changed my mind|don'?t (want|like|need) it|return policy/i, snippet: /无理由|no-reason/i },
  { id: 'not-eligible', buyer: /不支持(七天|7天)?无理由|不能无理由|定制|特价(不退|商品)|清仓|final sale|clearance|non.?returnable|no returns/i, snippet: /不支持七天无理由|not-eligible/i, situations: ['postage-dispute'] },
  {
    id: 'upset',
    buyer: /投诉|差评|气死|烦死|生气|过分|态度|垃圾|骗子|骗人|骗钱|黑店|太差|没人理|无语|坑人|坑爹|恶心|离谱|服了|搞什么|什么玩意|破东西|破服务|什么服务|找平台|举报|曝光|消协|工商|12315|算了不|report(ing)? you|fraud|never again|angry|ridiculous|worst|terrible|horrible|awful|pathetic|useless|scam|rip.?off|liars?\b|lying|cheat|unacceptable|dispute|complain|bad review|disappointed|upset|furious|\bwtf\b|joke|!!!|😡|🤬/i,
    snippet: /安抚|道歉|calm|apolog/i,
    situations: ['deescalate-calm', 'deescalate-apology'],
  },
  { id: 'solution', buyer: /怎么解决|怎么处理|给个说法|怎么办|咋办|咋整|怎么弄|能不能解决|负责|what (are you going to|will you|can you|do you) do|what now|how (will|can|are) you (going to )?(fix|solve|sort)|fix this|sort (this|it) out|solution/i, snippet: /解决方案|方案|solution/i, situations: ['deescalate-ask', 'deescalate-offer'] },
  { id: 'agree', buyer: /就这么办|帮我办|那就(这样|这么|补发|退款|换|办|按)|(好|行|可以|嗯)[的吧啊了,，\s]*(那)?(就)?(这么办|补发|退款吧|办吧|处理吧|换吧)|(补发|重发|换新|退款)吧|按你说的|听你的|同意|go ahead|do (that|it)\b|sounds good|that works|\bdeal\b|\bagreed?\b|(ok|okay|fine|sure|yes|yeah|alright)[,\s]*(then )?(please )?(do|reship|resend|refund|replace|send)|(replacement|reship|resend|new one|refund) (please|pls|then)|i'?ll take (the|a) (refund|replacement)/i, snippet: /立即办理|马上处理|act at once/i, situations: ['deescalate-act'] },
  { id: 'holiday-greeting', buyer: /快乐|节日好|新年好|过年好|merry|happy (?!with)[a-z]+|season'?s greetings/i, snippet: /节日问候|holiday greeting/i, situations: ['holiday-greeting'] },
];

/** How much the last buyer message counts, then the one before it, then the one before that. */
const RECENCY = [1, 0.5, 0.25];
/** Small talk in the same message as a question (亲 有S码吗, hey what's the waist size) counts this much less:
 * the agent answers the question, and the greeting is part of the answer's tone already. */
const SMALL_TALK_BESIDE_A_QUESTION = 0.5;
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
    const asked = INTENTS.filter((intent) => intent.buyer.test(text) && !intent.unless?.test(text));
    const hasQuestion = asked.some((intent) => (intent.weight ?? 1) >= 1);
    for (const intent of asked) {
      const own = intent.weight ?? 1;
      const weight = RECENCY[age]! * own * (hasQuestion && own < 1 ? SMALL_TALK_BESIDE_A_QUESTION : 1);
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
