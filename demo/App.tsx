import { useEffect, useState } from 'preact/hooks';
import { BuyerPanel } from './BuyerPanel';
import { Composer } from './Composer';
import { ConversationList } from './ConversationList';
import { classNamer, dataNamer, type DemoLayout, type DemoShape } from './layout';
import type { Simulation } from './sim';
import { Thread } from './Thread';

export interface Naming {
  cls: (name: string) => string;
  data: (name: string) => string;
}

/** The whole console re-renders every second (wait clocks tick), as real consoles do. */
export function App({ simulation, layout, shape, onChange }: { simulation: Simulation; layout: DemoLayout; shape: DemoShape; onChange: () => void }) {
  const [now, setNow] = useState(Date.now());
  useEffect(() => {
    const timer = setInterval(() => {
      const time = Date.now();
      if (simulation.tick(time)) onChange();
      setNow(time);
    }, 250);
    return () => clearInterval(timer);
  }, [simulation, onChange]);

  const naming: Naming = { cls: classNamer(layout, shape.renamed), data: dataNamer(layout) };
  const { state } = simulation;
  const active = simulation.conversation(state.activeId);
  const refresh = () => {
    onChange();
    setNow(Date.now());
  };
  const shopAttr = { [naming.data('shop-id')]: state.options.shopId };

  return (
    <div class={naming.cls('seller-console')} {...shopAttr}>
      <header class={naming.cls('console-top')}>
        <span class="brand">演示店铺 · 客服工作台</span>
        <span class="hint">Kefu Sidekick demo console</span>
      </header>
      <div class="console-body">
        <ConversationList
          conversations={state.conversations}
          activeId={state.activeId}
          now={now}
          naming={naming}
          waitingMarks={shape.waitingMarks}
          onOpen={(id) => {
            simulation.open(id);
            refresh();
          }}
        />
        {active ? (
          <main class={naming.cls('chat')}>
            <div class={naming.cls('chat-header')}>
              <span class={naming.cls('chat-buyer-name')}>{active.buyerName}</span>
            </div>
            <Thread conversation={active} naming={naming} virtual={shape.virtualList} clockTimes={shape.clockTimes} />
            <Composer
              key={active.id}
              layout={layout}
              frame={shape.composerFrame}
              naming={naming}
              onSend={(text) => {
                simulation.shopSend(active.id, text, Date.now());
                refresh();
              }}
            />
          </main>
        ) : (
          <main class="chat chat--empty">暂无会话</main>
        )}
        {active && <BuyerPanel conversation={active} naming={naming} />}
      </div>
    </div>
  );
}
