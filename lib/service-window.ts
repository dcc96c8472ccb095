import { localParts } from './local-time';
import { inWindow, type MetricProfile } from './metric-profiles';
import { windowText } from './report/format';

/**
 * Whether the platform counts replies right now: its rates take only buyer messages inside the service
 * window (DOMAIN.md). Outside it, an empty table of rates and a green "0 unanswered" would read as "all is
 * well" while buyers wait; the popup says instead that these waits do not count toward the rates.
 */
export interface ServiceWindowNow {
  inside: boolean;
  /** The window as the agent reads it: "08:00-23:00". */
  label: string;
}

export function serviceWindowAt(window: MetricProfile['window'], at: number, timeZone: string): ServiceWindowNow {
  return { inside: inWindow(window, localParts(at, timeZone).minuteOfDay), label: windowText(window) };
}
