import { t } from '@/lib/i18n';
import type { Lang } from '@/lib/postage';

/** The language the reply is written in: the conversation's, as guessed, and the agent may change it. */
export function LangChoice({ lang, onChange }: { lang: Lang; onChange: (lang: Lang) => void }) {
  return (
    <label class="field field--inline">
      <span>{t('replyLanguage')}</span>
      <select value={lang} onChange={(e) => onChange(e.currentTarget.value as Lang)}>
        <option value="zh">中文</option>
        <option value="en">English</option>
      </select>
    </label>
  );
}
