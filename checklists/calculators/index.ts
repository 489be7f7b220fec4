// The calculators by their command-line names: each a zod input schema and a pure function.
// The renderer's calculators screen and `ansim calc NAME` both go through `runCalculator`.
import type { z } from 'zod';
import { shippedTables, type ReferenceTables, type UserBaseRateRow } from '../../data/reference/index.js';
import { brokerageInput, computeBrokerage } from './brokerage.js';
import { computeConversion, conversionInput } from './conversion.js';
import { computeHug, hugInput } from './hug.js';
import { computeLtv, ltvInput } from './ltv.js';
import { computeOpposingPower, opposingPowerInput } from './opposing-power.js';
import { computePriorityRepayment, priorityRepaymentInput } from './priority-repayment.js';
import { computeRenewalCap, computeRenewalCheck, renewalCapInput, renewalCheckInput } from './renewal.js';
import { parseInput } from './schema.js';

/** What the app knows beyond the input: the base-rate decisions the user has added. */
export interface CalcContext {
  userBaseRates?: UserBaseRateRow[];
  /** The reference pack's tables (a loaded pack); the shipped ones when absent. */
  tables?: ReferenceTables;
}

/** The tables a calculator reads: the caller's pack, else the shipped one. */
const tablesOf = (ctx: CalcContext): ReferenceTables => ctx.tables ?? shippedTables;

interface Calculator<S extends z.ZodType, R> {
  summary: { ko: string; en: string };
  schema: S;
  run: (input: z.output<S>, ctx: CalcContext) => R;
}

function calc<S extends z.ZodType, R>(c: Calculator<S, R>): Calculator<S, R> {
  return c;
}

export const calculators = {
  brokerage: calc({ summary: { ko: '중개보수 상한', en: 'brokerage fee cap' }, schema: brokerageInput, run: (i, ctx) => computeBrokerage(i, tablesOf(ctx)) }),
  conversion: calc({ summary: { ko: '월차임 전환 상한', en: 'deposit-to-rent conversion cap' }, schema: conversionInput, run: (i, ctx) => computeConversion(i, ctx.userBaseRates ?? [], tablesOf(ctx)) }),
  'renewal-cap': calc({ summary: { ko: '증액 상한 (5%)', en: 'renewal increase cap (5 %)' }, schema: renewalCapInput, run: (i, ctx) => computeRenewalCap(i, tablesOf(ctx)) }),
  'renewal-check': calc({ summary: { ko: '증액 5% 이내인지', en: 'is an increase within 5 %' }, schema: renewalCheckInput, run: (i, ctx) => computeRenewalCheck(i, ctx.userBaseRates ?? [], tablesOf(ctx)) }),
  'priority-repayment': calc({ summary: { ko: '최우선변제', en: 'small-tenant priority repayment' }, schema: priorityRepaymentInput, run: (i, ctx) => computePriorityRepayment(i, tablesOf(ctx)) }),
  hug: calc({ summary: { ko: 'HUG 전세보증금반환보증', en: 'HUG deposit guarantee' }, schema: hugInput, run: (i, ctx) => computeHug(i, tablesOf(ctx)) }),
  ltv: calc({ summary: { ko: '부채비율·전세가율', en: 'debt ratio and jeonse ratio' }, schema: ltvInput, run: (i, ctx) => computeLtv(i, tablesOf(ctx)) }),
  'opposing-power': calc({ summary: { ko: '대항력·우선변제 발생 시점', en: 'when opposing power and priority start' }, schema: opposingPowerInput, run: (i) => computeOpposingPower(i) }),
} as const;

export type CalculatorName = keyof typeof calculators;
/** Each calculator's typed input (as written, before defaults) and result. */
export type CalculatorInputs = { [N in CalculatorName]: z.input<(typeof calculators)[N]['schema']> };
export type CalculatorResults = { [N in CalculatorName]: ReturnType<(typeof calculators)[N]['run']> };
/** A result with the name of the calculator that made it (a union discriminated by `name`). */
export type NamedCalculatorResult = { [N in CalculatorName]: { name: N; result: CalculatorResults[N] } }[CalculatorName];
export const calculatorNames = Object.keys(calculators) as CalculatorName[];

export function isCalculatorName(name: string): name is CalculatorName {
  return Object.prototype.hasOwnProperty.call(calculators, name);
}

/** Validates `input` (throws CalcInputError naming the field) and runs the calculator. */
export function runCalculator<N extends CalculatorName>(name: N, input: unknown, ctx: CalcContext = {}): ReturnType<(typeof calculators)[N]['run']> {
  const c = calculators[name] as unknown as Calculator<z.ZodType, ReturnType<(typeof calculators)[N]['run']>>;
  return c.run(parseInput(c.schema, input), ctx);
}

export { CalcInputError } from './schema.js';
