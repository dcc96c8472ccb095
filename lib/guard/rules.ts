import { pinyin } from 'pinyin-pro';
import type { GuardCategory, GuardReason, GuardSeverity, GuardSide } from './types';

/**
 * The built-in rules: word lists in compact form (see terms.ts for the `(a|b)` and `*` shorthands), with the
 * context that tells a risky use from a harmless one.
 *
 * A rule fires on a `terms` hit unless
 * - `near` is given and none of its words is within `window` compact characters of the hit (either side), and
 *   (`idAfter`) no account name or number follows the hit directly ("vx：kefu888");
 * - a `notPartOf` word covers the hit (微信支付 over 微信, 滚筒 over 滚);
 * - an `unless` word is in the message (收货地址 next to a phone number: the buyer's own, for the courier);
 * - `negatable` and a negation ends shortly before the hit ("请勿添加任何人的微信", "we never ask for payment
 *   outside the platform").
 * The finding's span runs from the hit to the context word that made it count.
 *
 * Context decides most of it: 微信 in 微信支付 at checkout or on a sticker is harmless, 微信 with 加/号/联系
 * is not; 保证 promises nothing until it meets a date or "no problem"; a price is not sarcasm until 还想/还要.
 */
export interface BuiltinRule {
  id: string;
  category: GuardCategory;
  reason: GuardReason;
  severity: GuardSeverity;
  sides: readonly GuardSide[];
  terms: readonly string[];
  near?: readonly string[];
  /** In compact characters; default 12. */
  window?: number;
  idAfter?: boolean;
  notPartOf?: readonly string[];
  unless?: readonly string[];
  negatable?: boolean;
  /** How far before the hit a negation counts; default NEGATION_WINDOW. */
  negationWindow?: { han: number; latin: number };
  advice: AdviceKey;
}

const SHOP: readonly GuardSide[] = ['shop'];
const BUYER: readonly GuardSide[] = ['buyer'];
const BOTH: readonly GuardSide[] = ['shop', 'buyer'];

/** Words that, just before a hit, turn it into a warning against the thing ("请勿私下转账"). */
export const NEGATIONS = ['不要', '请勿', '切勿', '不会', '谨防', '严禁', '禁止', '不得', '千万别', '请别', '不可以', '不支持', 'dont', 'donot', 'never', 'not', 'wont'];
/** How far before a hit a negation still counts, in compact characters (an English word is longer than a Chinese one). */
export const NEGATION_WINDOW = { han: 10, latin: 20 };

// 微 and 信 as people disguise them: homophones (wei, xin) and a heart for 心.
const WEI = '(微|薇|威|维|唯|徽|崴|葳|v)';
const XIN = '(信|芯|心|新|欣|鑫|馨|昕|辛|锌)';

/** Words as people type them in pinyin to slip past a filter (微信 → weixin, 支付宝 → zhifubao), toneless. */
const spelled = (words: readonly string[]) => words.map((w) => pinyin(w, { toneType: 'none', type: 'array' }).join(''));

const CONTACT_APPS = [
  ...spelled(['微信', '扣扣', '企鹅号', '电报']),
  '加(|我|个)(薇|威|微|v)',
  `${WEI}${XIN}`, `${WEI}心${XIN}`, 'vx', 'wx', 'weixin', 'weixing', 'wechat', 'qq', 'q号', '扣扣', '抠抠', '寇寇', '企鹅号', '加企鹅', '(加|加我)line', 'lineid', 'line号', '钉钉', 'telegram', '电报',
];
const CONTACT_CONTEXT = [
  '加', '添加', '联系', '找我', '搜', '私聊', '私下', '号', '同号', '发你', '聊', '转', '账号', '收款', '拿货', '直接找', '下单', '有没有', '你的', '你有', '沟通', '联络', '私信', '拉你', '进群', '私我',
  'add', 'addme', 'me', 'contact', 'text', 'message', 'reach', 'id', 'number', 'dm', 'chat', 'call', 'hmu', 'doyouhave', 'your', 'talk',
];

