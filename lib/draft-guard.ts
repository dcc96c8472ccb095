import type { GuardCategory, GuardFinding } from './guard/types';
import type { GuardLevel } from './settings';

/** A finding as the sidebar shows it: what was found, where, and what the shop set for its kind. */
export interface DraftFinding {
  category: GuardCategory;
  level: Exclude<GuardLevel, 'off'>;
  reason: string;
  start: number;
  end: number;
  /** The flagged characters as typed. */
  text: string;
  suggestion?: string;
}

export type Hold = 'none' | 'confirm' | 'block';

const RANK: Record<GuardLevel, number> = { off: 0, warn: 1, confirm: 2, block: 3 };

/** The findings the shop wants shown (kinds set to off are dropped), in the draft's order. */
export function draftFindings(draft: string, findings: readonly GuardFinding[], levels: Record<GuardCategory, GuardLevel>): DraftFinding[] {
  return findings.flatMap((f) => {
    const level = levels[f.category];
    if (level === 'off') return [];
    return [{ category: f.category, level, reason: f.reason, start: f.start, end: f.end, text: draft.slice(f.start, f.end), ...(f.suggestion ? { suggestion: f.suggestion } : {}) }];
  });
}

/** Whether a send of this draft is let through, held for the agent to confirm, or refused. */
export function holdFor(findings: readonly DraftFinding[]): Hold {
  const top = Math.max(0, ...findings.map((f) => RANK[f.level]));
  return top >= RANK.block ? 'block' : top >= RANK.confirm ? 'confirm' : 'none';
}

/** The key that tells one warning from another within a draft: the same words flagged again are not a new one. */
export const findingKey = (f: DraftFinding) => `${f.category}\u0000${f.reason}\u0000${f.text}`;

/** `draft` with one finding's span replaced by its suggestion; the caret goes right after it. */
export function applySuggestion(draft: string, finding: Pick<DraftFinding, 'start' | 'end' | 'text' | 'suggestion'>): { text: string; caret: number } | null {
  if (finding.suggestion === undefined || draft.slice(finding.start, finding.end) !== finding.text) return null;
  return { text: draft.slice(0, finding.start) + finding.suggestion + draft.slice(finding.end), caret: finding.start + finding.suggestion.length };
}
