// 대항력 and 우선변제 times (주택임대차보호법 §3①, §3의2②). 대항력 starts at 00:00 of the day
// after moving in with 전입신고; 우선변제 needs 대항력 and the 확정일자, so it starts at the later.
import { z } from 'zod';
import { addDays } from '../common/seoul-time.js';
import { isoDate } from './schema.js';

export const opposingPowerInput = z.object({
  moveInDate: isoDate,
  fixedDate: isoDate.nullable().optional(),
});
export type OpposingPowerInput = z.input<typeof opposingPowerInput>;

export interface OpposingPowerResult {
  /** 00:00 (Seoul) of the day after the move-in and 전입신고. */
  opposingPowerFrom: string;
  /** When both 대항력 and 확정일자 exist; null without a 확정일자. */
  priorityFrom: string | null;
  /**
   * True when priority starts on the 확정일자's own day (it came after moving in): a right
   * registered on that same day then ranks equally (동순위) rather than behind.
   */
  sameDayTie: boolean;
}

const midnight = (date: string) => `${date}T00:00:00+09:00`;

export function computeOpposingPower(input: z.output<typeof opposingPowerInput>): OpposingPowerResult {
  const from = addDays(input.moveInDate, 1);
  const fixed = input.fixedDate ?? null;
  if (fixed === null) return { opposingPowerFrom: midnight(from), priorityFrom: null, sameDayTie: false };
  // A 확정일자 given on or before the next day counts from that day's 00:00, with 대항력; one
  // given later counts from its own day, when it was given during office hours.
  if (fixed < from) return { opposingPowerFrom: midnight(from), priorityFrom: midnight(from), sameDayTie: false };
  return { opposingPowerFrom: midnight(from), priorityFrom: midnight(fixed), sameDayTie: true };
}