export const RULES: readonly BuiltinRule[] = [
  // ---- abuse -------------------------------------------------------------------------------------------
  {
    id: 'abuse-zh',
    category: 'abuse',
    reason: 'insult',
    severity: 'high',
    sides: BOTH,
    terms: [
      '傻逼', '傻b', '傻x', '傻叉', '傻冒', '煞笔', '沙比', '傻比', 'sb', '脑残', '脑瘫', '智障', '弱智', '白痴', '蠢货', '蠢猪', '笨蛋', '废物',
      '神经病', '有病吧', '有病啊', '有病吗', '你有病', '是不是有病', '有毛病吧', '你有毛病', '有啥毛病', '脑子有病', '脑子有问题', '脑子进水', '去死', '死全家', '死人',
      '你妈', '他妈', '妈的', 'tmd', 'nmsl', '操你', '草泥马', '穷鬼', '穷逼', '眼瞎', '瞎了', '瞎啊', '你瞎', '算什么东西', '算老几', '闭嘴',
      '奇葩', '贱人', '狗东西', '混蛋', '王八蛋', '人渣', '滚', '骗子', '垃圾', '破店', '黑店', '是猪', '你个猪', '懒得理你', '爱买不买', '买不起就别买',
      '听不懂人话', '不说人话', '不会说人话', '蠢', '傻子', '傻瓜', '二货', '二百五', '脑子坏了', '脑子被驴踢', '没脑子', '猪脑子', '没文化', '文盲', '不识字', '字都不认识',
      '找茬', '神经', '去你的', '去你妈', '你大爷', '滚犊子', '死开', '不要脸', '骗钱', '黑心', '奸商', '吃屎', '狗屎', '放屁', '畜生', '禽兽', '杂种',
      '没教养', '没素质', '素质低', '低素质', '穷酸', '土鳖', '乡巴佬', '屌丝', '瞎眼', '破东西', '破玩意', '你算哪根葱', '关你屁事', '难缠', '烦不烦', '给你脸', '给脸不要脸', '智商', '低能', '老六', '装什么', '别装', '别在这装', '没品', '不得好死', '浆糊', '胡搅蛮缠', '没空理你', '白嫖', '闭上(|你的)嘴', '事儿精', '事精', '没长脑子', '狗(店|客服|商家|东西|卖家)', '坑钱', '少废话', '废话少说', '不买就走', '不买就滚', '耳朵聋', '聋了', '幼儿园毕业', '小学毕业', '傻帽', '傻缺', '二逼', '抠门', '难伺候', '狗屁', '屁话', '大病', '你笨', '真笨', '笨死', '说你笨', '真低级', '爱咋咋地', '懒得跟你', '眼睛长哪', '欠骂', '欠揍', '欠收拾', '吸血鬼', '他喵的', '特么', '尼玛', '脑子有坑', '脑子(|是不是)(坏了|有病|有问题|进水)', '是不是(傻|瞎|脑残)',
    ],
    notPartOf: ['滚筒', '滚动', '滚轮', '滚珠', '滚烫', '滚边', '滚刷', '滚梳', '滚压', '垃圾袋', '垃圾桶', '垃圾分类', '垃圾篓', '小心骗子', '谨防骗子', '防骗子', '神经痛', '神经性', '神经酰胺', '神经末梢', '蠢蠢欲动', '骗钱的短信', '谨防骗钱', '你妈妈', '他妈妈', '妈妈的', '给你妈', '帮你妈', '死人头', '吓死人', '热死人', '累死人', '笑死人', '急死人', '冷死人', '滚滚', '翻滚', '废物利用', '是猪肉'],
    advice: 'calm',
  },
  {
    id: 'abuse-en',
    category: 'abuse',
    reason: 'insult',
    severity: 'high',
    sides: BOTH,
    terms: [
      'idiot*', 'stupid', 'moron*', 'dumb', 'dumbass', 'shutup', 'getlost', 'loser*', 'areyoublind', 'youblind', 'clowns', 'scammer*', 'useless',
      'whatthehell', 'wtf', 'stfu', 'fuck*', 'f*ck*', 'f***', 'f**k', 'sh*t', 'bullshit', 'bitch*', 'asshole*', 'jerk', 'pathetic', 'retard*',
      'screwyou', 'pissoff', 'gotohell', 'crook', 'crooks', 'liar', 'liars', 'thief', 'thieves', 'areyoudense', 'youredense', 'brainless', 'dimwit', 'imbecile', 'nitwit', 'halfwit',
      'numbskull', 'yousuck', 'ihateyou', 'shutyourmouth', 'getabrain', 'nobodycares', 'areyoudeaf', 'cantyouread', 'learntoread', 'crap', 'scum', 'clown', 'learnsomemanners', 'nomanners', 'nobodyasked', 'crybaby', 'quitcrying', 'stopcrying', 'whining', 'stopwhining', 'areyou(|seriously|really)(|this|that|so)(slow|dense|thick|braindead)', 'painintheneck', 'painintheass', 'rudest', 'dumbest', 'braindead', 'dumbo', 'clueless', 'doofus', 'bozo', 'muppet', 'twat', 'getalife', 'growup', 'stopbotheringme', 'botheringme', 'youreso(thick|slow|dumb|stupid|dense)', 'youre(thick|clueless)', '(even|dont)haveabrain',
    ],
    advice: 'calm',
  },

  // ---- off the platform --------------------------------------------------------------------------------
  {
    id: 'offplatform-contact',
    category: 'offPlatform',
    reason: 'contactApp',
    severity: 'high',
    sides: BOTH,
    terms: CONTACT_APPS,
    near: CONTACT_CONTEXT,
    idAfter: true,
    notPartOf: ['微信支付', '微信付款', '微信扫码', '微信表情', '微信图标', '微信主题', '微信小程序', '更新', '最新', '新款', '新品', 'wechatpay', 'online', 'lineup'],
    negatable: true,
    advice: 'stayInChat',
  },
  {
    id: 'offplatform-contact-app',
    category: 'offPlatform',
    reason: 'contactApp',
    severity: 'high',
    sides: BOTH,
    terms: ['whatsapp', 'telegram', 'viber', 'kakaotalk', 'q号', 'qq号', '(微信|vx|wx|v信)号', '扣扣号', '企鹅号', '扣我', 'q我', '私人号', '个人号', '看我朋友圈', '加我好友', '加(|个|我)(v|q|w|vx|wx)'],
    notPartOf: ['扣我钱', '扣我的', '扣我分', '扣我运费', '扣我款'],
    negatable: true,
    advice: 'stayInChat',
  },
  {
    id: 'offplatform-pay',
    category: 'offPlatform',
    reason: 'payOutside',
    severity: 'high',
    sides: BOTH,
    terms: [
      '私下交易', '私下转', '私下退', '私下给', '私下付', '私下补', '线下交易', '(不|别|不用|不必)走平台', '不在平台', '不通过平台', '绕过平台', '脱离平台', '平台外交易', '站外交易',
      '直接转我', '转我', '转给我', '转给你', '打给我', '打钱', '打到这个卡', '打到我', '打这个卡', '转账', '收款码', '收钱码', '不用拍', '直接付给我', '微信转', '支付宝转',
      ...spelled(['支付宝', '银行卡', '私下交易', '线下交易']), '打我(支付宝|微信|卡|账户|银行卡)', '(转|打)到我(|的)(支付宝|微信|卡|账户|银行卡)', '支付宝账号', '支付宝号', '收款账号', '卡上',
      'offtheplatform', 'outsidetheplatform', 'offplatform', 'paymedirectly', 'payyoudirectly', 'sendthemoney', 'sendmethemoney', 'wire(the|me|it|money|you)', 'wiretransfer', 'banktransfer',
      'bankaccount', 'accountnumber', 'friendsandfamily', 'venmo', 'zelle', 'cashapp', 'westernunion', 'moneygram', 'movethisoff',
      '(不|不想)在(这|这里|这儿|平台上)(付|付款|交易)', '面交', '当面交易', '见面交易', '线下付', '线下给', 'etransfer', 'interac', 'bitcoin', 'crypto', 'usdt',
      'outsideof(|the)(platform|app|site)', 'offsite',
      '(不|不用|别|不必)走(淘宝|天猫|京东|拼多多|抖音|平台)', '省(|得|去|掉)(扣点|手续费|平台费|佣金)', '在外面(付|买|交易|拍)', '外面付款', '扫我(|这个|的)(码|二维码)',
      '直接找我(买|拿|下单|订)', '找我(买|拿货)', '外面付', '私下', '线下(结算|付款|支付|转账)', 'payincash', 'incash', 'cash(|on|when|at)(pickup|delivery)', '(直接|私下)(|发)红包', '(转|打)到(我|我的|我们)(|的)(对公|私人|个人)(账户|账号)', '对公账户', 'avoid(|the)(|platform)fee*', 'save(|the)platformfee*',
    ],
    notPartOf: ['转我们', '转给我们', '不用拍照', '转账户', '打钱包'],
    negatable: true,
    advice: 'payOnPlatform',
  },
  {
    id: 'offplatform-pay-app',
    category: 'offPlatform',
    reason: 'payOutside',
    severity: 'high',
    sides: BOTH,
    terms: ['支付宝', 'alipay', 'paypal', '微信', 'wechat', '银行卡', '卡号'],
    near: ['直接', '转', '打', '账号', '私下', '收款', '汇', '给个', '给我', '能给', '发我', '发个', 'directly', 'instead', 'through', 'friendsandfamily', 'fee', 'sendme', 'myalipay', 'mypaypal', 'my', 'tome', 'your'],
    window: 10,
    notPartOf: ['微信支付', '支付宝支付', '银行卡支付'],
    negatable: true,
    advice: 'payOnPlatform',
  },
  {
    id: 'offplatform-market',
    category: 'offPlatform',
    reason: 'payOutside',
    severity: 'high',
    sides: BOTH,
    terms: ['闲鱼', '转转', '微店', '朋友圈', '小红书', '(抖音|快手|小红书)(号|直播间)', 'facebookmarketplace', 'ebay', 'craigslist', 'instagram', 'facebook', 'ig', '(our|my)(|own)(website|site|webshop)', '官网', '独立站'],
    near: ['走', '交易', '下单', '找我', '链接', '便宜', '加', '私下', '看我', '买', 'me', 'cheaper', 'dm', 'order*', 'buy', 'direct*', 'straight'],
    window: 8,
    negatable: true,
    advice: 'payOnPlatform',
  },
  {
    id: 'offplatform-qr',
    category: 'offPlatform',
    reason: 'qrCode',
    severity: 'high',
    sides: BOTH,
    terms: ['二维码', '扫码', '扫一下', '扫这个', 'qrcode', 'scan'],
    near: ['付款', '付钱', '付了', '转账', '打钱', '加我', '好友', '便宜', '私下', '不走平台', 'pay', 'addme'],
    window: 10,
    unless: ['说明书', '视频', '教程', '安装', '包装', '防伪', '售后卡', 'manual', 'video'],
    negatable: true,
    advice: 'payOnPlatform',
  },
  {
    id: 'offplatform-phone-ask',
    category: 'offPlatform',
    reason: 'phoneNumber',
    severity: 'high',
    sides: BOTH,
    terms: ['(私人|个人)(电话|手机|号码)', '你(|的)(电话|手机|手机号|微信)(|是)多少', '打我电话', '给我打电话', '打电话给我', '我电话', '我的电话', '我手机', '我的手机号', '我(|的)电话是', '我(|的)手机号是', '留个电话', '留个手机号', '留电话', '留个号', '留个联系方式', '电话联系我', 'callme', 'textme', 'mynumber', 'yournumber'],
    unless: ['收件', '收货', '地址', '快递员', '快递小哥', '改一下', '修改', '填写'],
    negatable: true,
    advice: 'stayInChat',
  },

  // ---- over-promise (shop) -----------------------------------------------------------------------------
  {
    id: 'promise-absolute',
    category: 'overPromise',
    reason: 'absolutePromise',
    severity: 'medium',
    sides: SHOP,
    terms: [
      '包您满意', '包你满意', '放一百个心', '万无一失', '假一赔十', '假一罚十', '假一赔百', '假一赔万', '全网最低', '永远不会', '终身保修', '终身质保', '终身包换',
      '不会有任何问题', '没有任何问题', '一点问题都没有', '绝不会', 'nomatterwhat', 'neverbreak*', 'neverfade*', 'willneverbreak', 'willneverfade',
      '怎么退都行', '想怎么退', '随时找我退', '假的(|我|就)赔', '不用寄回', '直接全额退', '放(一百|一万|一千)个心', '(一准|准保|铁定)(|能|会)(到|送到)', '终身(|免费)(换|修|保修|包换)', '就算(|是)(穿坏|用坏|弄坏|坏了)', '(不管|无论)什么原因(|都)(能|可以)退', '(什么|任何)原因都(能|可以)退', '赔(你|您)(十|百|双|三|两)倍', '(十|百|双|三)倍赔', '随便换', '(换|退)到(合适|满意)为止', '无条件退', '无条件换', '无条件退换', '包用', '用不坏', '穿不坏', '永不', 'noriskatall', 'riskfree', 'satisfactionguaranteed',
      'willarriveby', 'willbethereby', 'willgetthereby', '(从来|从|永远|绝对|肯定|保证)(不会|不)(出|有)问题', '保证(您|你)', 'lastalifetime', 'lifetimeguarantee',
    ],
    advice: 'noAbsolute',
  },
  {
    id: 'promise-weak',
    category: 'overPromise',
    reason: 'absolutePromise',
    severity: 'medium',
    sides: SHOP,
    terms: ['百分百', '百分之百', '100%', '绝对', '肯定', '一定', '保证', '保准', '打包票', '担保', '保你', '保您', '包你', '包您', 'guarantee*', 'promise', 'definitely', 'absolutely', 'certainly', 'forsure', 'nodoubt', 'surely', 'assure*', '铁定'],
    near: [
      '没问题', '没有问题', '不会', '正品', '到货', '送到', '能到', '会到', '到手', '到您', '天到', '到达', '一定到', '肯定到', '保证到', '前到', '发货', '发出', '能发',
      '满意', '退', '换', '明天', '今天', '今晚', '天内', '之内', '内到', '之前', '赶上', '最低', '能', '色差', '喜欢', '用', '十年', '一辈子', '到',
      '防水', '防摔', '没事', '不漏', '不掉', '不坏', '耐用', '最好', '最', '显瘦', '治好', '有效', '收到', '不起球', '跟新的一样', '几年', '便宜', '一半', '精准', '一模一样', '不差', '准', '没毛病',
      'noproblem', 'noissue*', 'arrive*', 'deliver*', 'tomorrow', 'today', 'tonight', 'never', 'wont', 'willnot', 'loveit', 'double', 'forever', 'fade', 'break',
      'by(monday|tuesday|wednesday|thursday|friday|saturday|sunday|christmas|tomorrow)', 'before(christmas|the)', 'get', 'getit', 'fit*', 'perfect*', 'work*', 'satisf*', 'love', 'last*', 'lifetime', 'forever', 'before', 'crack*', 'best', 'anywhere', 'waterproof', 'solve*', 'fix*', 'cure*',
    ],
    window: 14,
    // Not negatable: "never crack, guaranteed" is a promise; the negations that undo one are listed here.
    notPartOf: [
      '一定要', '一定的', '肯定是我们', '保证金', '担保交易', '确保你', '确保您', '保证(您|你)的', '(为了|以|来|以便)保证(您|你)', '(不能|无法|没法|不敢|不)(保证|肯定|担保)',
      '(cant|cannot|couldnt|wont|dont|not)(guarantee|promise)*',
    ],
    advice: 'noAbsolute',
  },
  {
    id: 'promise-delivery',
    category: 'overPromise',
    reason: 'deliveryPromise',
    severity: 'medium',
    sides: SHOP,
    terms: ['必到', '明天必到', '准时送达', '绝对准时', '(绝对|肯定|一定|保证|必须|必定)(|会|能)(到|送到|到货|到达|发出|送达)'],
    advice: 'noDeliveryDate',
  },
  {
    id: 'promise-return',
    category: 'overPromise',
    reason: 'returnPromise',
    severity: 'medium',
    sides: SHOP,
    terms: ['随便退', '随时退', '随时换', '包退包换', '退多少次都行', '想退就退'],
    negatable: true,
    advice: 'returnsByRules',
  },
  {
    id: 'promise-custom-return',
    category: 'overPromise',
    reason: 'returnPromise',
    severity: 'medium',
    sides: SHOP,
    terms: ['定制', '定做', '订做', '订制', '刻字', '印字', '个性化', '私人订制', 'custom', 'personalized', 'personalised', 'madetoorder', 'engraved'],
    near: ['可以退', '能退', '也能退', '随便退', '随时退', '包退', '可退', '给退', '也退', '退', 'return*', 'refund*', 'anytime'],
    window: 16,
    unless: ['不支持', '不能退', '不可退', '不退', '不予', '不接受', 'cannot', 'cant', 'not', 'non'],
    advice: 'returnsByRules',
  },

  // ---- threats -----------------------------------------------------------------------------------------
  {
    id: 'threat-block',
    category: 'threat',
    reason: 'blockBuyer',
    severity: 'high',
    sides: SHOP,
    terms: ['拉黑', '黑名单', 'blockyou', 'blockingyou', 'youareblocked', 'youreblocked', 'beblocked', 'blacklist*'],
    negatable: true,
    advice: 'resolveTogether',
  },
  {
    id: 'threat-report',
    category: 'threat',
    reason: 'reportBuyer',
    severity: 'high',
    sides: SHOP,
    terms: ['举报你', '投诉你', '告你', '告到你', '曝光你', '挂网上', '挂你', '投诉到你', '人肉', '社死', 'reportyou', 'reportingyou', 'report(|your)account', 'flagyouraccount', 'banyou', 'ban(|your)account', 'bebanned', 'exposeyou'],
    notPartOf: ['投诉你们', '举报你们'],
    negatable: true,
    advice: 'resolveTogether',
  },
  {
    id: 'threat-legal',
    category: 'threat',
    reason: 'legalThreat',
    severity: 'high',
    sides: SHOP,
    terms: ['起诉', '法律责任', '追究', '报警', '律师函', '法院见', '法律途径', 'sue', 'sueyou', 'legalaction', 'lawyer*', 'police', 'court', 'attorney'],
    negatable: true,
    advice: 'resolveTogether',
  },
  {
    id: 'threat-intimidation',
    category: 'threat',
    reason: 'intimidation',
    severity: 'high',
    sides: SHOP,
    terms: [
      '记住你了', '小心我', '你等着', '给我等着', '走着瞧', '等着瞧', '知道你住哪', '后果自负', '掂量', '你敢', '有你的地址', '有你地址', '知道你地址', '让你好看', '有你好看', '给你点颜色',
      '对你不客气', '收拾你', '整你', '搞你', '吃不了兜着走', '你会后悔', '你给我小心', '(怎么|会|平台|要)处理你', '处理你这种', '恶意买家', '封(|了|掉)你(|的)(号|账号)', '(公开|曝光|发布)你的(信息|资料|隐私|地址|电话)', '把你的(信息|资料|隐私|地址|电话)(公开|曝光|发到|挂)', '找人(去|来|收拾|弄)', '(一直|天天|每天)打电话给你', '小心点说话', '说话小心点', '我们可是有人', '我们有人的', '别乱来', '信息我们都有', '我们都有你', '(一直|天天|每天)(联系|骚扰)你', '(一直|天天|每天)给你打电话', '别惹(我|我们)', '吃亏的是你', '发(|到)网上', '挂到网上', '聊天记录发', '封你', '封号',
      'seewhathappens', 'youllregret', 'youwillregret', 'thinktwice', 'haveyouraddress', 'knowwhereyoulive', 'watchyourback', 'delete(the|that|your)review', 'makesureyounever', 'thinkcarefullybefore', 'weknowyour(name|address|addresses|location|home)', 'youwillnever(shop|buy)', 'youllnever(shop|buy)', 'or(we|i)(will|ll)takeaction', 'takeactionagainstyou', 'consequences', 'orelse',
    ],
    notPartOf: ['调整你', '整你的', '搞你的', '处理你的', '处理你们'],
    advice: 'resolveTogether',
  },
  {
    id: 'threat-dare',
    category: 'threat',
    reason: 'intimidation',
    severity: 'high',
    sides: SHOP,
    terms: ['试试', '后果', '别想'],
    near: ['差评', '敢', '投诉', '退货', '黑名单', 'review'],
    window: 10,
    advice: 'resolveTogether',
  },
  {
    id: 'buyer-complaint',
    category: 'threat',
    reason: 'complaintThreat',
    severity: 'medium',
    sides: BUYER,
    terms: ['投诉', '举报', '12315', '315晚会', '工商', '消协', '消费者协会', '市场监管', '曝光', '小二介入', '平台介入', '维权', '找律师', '起诉', '法院', '介入', '媒体', '记者', 'report*', 'complain*', 'dispute', 'chargeback', 'bbb', 'sue', 'lawyer', 'expose', 'consumerprotection', 'post(about|it)', 'warneveryone', '发微博', '微博上', '发帖', '发(|到)网上', 'tellallmyfriends', 'tell(everyone|everybody)'],
    unless: ['在哪', '入口', '按钮', '怎么操作', 'where'],
    negatable: true,
    // "If you don't refund me I'll dispute": only a negation right before the word takes the threat back.
    negationWindow: { han: 3, latin: 6 },
    advice: 'buyerApology',
  },
  {
    id: 'buyer-rating',
    category: 'threat',
    reason: 'badRatingThreat',
    severity: 'medium',
    sides: BUYER,
    negationWindow: { han: 3, latin: 6 },
    terms: ['差评', '一星', '1星', '一颗星', '零分', '中评', '低分', 'badreview', '1star', 'onestar', 'zerostar*', 'negativereview', 'negativefeedback', 'badrating', 'lowrating', 'badfeedback', 'terriblereview', 'worstreview'],
    negatable: true,
    advice: 'buyerApology',
  },

  {
    id: 'buyer-review-exposure',
    category: 'threat',
    reason: 'badRatingThreat',
    severity: 'medium',
    sides: BUYER,
    terms: ['评价里', '评价中', '评论区', '如实评价', '写进评价'],
    near: ['问题', '写出来', '曝光', '说清楚', '差', '不好', '坑', '骗'],
    window: 14,
    negatable: true,
    advice: 'buyerApology',
  },

  // ---- blame-shifting (shop) ---------------------------------------------------------------------------
  {
    id: 'blame-not-ours',
    category: 'blame',
    reason: 'notOurFault',
    severity: 'medium',
    sides: SHOP,
    terms: [
      '不是我们的责任', '不是我们的问题', '不是我们问题', '不是我们的错', '(跟|和|与)我们(没关系|没有关系|无关)', '(跟|和|与)(店铺|本店|商家)(没关系|无关)', '不关我们的事', '不关我们事',
      '不关我的事', '不关我事', '我们不负责', '不归我们管', '我们管不了', '找我们没用', '我们也没办法', '只负责发货', '怪不了我们', '不负责',
      '(快递|物流|厂家|平台)的(问题|事)', '是(快递|物流|厂家)的问题', '不是我们(|这边|这里)(|的)(事|问题|责任|错)', '(别|不要|别来|不要来)(找|问)我们', '找我们也没用', '要怪就怪', '也是受害者',
      '怪(快递|物流|平台|厂家)', '(你|您)那边(|的)问题', '我们管不着', '与本店无关', '概不负责', '责任自负', '自行负责', '自行联系', '自行处理',
      'notonus', 'outofourhands', 'outofourcontrol', 'nothingwecando', 'thatsonyou', 'itsonyou', 'notourjob',
      '(我们|我)(|也)(管不了|控制不了|没办法控制|无能为力)', '(跟|和|与)我们有(什么|啥)关系', '有意见(|就)(|去)找(平台|快递|厂家)', '(快递|物流)(弄|摔|压|搞)(坏|破|丢|的)', '不是我们能(管|决定|控制)', '又不是我们', '(快递|物流|快递公司|平台|厂家)的责任', '这个我们不管', '我们可不管', '只管卖', '(问题|质量问题)找厂家', '(你|您)要是早(点|些)', '不是(我|客服|店铺|我们店)的(问题|责任|错)', '(仓库|厂家|快递|物流)(那边|的)(搞错|弄错|弄丢)', '能怪我们', '怪不得我们',
      'wejustsell*', 'notthemanufacturer', '(carrier|courier|platform|deliverycompany|shippingcompany|postoffice|customs)s(problem|fault|issue|mess)', 'thatsyourproblem', 'itsyourproblem', 'werenottheones', 'isntresponsible', 'arentresponsible', 'notliable', '(carrier|courier|platform|manufacturer)s(responsibility|defect)', 'notsomethingwe*',
      'notourfault', 'notourproblem', 'notourresponsibility', 'notourissue', 'nothingtodowithus', 'notresponsible', 'notours', 'notme', 'notmyproblem', 'notmyfault',
      '(carrier|courier|platform)s(problem|fault|issue)', 'blamethe',
    ],
    negatable: false,
    advice: 'weHandleIt',
  },
  {
    id: 'blame-elsewhere',
    category: 'blame',
    reason: 'sendElsewhere',
    severity: 'medium',
    sides: SHOP,
    terms: [
      '(你|您)(|去|自己去)(找|问|联系)(快递|物流|平台|厂家)', '去问快递', '去找快递', '别问我', '自己去联系', '(你|您)自己(|去)(联系|处理)', '找物流', '找快递公司',
      '自己(|去)(找|问|联系)(快递|物流|平台|厂家|快递公司)', '(你|您)只能自己', '(问|找)平台客服去', '找快递理论', '不归我管', '(问|找)别人去', 'betweenyouandthe', '(你|您)(|去)找他们', '找他们(吧|去)',
      '(你|您)(|去|可以)投诉(快递|物流)', 'ask(|the)(manufacturer|brand|factory|maker)',
      'ask(|the)(courier|carrier|platform|postoffice|shipper)', 'goask', 'takeitupwith', 'talkto(|the)(platform|courier|carrier)', 'contactthe(courier|carrier)yourself',
    ],
    advice: 'weHandleIt',
  },
  {
    id: 'blame-yourself',
    category: 'blame',
    reason: 'sendElsewhere',
    severity: 'medium',
    sides: SHOP,
    terms: ['yourself'],
    near: ['contact', 'call', 'ask', 'handle', 'dealwith', 'sortitout', 'figureitout', 'complain*', 'courier', 'carrier', 'shipping', 'platform'],
    window: 30,
    advice: 'weHandleIt',
  },
  {
    id: 'blame-buyer',
    category: 'blame',
    reason: 'buyerFault',
    severity: 'medium',
    sides: SHOP,
    terms: [
      '是(你|您)自己(没|的|弄|拍|选|填|操作|搞|不)', '(你|您)自己(没|选错|拍错|弄坏|填错|搞错|的问题|不看|操作|签收)', '(你|您)自己(拆|弄|摔|搞)(坏|破|的)', '(你|您)家(小孩|孩子)弄', '(你|您)(|自己)(|下单前)(不问清楚|没问清楚)', '就你有问题', '人家都没问题', 'itmustbeyou', 'onlyonecomplaining', '自己弄坏', '自己没看清', '自己没仔细', '怪谁', '谁让你', '操作不当',
      '(你|您)没看清', '怪你自己', '怪您自己', '谁叫你', '(你|您)自己不会',
      'yourfault', 'yourownfault', 'youshouldhave', 'youdidntread', 'yourmistake', 'you(picked|chose|selected|ordered|bought)thewrong', 'youdidnt(check|read|look)',
    ],
    advice: 'weHandleIt',
  },

  // ---- sarcasm about the price (shop) ------------------------------------------------------------------
  {
    id: 'sarcasm-strong',
    category: 'sarcasm',
    reason: 'priceSarcasm',
    severity: 'medium',
    sides: SHOP,
    terms: [
      '一分钱一分货', '便宜没好货', '要啥自行车', '要什么自行车', '偷着乐', '图便宜', '能用就不错', '当自己是上帝', '当自己是大客户', '买不起', '白菜价还',
      '嫌贵(|就)别买', '嫌差(|就)别买', '嫌贵就', '穷就别', '没钱就别', '便宜到这份上', '当奢侈品', '还想要奢侈品',
      'getwhatyoupayfor', 'whatdidyouexpect', 'whatdoyouexpect', 'whatwereyouexpecting', 'for(this|that|sucha)price', 'at(this|that|sucha)price', 'cheapstuff', 'dontexpectmiracles',
      'notarolex', 'expectluxury', 'lessthanacoffee', 'cheaperthanacoffee', 'ifyoucantafford', 'cantaffordit', 'whatmoredoyouwant', 'dollarstore', 'cheapexpectations', '就偷笑', '一分价钱一分货', 'yourelucky', 'youarelucky', 'heirloom', '知足吧', '买个教训', 'forwhatyoupaid', 'cheapgetsyou', 'bargainprice', '(去|就去)买贵的', '买贵的去', 'whatdidyouthink', 'dontactsurprised', 'forthepriceofa', 'cheapischeap',
      '(付|花)了多少钱心里', '心里没(|点)数', '别要求太多', '要求太多',
    ],
    advice: 'priceRespect',
  },
  {
    id: 'sarcasm-price',
    category: 'sarcasm',
    reason: 'priceSarcasm',
    severity: 'medium',
    sides: SHOP,
    terms: [
      '这点钱', '这么点钱', '那点钱', '这点儿钱', '几块钱', '几毛钱', '几个钱', '十几块', '几十块', '这个价', '这价', '这价格', '九块九', '十块钱', '一块钱', '二十块', '这么便宜',
      '便宜货', '才花了', '白菜价', '便宜成这样', '便宜到', '便宜东西', '便宜的东西', 'pennies', 'budget', '(one|two|three|five|ten)dollar*', 'at(five|two|three|ten)(dollars|bucks)',
      'cheap', 'bucks', 'for$*', 'paidonly', 'afewdollars', 'afewbucks', 'coupleofbucks', 'coupleofdollars',
    ],
    near: [
      '还想', '还要', '还嫌', '还挑', '还当', '还敢', '要求', '想多了', '别指望', '指望', '就这样', '懂不懂', '想怎样', '试试', '就不错', '什么服务', '什么品质', '挑三拣四', '也值得', '值得退',
      '奢侈品', '够干啥', '够干嘛', '够什么', '要啥', '要什么', '还想怎样', '凭什么', '将就', '凑合', '较真', '别要求', '至于', '当然', '挑出毛病', '厉害', '讨价还价', '就想要', '还问', '问这么多', '好意思', '再买', '知足', '不够', '当宝贝', '砍价', '大牌', 'surprised', 'not', 'lucky', 'honey', 'sweetie', 'sweetheart', 'funny', 'premium',
      'expect*', 'comeon', 'dealwithit', 'miracle*', 'warranty', 'rolex', 'seriously', 'perfection', 'luxury', 'relax', 'youwant',
    ],
    window: 14,
    advice: 'priceRespect',
  },
];

