import { applyFix } from '@/lib/sites/custom/fix';
import { describe, expect, test } from 'vitest';
import { demoAdapter, demoSelectors } from '@/lib/sites/demo';
import { checkHealth, healthReport } from '@/lib/sites/health';
import { loadFixture } from '../support/fixtures';

describe('adapter health', () => {
  test('a page the adapter fully understands is working', () => {
    const health = checkHealth(demoAdapter, loadFixture('demo/standard.html'));
    expect(health.status).toBe('working');
    expect(health.parts.every((p) => p.state === 'found')).toBe(true);
    expect(health.off).toEqual([]);
  });

  test('a renamed input turns off only insertion, and names the part and its selector', () => {
    const doc = loadFixture('demo/standard.html');
    doc.querySelector(demoSelectors.input)!.className = 'composer-input-v2';
    const health = checkHealth(demoAdapter, doc);
    expect(health.status).toBe('partly');
    expect(health.off).toEqual(['insertion']);
    expect(health.parts.find((p) => p.part === 'input')).toEqual({ part: 'input', state: 'missing', selector: demoSelectors.input });
    expect(health.parts.filter((p) => p.state === 'missing').map((p) => p.part)).toEqual(['input']);
  });

  test('a page of another layout is not recognised', () => {
    expect(checkHealth(demoAdapter, loadFixture('demo/unknown.html')).status).toBe('unrecognised');
  });

  test('with no conversation open, its parts are idle, not missing', () => {
    const doc = loadFixture('demo/standard.html');
    doc.querySelector(demoSelectors.activeConversation)!.classList.remove('conv-item--active');
    const health = checkHealth(demoAdapter, doc);
    expect(health.status).toBe('working');
    expect(health.parts.filter((p) => p.state === 'idle').map((p) => p.part)).toEqual(['messages', 'messageMeta', 'input', 'send', 'buyer']);
  });

  test('an adapter that knows no selector for a part says it is not known yet', () => {
    const health = checkHealth({ ...demoAdapter, health: { ...demoAdapter.health!, list: null } }, loadFixture('demo/standard.html'));
    expect(health).toMatchObject({ status: 'partly', off: ['listWaits'] });
  });

  test('the report names versions, the page without its query and what matched nothing', () => {
    const doc = loadFixture('demo/standard.html');
    doc.querySelector(demoSelectors.input)!.remove();
    const report = healthReport(checkHealth(demoAdapter, doc), { adapterId: 'demo', version: '0.1.0', url: 'http://localhost:5178/kefu-demo/?buyer=13800138000#x', at: Date.UTC(2026, 11, 2) });
    expect(report).toContain('Kefu Sidekick 0.1.0 · adapter demo');
    expect(report).toContain('page: http://localhost:5178/kefu-demo/\n');
    expect(report).not.toContain('13800138000');
    expect(report).toContain(`matched nothing: input (${demoSelectors.input})`);
    expect(report).toContain('features off: insertion');
  });

  test('a fix read by the agent’s selectors, through a shadow root, is found; the report says the console is read the agent’s way', () => {
    const doc = loadFixture('demo/standard.html');
    const input = doc.querySelector(demoSelectors.input)!;
    const host = doc.createElement('div');
    host.className = 'editor-host';
    input.replaceWith(host);
    host.attachShadow({ mode: 'open' }).append(input);
    const fixed = applyFix(demoAdapter, { base: 'demo', selectors: { input: `.editor-host >>> ${demoSelectors.input}` }, updatedAt: 1 });
    const health = checkHealth(fixed, doc);
    expect(health.parts.find((p) => p.part === 'input')).toMatchObject({ state: 'found' });
    expect(checkHealth(demoAdapter, doc).parts.find((p) => p.part === 'input')).toMatchObject({ state: 'missing' });
    const report = healthReport(health, { adapterId: 'demo', version: '0.1.0', url: 'http://localhost:5178/kefu-demo/', at: 0, readAs: "demo with the agent's fix of input" });
    expect(report).toContain("read as: demo with the agent's fix of input");
  });
});
