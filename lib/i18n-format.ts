/** Chrome's messages.json format, resolved the way `i18n.getMessage` does (for tests and tools outside the browser). */
export interface CatalogueEntry {
  message: string;
  description?: string;
  placeholders?: Record<string, { content: string }>;
}

export function formatMessage(catalogue: Record<string, CatalogueEntry>, key: string, substitutions: string[] = []): string {
  const entry = catalogue[key];
  if (!entry) return '';
  const sub = (text: string) => text.replace(/\$(\d)/g, (_, n: string) => substitutions[Number(n) - 1] ?? '');
  return entry.message
    .replace(/\$([A-Za-z0-9_@]+)\$/g, (_, name: string) => {
      const placeholder = entry.placeholders?.[name.toLowerCase()];
      return placeholder ? sub(placeholder.content) : '';
    })
    .replace(/\$\$/g, '$');
}