/** What the finding suggests instead, per kind of rule: wording in zh and en, and a default snippet when one fits. */
export type AdviceKey = 'calm' | 'stayInChat' | 'payOnPlatform' | 'noAbsolute' | 'noDeliveryDate' | 'returnsByRules' | 'resolveTogether' | 'weHandleIt' | 'priceRespect' | 'buyerApology';

export interface Advice {
  /** Replaces the flagged words in a shop's message. */
  shop: { zh: string; en: string };
  /** A reply to a buyer's message of this kind. */
  buyer?: { zh: string; en: string };
  /** Default snippet id without its language prefix (`zh-` / `en-`). */
  snippet?: string;
}

export const ADVICE: Record<AdviceKey, Advice> = {
  calm: {
    shop: { zh: '亲，我理解您的心情，我们一起看看怎么解决', en: "I understand this is frustrating; let's sort it out together" },
    buyer: { zh: '亲，非常理解您现在的心情，给您带来不好的体验真的很抱歉。您先别着急，我这边马上帮您处理。', en: "I completely understand how frustrating this is, and I'm sorry for the trouble. I'm looking into it for you right now." },
    snippet: 'deescalate-1-calm',
  },
  stayInChat: {
    shop: { zh: '有任何问题随时在这里联系我们', en: 'you can reach us here in the platform chat at any time' },
    buyer: { zh: '亲，为了保障您的权益，我们只在平台内沟通和交易，有任何问题直接在这里留言，我们都会及时回复您～', en: 'To keep your purchase protected, we only talk and trade here on the platform. Just message us here any time and we will answer.' },
  },
  payOnPlatform: {
    shop: { zh: '请在平台上下单付款，差价或补偿我们通过平台的退款或小额打款处理', en: "please pay through the platform; any difference or compensation goes through the platform's refund tools" },
    buyer: { zh: '亲，为了保障您的资金安全，付款、退款和补偿都请在平台上进行，补偿我们会通过平台的退款或小额打款发给您～', en: "To keep your money protected, payments, refunds and compensation all go through the platform: we will send any compensation with the platform's own refund tools." },
  },
  noAbsolute: {
    shop: { zh: '我们对质量有信心，如有问题会按平台规则为您处理', en: "we stand by the quality, and if anything is wrong we'll take care of it under the platform's rules" },
  },
  noDeliveryDate: {
    shop: { zh: '我们会尽快发货，到货时间以物流实际为准', en: "we'll ship as soon as possible; the delivery time depends on the courier" },
    snippet: 'handling-time',
  },
  returnsByRules: {
    shop: { zh: '退换货按平台规则和商品页说明办理', en: 'returns follow the platform rules and the item page' },
    snippet: 'return-refund',
  },
  resolveTogether: {
    shop: { zh: '我们希望和您一起把问题解决好', en: "we'd like to resolve this together with you" },
    snippet: 'deescalate-2-apology',
  },
  weHandleIt: {
    shop: { zh: '这边马上帮您联系处理，有结果第一时间告诉您', en: "let me look into this for you and get back to you as soon as I know more" },
    snippet: 'tracking-stopped',
  },
  priceRespect: {
    shop: { zh: '不管价格多少，有任何问题我们都会认真帮您处理', en: "whatever the price, we'll gladly help with any problem" },
  },
  buyerApology: {
    shop: { zh: '我们希望和您一起把问题解决好', en: "we'd like to resolve this together with you" },
    buyer: { zh: '亲，真的很抱歉让您不满意了，请您告诉我具体的情况，我现在就帮您处理。', en: "I'm really sorry we let you down. Tell me what happened and I'll work on it right now." },
    snippet: 'deescalate-2-apology',
  },
};
