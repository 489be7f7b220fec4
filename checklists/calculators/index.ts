// The calculators by their command-line names: each a zod input schema and a pure function.
// The renderer's calculators screen and `ansim calc NAME` both go through `runCalculator`.
import type { z } from 'zod';
import { brokerageInput, computeBrokerage } from './brokerage.js';
import { computeConversion, conversionInput } from './conversion.js';
import { computeHug, hugInput } from './hug.js';
import { computeLtv, ltvInput } from './ltv.js';
import { computeOpposingPower, opposingPowerInput } from './opposing-power.js';
import { computePriorityRepayment, priorityRepaymentInput } from './priority-repayment.js';
import { computeRenewalCap, computeRenewalCheck, renewalCapInput, renewalCheckInput } from './renewal.js';
import { parseInput } from './schema.js';

interface Calculator<S extends z.ZodType, R> {
  summary: { ko: string; en: string };
  schema: S;
  run: (input: z.output<S>) => R;
}

function calc<S extends z.ZodType, R>(c: Calculator<S, R>): Calculator<S, R> {
  return c;
}

export const calculators = {
  brokerage: calc({ summary: { ko: '중개보수 상한', en: 'brokerage fee cap' }, schema: brokerageInput, run: computeBrokerage }),
  conversion: calc({ summary: { ko: '월차임 전환 상한', en: 'deposit-to-rent conversion cap' }, schema: conversionInput, run: (i) => computeConversion(i) }),
  'renewal-cap': calc({ summary: { ko: '증액 상한 (5%)', en: 'renewal increase cap (5 %)' }, schema: renewalCapInput, run: computeRenewalCap }),
  'renewal-check': calc({ summary: { ko: '증액 5% 이내인지', en: 'is an increase within 5 %' }, schema: renewalCheckInput, run: computeRenewalCheck }),
  'priority-repayment': calc({ summary: { ko: '최우선변제', en: 'small-tenant priority repayment' }, schema: priorityRepaymentInput, run: computePriorityRepayment }),
  hug: calc({ summary: { ko: 'HUG 전세보증금반환보증', en: 'HUG deposit guarantee' }, schema: hugInput, run: computeHug }),
  ltv: calc({ summary: { ko: '부채비율·전세가율', en: 'debt ratio and jeonse ratio' }, schema: ltvInput, run: (i) => computeLtv(i) }),
  'opposing-power': calc({ summary: { ko: '대항력·우선변제 발생 시점', en: 'when opposing power and priority start' }, schema: opposingPowerInput, run: computeOpposingPower }),
} as const;

export type CalculatorName = keyof typeof calculators;
export const calculatorNames = Object.keys(calculators) as CalculatorName[];

export function isCalculatorName(name: string): name is CalculatorName {
  return Object.prototype.hasOwnProperty.call(calculators, name);
}

/** Validates `input` (throws CalcInputError naming the field) and runs the calculator. */
export function runCalculator<N extends CalculatorName>(name: N, input: unknown): ReturnType<(typeof calculators)[N]['run']> {
  const c = calculators[name] as unknown as Calculator<z.ZodType, ReturnType<(typeof calculators)[N]['run']>>;
  return c.run(parseInput(c.schema, input));
}

export { CalcInputError } from './schema.js';
