import { useEffect, useState } from 'preact/hooks';
import { browser } from 'wxt/browser';
import { sitePermission } from '@/lib/custom-site-handlers';
import { t } from '@/lib/i18n';
import type { createClient } from '@/lib/messaging';
import { exportCustomAdapters, parseCustomAdaptersFile, type CustomAdapter } from '@/lib/sites/custom/schema';
import type { HealthSummary } from '@/lib/sites/health';
import { download } from './download';
import { Notice } from './Notice';

type Send = ReturnType<typeof createClient>;
const stamp = () => new Date().toISOString().slice(0, 16).replace(/[-:T]/g, '');
const day = (at: number) => new Date(at).toLocaleDateString();
const BADGE = { working: 'healthBadgeWorking', partly: 'healthBadgePartly', unrecognised: 'healthBadgeUnrecognised' } as const;

/** Where a taught console lives, as the agent recognises it: `https://seller.example.com/im`. */
const address = (site: CustomAdapter) => `${site.scheme}://${site.host}${site.pathPrefix === '/' ? '' : site.pathPrefix}`;

/** A page of the console to open; a `*.example.com` console opens on example.com itself, the one host it surely has. */
const siteUrl = (site: CustomAdapter) => `${site.scheme}://${site.host.replace(/^\*\./, '')}${site.pathPrefix}`;

async function openInNewTab(url: string): Promise<number> {
  const tab = await browser.tabs.create({ url });
  if (tab.id === undefined) throw new Error(`no tab for ${url}`);
  return tab.id;
}

const askForOrigins = (origins: string[]) => browser.permissions.request({ origins });

/** Hosts as the agent reads them in a sentence, each once. */
const hostList = (sites: readonly CustomAdapter[]) => [...new Set(sites.map((s) => s.host))].join('、');

/**
 * The consoles the agent taught by pointing, with their health on the last visit, and how they are shared:
 * one or all exported as a file, a file imported whole or refused whole (entry and field named), each host's
 * permission asked before anything is saved. Edit and Test open the console in a new tab.
 */
