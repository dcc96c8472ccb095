/**
 * Qianniu's web chat-history search, as ../shared/CONSOLES.md describes it: a page of qn.taobao.com that
 * shows the history in an iframe of market.m.taobao.com/app/qn/im-history-search/, whose rows carry hashed
 * class names (`chatWrap`, `chatTime`, `chatName` are the stable parts public code matches). One page serves
 * both hosts. Times are in Beijing time; `?now=` fixes the clock for saved HTML. Plain DOM: nothing public
 * says which framework the history page uses.
 */
const HISTORY_URL = 'https://market.m.taobao.com/app/qn/im-history-search/index.html';
const root = document.getElementById('root')!;

function el(tag: string, className: string, text?: string): HTMLElement {
  const node = document.createElement(tag);
  if (className) node.className = className;
  if (text !== undefined) node.textContent = text;
  return node;
}

if (location.hostname === 'qn.taobao.com') {
  // The Qianniu web page: its navigation, and the history tool in an iframe.
  const shell = el('div', 'qn-workbench');
  shell.append(el('header', 'qn-top', '千牛工作台 · 客服 · 聊天记录'));
  const frame = document.createElement('iframe');
  frame.src = `${HISTORY_URL}${location.search}`;
  frame.style.cssText = 'width: 100%; height: 640px; border: 0';
  shell.append(frame);
  root.append(shell);
} else {
  const params = new URLSearchParams(location.search);
  const now = params.has('now') ? Date.parse(params.get('now')!) : Date.now();
  const beijing = (at: number) => {
    const d = new Date(at + 8 * 3_600_000);
    const p = (n: number) => String(n).padStart(2, '0');
    return `${d.getUTCFullYear()}-${p(d.getUTCMonth() + 1)}-${p(d.getUTCDate())} ${p(d.getUTCHours())}:${p(d.getUTCMinutes())}:${p(d.getUTCSeconds())}`;
  };
  const shop = '小鹿家居旗舰店';
  const buyer = 'tb_aihua2019';
  // Yesterday's conversation with one buyer: asked, answered by a sub-account, thanked.
  const history: [number, string, string][] = [
    [-86_400_000 - 600_000, buyer, '在吗？这个沙发垫有灰色的吗'],
    [-86_400_000 - 590_000, `${shop}:小雨`, '亲，在的，灰色有现货哦'],
    [-86_400_000 - 540_000, buyer, '1.2米的尺寸合适吗'],
    [-86_400_000 - 470_000, `${shop}:小雨`, '合适的亲，1.2米的三人位正好'],
    [-86_400_000 - 460_000, `${shop}:小雨`, '今天下单明天发货'],
    [-86_400_000 - 400_000, buyer, '好的谢谢'],
  ];
  const page = el('div', 'imHistory--2kPq0');
  page.append(el('div', 'searchBar--7Hw1c', `买家：${buyer}`));
  const list = el('div', 'chatList--9Zt4e');
  for (const [offset, name, text] of history) {
    const row = el('div', `chatWrap--3Fq1z${name.includes(':') ? ' chatWrapSelf--1aB2c' : ''}`);
    const head = el('div', 'chatHead--5Lm2x');
    head.append(el('span', 'chatName--8Yt3v', name), el('span', 'chatTime--4Qw7r', beijing(now + offset)));
    row.append(head, el('div', 'chatContent--6Rv9n', text));
    list.append(row);
  }
  page.append(list);
  root.append(page);
}