export function CustomSites({
  send,
  openTab = openInNewTab,
  requestOrigins = askForOrigins,
}: {
  send: Send;
  /** Opens `url` in a new tab and gives its id; tests give a fake. */
  openTab?: (url: string) => Promise<number>;
  /** Asks the browser for `origins` (one prompt for all of them); tests give a fake. */
  requestOrigins?: (origins: string[]) => Promise<boolean>;
}) {
  const [sites, setSites] = useState<CustomAdapter[] | null>(null);
  const [health, setHealth] = useState<Record<string, HealthSummary>>({});
  const [status, setStatus] = useState<{ kind: 'info' | 'error'; text: string } | null>(null);
  const [deleting, setDeleting] = useState<CustomAdapter | null>(null);
  /** A good file read, waiting for the agent's click: only a click may ask the browser for permissions. */
  const [pending, setPending] = useState<CustomAdapter[] | null>(null);

  const reload = async () => {
    const list = await send('customSites.list', {});
    setSites(list.sites);
    setHealth(list.health);
  };
  useEffect(() => {
    reload().catch((error: unknown) => setStatus({ kind: 'error', text: t('settingsError', error instanceof Error ? error.message : String(error)) }));
  }, []);

  const fail = (error: unknown) => setStatus({ kind: 'error', text: t('settingsError', error instanceof Error ? error.message : String(error)) });

  const exportSites = (records: CustomAdapter[], name: string) => {
    download(name, 'application/json', exportCustomAdapters(records));
    setStatus({ kind: 'info', text: t('customSitesExported', String(records.length)) });
  };

  const remove = async (site: CustomAdapter) => {
    setDeleting(null);
    try {
      await send('customSites.delete', { id: site.id });
      setStatus({ kind: 'info', text: t('customSitesDeleted', site.name) });
      await reload();
    } catch (error) {
      fail(error);
    }
  };

  const open = async (site: CustomAdapter, edit: boolean) => {
    try {
      const tabId = await openTab(siteUrl(site));
      if (edit) await send('picker.start', { tabId, edit: site.id });
    } catch (error) {
      fail(error);
    }
  };

  const readFile = async (file: File) => {
    setPending(null);
    const result = parseCustomAdaptersFile(await file.text());
    if (!result.ok) {
      const { entry, field, message } = result.problem;
      return setStatus({ kind: 'error', text: entry === null ? t('importFileError', field, message) : t('importRowError', String(entry), field, message) });
    }
    if (!result.adapters.length) return setStatus({ kind: 'info', text: t('customSitesImportEmpty') });
    setStatus(null);
    setPending(result.adapters);
  };

  const grantAndImport = (incoming: CustomAdapter[]) => {
    // Called first thing in the click: Chrome grants permissions only within the user's gesture.
    const asked = requestOrigins([...new Set(incoming.map(sitePermission))]);
    setPending(null);
    void (async () => {
      let granted: boolean;
      try {
        granted = await asked;
      } catch {
        granted = false;
      }
      if (!granted) return setStatus({ kind: 'error', text: t('customSitesPermissionRefused', hostList(incoming)) });
      try {
        const { added, replaced } = await send('customSites.import', { sites: incoming });
        setStatus({ kind: 'info', text: t('customSitesImported', String(added), String(replaced)) });
        await reload();
      } catch (error) {
        fail(error);
      }
    })();
  };

  return (
    <section class="custom-sites">
      <h2>{t('customSitesTitle')}</h2>
      <p class="muted">{t('customSitesHint')}</p>
      {sites !== null && sites.length === 0 && <p class="muted">{t('customSitesEmpty')}</p>}
      {sites !== null && sites.length > 0 && (
        <ul class="custom-site-list">
          {sites.map((site) => {
            const seen = health[site.id];
            return (
              <li key={site.id} class="custom-site" data-site={site.id}>
                <strong>{site.name}</strong> <bdi class="custom-site-address">{address(site)}</bdi>{' '}
                <span class={`health-badge ${seen ? `health--${seen.status}` : 'health--unseen'}`}>{seen ? t(BADGE[seen.status]) : t('customSitesNotSeen')}</span>
                <div class="muted">{t('customSitesDates', day(site.createdAt), day(site.updatedAt))}</div>
                <div class="custom-site-actions">
                  <button type="button" class="button" aria-label={t('customSitesEditNamed', site.name)} onClick={() => void open(site, true)}>
                    {t('customSitesEdit')}
                  </button>
                  <button type="button" class="button" aria-label={t('customSitesTestNamed', site.name)} title={t('customSitesTestHint')} onClick={() => void open(site, false)}>
                    {t('customSitesTest')}
                  </button>
                  <button type="button" class="button" aria-label={t('customSitesExportNamed', site.name)} onClick={() => exportSites([site], `kefu-console-${site.id}-${stamp()}.json`)}>
                    {t('customSitesExport')}
                  </button>
                  <button type="button" class="button" aria-label={t('customSitesDeleteNamed', site.name)} onClick={() => setDeleting(site)}>
                    {t('customSitesDelete')}
                  </button>
                </div>
              </li>
            );
          })}
        </ul>
      )}
      {deleting && (
        <div class="confirm" role="alertdialog" aria-label={t('customSitesConfirmDelete', deleting.name)}>
          <p>{t('customSitesConfirmDelete', deleting.name)}</p>
          <button type="button" class="button" onClick={() => void remove(deleting)}>
            {t('customSitesDeleteConfirm')}
          </button>
          <button type="button" class="button" onClick={() => setDeleting(null)}>
            {t('customSitesCancel')}
          </button>
        </div>
      )}
      {pending && (
        <div class="confirm" role="alertdialog" aria-label={t('customSitesImportReady', String(pending.length), hostList(pending))}>
          <p>{t('customSitesImportReady', String(pending.length), hostList(pending))}</p>
          <button type="button" class="button" onClick={() => grantAndImport(pending)}>
            {t('customSitesGrantAndImport')}
          </button>
          <button type="button" class="button" onClick={() => setPending(null)}>
            {t('customSitesCancel')}
          </button>
        </div>
      )}
      {status && <Notice kind={status.kind} text={status.text} />}
      <div class="exports">
        <button type="button" class="button" disabled={!sites?.length} onClick={() => sites && exportSites(sites, `kefu-consoles-${stamp()}.json`)}>
          {t('customSitesExportAll')}
        </button>
        <label class="button">
          {t('customSitesImport')}
          <input
            type="file"
            class="custom-sites-import"
            accept=".json,application/json"
            hidden
            onChange={(e) => {
              const file = e.currentTarget.files?.[0];
              e.currentTarget.value = '';
              if (file) void readFile(file);
            }}
          />
        </label>
      </div>
    </section>
  );
}
