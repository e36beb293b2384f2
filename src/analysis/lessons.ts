import type { ClaimId } from '../model/claims.js';
import type { Params } from '../model/params.js';
import type { Cell, ProfileIds } from '../engine/batch/batch.js';
import type { CellSummary } from './summary.js';
import type { RobustnessReport } from './robustness.js';
import type { AnalysisRun, AnalysisScenario } from './experiment.js';
import { CLAIMS } from '../model/claims.js';
import { pairedSettings, runOnce } from './experiment.js';
import { DEFAULT_STRATEGY } from '../strategies/registry.js';
import { summarizeAcc } from './summary.js';
import { PAYOFF_TERMS } from '../model/outcomes.js';
import { contrast, resultText, robustness, scaleWeight, VALUE_VARIANTS, variants } from './robustness.js';
import type { Factor } from './sensitivity.js';
import type { DiscoverReport } from './discover.js';
import { parseFactor } from './sensitivity.js';
import { discover } from './discover.js';

// The guided walk-through behind `leverage explain`: one lesson per step of the argument,
// from a single round, to the repeated game, to hidden information, to where it breaks.
// Each lesson states its claims in our words, names the rules that encode them, asks the
// person to predict, and answers with a small seeded batch.

export type LessonScenario = AnalysisScenario;

export interface LessonContext {
  scenario: LessonScenario;
  seed: string;
  runs: number;
  run: AnalysisRun;
}

/** The number a table cell shows, apart from the words it is written in: charts read this, never the text. */
export interface CellValue {
  mean: number;
  low: number;
  high: number;
  /** A share of games, 0 to 1. */
  percent: boolean;
  /** A conclusion's effect (a verdict cell), in model points. */
  effect: boolean;
}

export interface Table {
  head: string[];
  rows: string[][];
  /** Each cell's number, row by row (null: a cell of words, or of more than one number). */
  values?: (CellValue | null)[][];
}

/** A cell: its words and the number they show. */
interface TableCell {
  text: string;
  value: CellValue | null;
}

/** A lesson's question: its prompt and its options, key by key, in the order shown. */
const ask = (prompt: string, options: Record<string, string>): Lesson['question'] => ({
  prompt,
  options: Object.entries(options).map(([key, label]) => ({ key, label })),
});

const value = (mean: number, low = mean, high = mean, kind: 'plain' | 'percent' | 'effect' = 'plain'): CellValue => ({ mean, low, high, percent: kind === 'percent', effect: kind === 'effect' });

/** A table from cells of words (strings) and numbers (Cells), keeping each cell's number beside its text. */
export function table(head: string[], rows: (string | TableCell)[][]): Table {
  return {
    head,
    rows: rows.map((r) => r.map((c) => (typeof c === 'string' ? c : c.text))),
    values: rows.map((r) => r.map((c) => (typeof c === 'string' ? null : c.value))),
  };
}

export interface LessonResult {
  table: Table;
  /** Further tables, each under its own title (a sweep beside a breakdown, say). */
  more?: { title: string; table: Table }[];
  /** The option key the runs support. */
  answer: string;
  /** One or two sentences on what the numbers show. */
  finding: string;
  /** The raw numbers behind the table, for checks. */
  numbers: Record<string, number>;
  /** What was run, when it is not `runs` games a row (the region step samples settings). */
  runsNote?: string;
}

export interface Lesson {
  id: string;
  stage: string;
  title: string;
  claims: ClaimId[];
  teach: string;
  rules: string;
  question: { prompt: string; options: { key: string; label: string }[] };
  experiment(ctx: LessonContext): Promise<LessonResult>;
}

const f2 = (x: number) => (Object.is(x, -0) ? 0 : x).toFixed(2);
const ci = (m: { mean: number; low: number; high: number }) => `${f2(m.mean)} [${f2(m.low)}, ${f2(m.high)}]`;
const pct = (x: number) => `${(x * 100).toFixed(1)}%`;
/** War risk, shown next to every payoff: the share of games that ended in war. */
const war = (s: CellSummary) => pct(s.outcomes.war.p);
const signed = (x: number) => `${x >= 0 ? '+' : '-'}${f2(Math.abs(x))}`;
const ciOf = (e: { diff: number; low: number; high: number }) => `${f2(e.diff)} [${f2(e.low)}, ${f2(e.high)}]`;

// The same, as cells that keep their number.
const ciCell = (m: { mean: number; low: number; high: number }): TableCell => ({ text: ci(m), value: value(m.mean, m.low, m.high) });
const numCell = (x: number): TableCell => ({ text: f2(x), value: value(x) });
const pctCell = (x: number): TableCell => ({ text: pct(x), value: value(x, x, x, 'percent') });
/** The share of wars with its interval: a chart can then tell a real difference from noise. */
const warCell = (s: CellSummary): TableCell => ({ text: pct(s.outcomes.war.p), value: value(s.outcomes.war.p, s.outcomes.war.low, s.outcomes.war.high, 'percent') });
const signedCell = (x: number): TableCell => ({ text: signed(x), value: value(x) });
const ciOfCell = (e: { diff: number; low: number; high: number }): TableCell => ({ text: ciOf(e), value: value(e.diff, e.low, e.high) });

/** Run profiles under parameter variants (same seeds in each) and summarise every cell. */
async function measure(ctx: LessonContext, settings: { label: string; params: Params }[], profiles: Partial<ProfileIds>[]): Promise<CellSummary[][]> {
  const full = profiles.map((p) => ({ ...DEFAULT_STRATEGY, ...p }) as ProfileIds);
  const scenarios = pairedSettings(ctx.scenario, settings.map((s) => ({ id: s.label, params: s.params })));
  const cells = await runOnce({ command: 'explain', seed: ctx.seed, runs: ctx.runs, scenarios, profiles: full }, ctx.run);
  return settings.map((_, i) => full.map((__, j) => summarizeAcc((cells[i * full.length + j] as Cell).acc)));
}

const stat = (s: CellSummary, key: keyof CellSummary['metrics']) => ({ ...s.metrics[key], n: s.n });

function withParams(base: Params, edit: (p: Params) => void): Params {
  const p = structuredClone(base);
  edit(p);
  return p;
}

export const LESSONS: Lesson[] = [
  {
    id: 'pressure-for-sale',
    stage: 'The setup',
    title: 'Pressure as something to sell',
    claims: ['C1', 'C2', 'C3'],
    teach:
      'Beijing can turn North Korean pressure up (asking Kim to escalate) or down (restraining him), and it has more sway than it admits. ' +
      'That makes pressure a product: once tension is high, Beijing can offer to rein Kim in, and name a price paid elsewhere, on Taiwan or on chip export controls.',
    rules: 'restrainKim, askKimToEscalate, offerRestraint (guard thereIsPressureToSell), concede; China learns how often Washington pays.',
    question: ask(
      'Against a Washington that asks Beijing for help, does Beijing do better by stoking and selling restraint, or by simply keeping Kim quiet?',
      { s: 'stoking and selling pays better', r: 'keeping Kim quiet pays better', e: 'about the same' },
    ),
    async experiment(ctx) {
      const [[sell, quiet]] = (await measure(ctx, [{ label: 'as-is', params: ctx.scenario.params }], [
        { us: 'asksBeijing', china: 'opportunist' },
        { us: 'asksBeijing', china: 'restrained' },
      ])) as [[CellSummary, CellSummary]];
      const gain = contrast([stat(sell, 'payoffChina')], [stat(quiet, 'payoffChina')]);
      const answer = gain.low > 0 ? 's' : gain.high < 0 ? 'r' : 'e';
      return {
        table: table(
          ['China plays', 'China payoff', 'ends in war', 'concessions paid', 'peak tension'],
          [
            ['opportunist (stoke and sell)', ciCell(sell.metrics.payoffChina), warCell(sell), numCell(sell.metrics.concessions.mean), numCell(sell.metrics.peakTension.mean)],
            ['restrained (keep Kim quiet)', ciCell(quiet.metrics.payoffChina), warCell(quiet), numCell(quiet.metrics.concessions.mean), numCell(quiet.metrics.peakTension.mean)],
          ],
        ),
        answer,
        finding: `Selling pressure is worth ${f2(gain.diff)} [${f2(gain.low)}, ${f2(gain.high)}] to Beijing against this Washington: the concessions it collects outweigh the risks of a hotter crisis.`,
        numbers: { chinaSell: sell.metrics.payoffChina.mean, chinaQuiet: quiet.metrics.payoffChina.mean, gain: gain.diff },
      };
    },
  },
  {
    id: 'one-round',
    stage: 'A single round',
    title: 'Paying once',
    claims: ['C3'],
    teach:
      'Start with a game of one round. Beijing offers restraint for a price; Washington pays or refuses; the round ends and nothing is remembered. ' +
      'A concession costs what it costs (C3) and buys the calm Beijing can deliver.',
    rules: 'concede (China delivers restraint in proportion to its real influence), payoffs (price of each concession).',
    question: ask(
      'Played once, is paying for restraint clearly worse for the US than refusing?',
      { w: 'clearly worse', n: 'not clearly worse' },
    ),
    async experiment(ctx) {
      const once = { ...structuredClone(ctx.scenario.params), rounds: 1 };
      const [[pay, refuse]] = (await measure(ctx, [{ label: 'one-round', params: once }], [{ us: 'appeaser' }, { us: 'sanctioner' }])) as [[CellSummary, CellSummary]];
      const d = contrast([stat(refuse, 'payoffUs')], [stat(pay, 'payoffUs')]);
      return {
        table: table(
          ['US plays (one round)', 'US payoff', 'ends in war', 'concessions paid', 'peak tension'],
          [
            ['appeaser (pays)', ciCell(pay.metrics.payoffUs), warCell(pay), numCell(pay.metrics.concessions.mean), numCell(pay.metrics.peakTension.mean)],
            ['sanctioner (refuses)', ciCell(refuse.metrics.payoffUs), warCell(refuse), numCell(refuse.metrics.concessions.mean), numCell(refuse.metrics.peakTension.mean)],
          ],
        ),
        answer: d.low > 0 ? 'w' : 'n',
        finding:
          `In one round, the US payoff of refusing minus paying is ${f2(d.diff)} [${f2(d.low)}, ${f2(d.high)}]. ` +
          (d.low > 0
            ? 'Even once, the price of a concession outweighs the calm it buys here.'
            : 'A single concession roughly pays for itself in calm: the case against conceding is not about one round.'),
        numbers: { usPays: pay.metrics.payoffUs.mean, usRefuses: refuse.metrics.payoffUs.mean, diff: d.diff },
      };
    },
  },
  {
    id: 'again-and-again',
    stage: 'The repeated game',
    title: 'Paying again and again',
    claims: ['C8'],
    teach:
      'Now play twelve rounds. Beijing keeps count of how often Washington pays, and offers restraint for sale about as often as it expects to be paid. ' +
      'Paying costs the US in two ways, and the model keeps them apart. One is direct: every concession costs credibility with allies and other adversaries, a penalty written into the rules (C8). ' +
      'The other is learned: Beijing, having been paid, comes back with more pressure to sell. The runs below measure each part on the same games.',
    rules: 'chinaLearnsWhetherUsPays (beliefs as counts), the opportunist sells with probability equal to its belief, concede (credibility).',
    question: ask(
      'Over twelve rounds, will a Washington that pays face more or less pressure from Beijing than one that refuses?',
      { m: 'more pressure', l: 'less pressure', s: 'about the same' },
    ),
    async experiment(ctx) {
      const noLearning = variants(ctx.scenario.params, ['C8'])[1] as { params: Params };
      const settings = [
        { label: 'as-is', params: ctx.scenario.params },
        { label: 'no-credibility-cost', params: withParams(ctx.scenario.params, (p) => (p.us.credibilityLossPerConcession = 0)) },
        { label: 'no-learning', params: withParams(ctx.scenario.params, (p) => (p.repetition.learningRate = 0)) },
        { label: 'C8-off', params: noLearning.params },
      ];
      const cells = (await measure(ctx, settings, [{ us: 'appeaser' }, { us: 'sanctioner' }])) as [CellSummary, CellSummary][];
      const [pay, refuse] = cells[0] as [CellSummary, CellSummary];
      const perRound = (s: CellSummary) => s.metrics.chinaPressure.mean / Math.max(1, s.metrics.rounds.mean);
      const more = contrast([stat(pay, 'chinaPressure')], [stat(refuse, 'chinaPressure')]);
      const gaps = cells.map(([p, r]) => contrast([stat(r, 'payoffUs')], [stat(p, 'payoffUs')]));
      const [d, dNoCred, dNoLearn, dOff] = gaps as [ReturnType<typeof contrast>, ReturnType<typeof contrast>, ReturnType<typeof contrast>, ReturnType<typeof contrast>];
      const credibilityPart = d.diff - dNoCred.diff;
      const learningPart = d.diff - dNoLearn.diff;
      const names = ['as written', 'no credibility cost', 'no learning', 'neither (C8 off)'];
      return {
        table: table(
          ['setting', 'pressure: pays/refuses', 'US payoff: pays/refuses', 'war: pays/refuses', 'cost of paying'],
          cells.map(([p, r], i) => [
            names[i] as string,
            `${f2(p.metrics.chinaPressure.mean)}/${f2(r.metrics.chinaPressure.mean)}`,
            `${f2(p.metrics.payoffUs.mean)}/${f2(r.metrics.payoffUs.mean)}`,
            `${war(p)}/${war(r)}`,
            ciOfCell(gaps[i] as ReturnType<typeof contrast>),
          ]),
        ),
        answer: more.low > 0 ? 'm' : more.high < 0 ? 'l' : 's',
        finding:
          `A paying Washington meets ${f2(Math.abs(more.diff))} ${more.diff >= 0 ? 'more' : 'fewer'} pressure moves a game than a refusing one${more.diff < 0 ? ' (restraint it bought keeps tension below what Beijing can sell)' : ''} (${f2(perRound(pay))} against ${f2(perRound(refuse))} a round), and ends ${ciOf(d)} worse off ("cost of paying": the refuser's US payoff minus the payer's). ` +
          `Concessions cost credibility directly: without that penalty the cost of paying would be ${f2(dNoCred.diff)}, so the credibility cost alone carries ${f2(credibilityPart)} of it. ` +
          `Without learning it would be ${f2(dNoLearn.diff)}, so what Beijing learns carries ${f2(learningPart)}. With neither it is ${f2(dOff.diff)}; the two parts overlap a little, so they need not add up exactly.`,
        numbers: {
          pressurePay: pay.metrics.chinaPressure.mean,
          pressureRefuse: refuse.metrics.chinaPressure.mean,
          gap: d.diff,
          gapWithoutCredibility: dNoCred.diff,
          gapWithoutLearning: dNoLearn.diff,
          gapWithoutC8: dOff.diff,
          credibilityPart,
          learningPart,
        },
      };
    },
  },
  {
    id: 'asking-for-help',
    stage: 'The repeated game',
    title: 'Asking Beijing for help',
    claims: ['C9'],
    teach:
      'Asking Beijing to rein Kim in looks cheap: it helps a little, at once. But Beijing reads the request as a buyer coming to the table (C9): ' +
      'it offers restraint for sale more often afterwards, and asking costs some credibility. To tell the cost of asking from the cost of paying, compare three Washingtons: ' +
      'one that asks and pays the bill, one that asks the same way but never pays, and one that never asks.',
    rules: 'askBeijingForHelp, chinaLearnsWhetherUsPays (an ask counts as part of a payment); strategies asksBeijing, asksNeverPays, sanctioner.',
    question: ask(
      'A Washington asks Beijing for help but never pays the bill. Is it still worse off than one that never asks?',
      { w: 'yes, asking alone costs it', b: 'no, it does better', s: 'no clear difference' },
    ),
    async experiment(ctx) {
      const free = variants(ctx.scenario.params, ['C9'])[1] as { params: Params };
      const [[askPay, askOnly, never], [, askOnlyFree]] = (await measure(ctx, [
        { label: 'as-is', params: ctx.scenario.params },
        { label: 'C9-off', params: free.params },
      ], [{ us: 'asksBeijing' }, { us: 'asksNeverPays' }, { us: 'sanctioner' }])) as [[CellSummary, CellSummary, CellSummary], [CellSummary, CellSummary, CellSummary]];
      const asking = contrast([stat(never, 'payoffUs')], [stat(askOnly, 'payoffUs')]);
      const paying = contrast([stat(askOnly, 'payoffUs')], [stat(askPay, 'payoffUs')]);
      const c9 = contrast([stat(askOnlyFree, 'payoffUs')], [stat(askOnly, 'payoffUs')]);
      const row = (label: string, x: CellSummary) => [label, ciCell(x.metrics.payoffUs), warCell(x), numCell(x.metrics.concessions.mean), numCell(x.metrics.chinaPressure.mean), ciCell(x.metrics.payoffChina)];
      return {
        table: table(
          ['US plays', 'US payoff', 'ends in war', 'concessions', "China's pressure", 'China payoff'],
          [
            row('asks and pays', askPay),
            row('asks, never pays', askOnly),
            row('asks, never pays, C9 off', askOnlyFree),
            row('never asks (sanctioner)', never),
          ],
        ),
        answer: asking.low > 0 ? 'w' : asking.high < 0 ? 'b' : 's',
        finding:
          `Paying the bill costs the asker ${ciOf(paying)} (asks, never pays minus asks and pays). ` +
          `Asking without paying, against never asking: ${ciOf(asking)} in the US payoff, never asking minus asking` +
          (asking.low > 0 ? ': asking costs even when nothing is paid.' : asking.high < 0 ? ': here a request that is never paid for does better.' : ': no clear difference.') +
          ` Part of that is C9 itself: if Beijing did not read a request as a buyer at the table, the same asker would gain ${ciOf(c9)}. ` +
          'The two Washingtons differ in more than asking (the sanctioner also presses Kim), so read the last number as the cost of C9, the middle one as the cost of the whole habit.',
        numbers: { usAskPay: askPay.metrics.payoffUs.mean, usAskOnly: askOnly.metrics.payoffUs.mean, usNever: never.metrics.payoffUs.mean, usAskOnlyFree: askOnlyFree.metrics.payoffUs.mean, asking: asking.diff, paying: paying.diff, c9: c9.diff },
      };
    },
  },
  {
    id: 'kims-calculus',
    stage: 'The repeated game',
    title: "Kim's own interests",
    claims: ['C6', 'C7'],
    teach:
      "Kim is nobody's puppet. Asked by Xi to escalate, he weighs looking like Xi's tool at home (and US sanctions, and the end of detente) against losing China's trade lifeline, " +
      'on which his economy, and so his standing, depend (C7). He also sells pauses of his own (C6).',
    rules: 'kimMoveUtility (his choice), settleKimAccountWithXi (obey or defy), cutLifeline.',
    question: ask(
      "When North Korea's economy depends more on China's trade, does Kim obey Xi's requests more or less often?",
      { m: 'more often', l: 'less often', s: 'no difference' },
    ),
    async experiment(ctx) {
      // A Beijing that asks every round: the ratchet, with nothing on sale (offers impossible).
      const at = (dep: number) =>
        withParams(ctx.scenario.params, (p) => {
          p.kim.lifelineDependence = dep;
          p.pressure.offerMinTension = 2;
        });
      const [[low], [high]] = (await measure(ctx, [
        { label: 'low-dependence', params: at(0.2) },
        { label: 'high-dependence', params: at(0.9) },
      ], [{ china: 'ratchet' }])) as [[CellSummary], [CellSummary]];
      const share = (s: CellSummary) => s.metrics.kimObeyed.mean / Math.max(1e-9, s.metrics.kimObeyed.mean + s.metrics.kimDefied.mean);
      const [a, b] = [share(low), share(high)];
      return {
        table: table(
          ['lifeline dependence', 'times obeyed', 'times defied', 'share obeyed', 'Kim payoff', 'ends in war'],
          [
            ['low (0.2)', numCell(low.metrics.kimObeyed.mean), numCell(low.metrics.kimDefied.mean), pctCell(a), ciCell(low.metrics.payoffKim), warCell(low)],
            ['high (0.9)', numCell(high.metrics.kimObeyed.mean), numCell(high.metrics.kimDefied.mean), pctCell(b), ciCell(high.metrics.payoffKim), warCell(high)],
          ],
        ),
        answer: b > a + 0.02 ? 'm' : b < a - 0.02 ? 'l' : 's',
        finding: `Against a Beijing that asks every round, Kim obeys ${pct(a)} of the time when little rides on the lifeline and ${pct(b)} when much does: he weighs his own costs, not Beijing's wishes.`,
        numbers: { obeyLow: a, obeyHigh: b },
      };
    },
  },
  {
    id: 'hidden-hands',
    stage: 'Hidden information',
    title: 'Couriers and warm letters',
    claims: ['C4', 'C5', 'C13'],
    teach:
      "Washington never sees China's true influence, only its estimate, and sees Beijing's requests to Kim only when its intelligence catches them. " +
      'Human couriers make that much less likely (C4), while a warm public letter silent on Kim\'s tests gives away Beijing\'s comfort with them (C5). Requests grow likelier as US-China tension rises (C13).',
    rules: 'discoverChinasRequest, usView (hides chinaInfluence and undetected requests), sendWarmSignal, xiRequestLikelihood.',
    question: ask(
      "Do couriers keep Beijing's hand hidden: are fewer of its requests caught than if it asked openly?",
      { y: 'yes, fewer are caught', n: 'no real difference' },
    ),
    async experiment(ctx) {
      const open = withParams(ctx.scenario.params, (p) => (p.covert.detectCovert = p.covert.detectOvert));
      const [[courier], [asOpen]] = (await measure(ctx, [
        { label: 'couriers', params: ctx.scenario.params },
        { label: 'couriers-as-open', params: open },
      ], [{ china: 'covertFirst' }])) as [[CellSummary], [CellSummary]];
      const rate = (s: CellSummary) => s.metrics.requestsDetected.mean / Math.max(1e-9, s.metrics.requestsMade.mean);
      const [a, b] = [rate(courier), rate(asOpen)];
      return {
        table: table(
          ['channel', 'requests a game', 'caught', 'share caught', "China's exposure at the end"],
          [
            ['couriers (C4 as written)', numCell(courier.metrics.requestsMade.mean), numCell(courier.metrics.requestsDetected.mean), pctCell(a), numCell(courier.metrics.exposure.mean)],
            ['as exposed as an open request (C4 off)', numCell(asOpen.metrics.requestsMade.mean), numCell(asOpen.metrics.requestsDetected.mean), pctCell(b), numCell(asOpen.metrics.exposure.mean)],
          ],
        ),
        answer: a < b - 0.02 ? 'y' : 'n',
        finding: `With couriers ${pct(a)} of Beijing's requests are caught, against ${pct(b)} if they were as visible as open ones: hidden information is part of what makes the scheme work.`,
        numbers: { caughtCourier: a, caughtOpen: b },
      };
    },
  },
  {
    id: 'expose-and-pressure',
    stage: 'Hidden information',
    title: 'Expose, pressure, keep the door open',
    claims: ['C10', 'C11', 'C12'],
    teach:
      'The columns advise Washington to show the world, Europe above all, how Beijing sustains Kim (C10), to keep pressure on Kim while leaving the door open to a durable deal (C11), ' +
      'so that escalation costs Kim more than it brings and Xi shares the stigma (C12). Exposure works better with evidence, which couriers deny and warm letters supply.',
    rules: 'exposeBeijing (stronger with evidence), sanctionsReach (Europe), posture, openDiplomaticTrack, leverageExposed.',
    question: ask(
      'Does exposing Beijing add anything for the US beyond keeping pressure on Kim?',
      { y: 'yes, it adds', n: 'no, pressure alone does as well' },
    ),
    async experiment(ctx) {
      const noExposure = variants(ctx.scenario.params, ['C10'])[1] as { params: Params };
      const [[cols, sanc, app], [colsOff, sancOff]] = (await measure(ctx, [
        { label: 'as-is', params: ctx.scenario.params },
        { label: 'C10-off', params: noExposure.params },
      ], [{ us: 'columns' }, { us: 'sanctioner' }, { us: 'appeaser' }])) as [[CellSummary, CellSummary, CellSummary], [CellSummary, CellSummary, CellSummary]];
      const adds = contrast([stat(cols, 'payoffUs')], [stat(sanc, 'payoffUs')]);
      const addsOff = contrast([stat(colsOff, 'payoffUs')], [stat(sancOff, 'payoffUs')]);
      return {
        table: table(
          ['US plays', 'US payoff', 'ends in war', 'China payoff', "Europe's alignment", 'leverage exposed'],
          [
            ["the columns' advice (expose + pressure)", ciCell(cols.metrics.payoffUs), warCell(cols), ciCell(cols.metrics.payoffChina), numCell(cols.metrics.europeAlignment.mean), pctCell(cols.outcomes.leverageExposed.p)],
            ['sanctioner (pressure only)', ciCell(sanc.metrics.payoffUs), warCell(sanc), ciCell(sanc.metrics.payoffChina), numCell(sanc.metrics.europeAlignment.mean), pctCell(sanc.outcomes.leverageExposed.p)],
            ['appeaser (pays)', ciCell(app.metrics.payoffUs), warCell(app), ciCell(app.metrics.payoffChina), numCell(app.metrics.europeAlignment.mean), pctCell(app.outcomes.leverageExposed.p)],
          ],
        ),
        answer: adds.low > 0 ? 'y' : 'n',
        finding:
          `Exposure adds ${f2(adds.diff)} [${f2(adds.low)}, ${f2(adds.high)}] to the US payoff on top of pressure. ` +
          `If exposure moved no one (C10 off) it would add ${f2(addsOff.diff)} [${f2(addsOff.low)}, ${f2(addsOff.high)}].`,
        numbers: { usColumns: cols.metrics.payoffUs.mean, usSanctioner: sanc.metrics.payoffUs.mean, usAppeaser: app.metrics.payoffUs.mean, adds: adds.diff, addsWithoutC10: addsOff.diff },
      };
    },
  },
  {
    id: 'values',
    stage: 'Values and trade-offs',
    title: 'What a payoff is made of, and what war costs',
    claims: ['C8', 'C9', 'C12'],
    teach:
      "Every comparison so far used payoffs. A payoff is how one side scores the way a game went, by its own values: a sum of named parts, each with a weight the scenario sets. " +
      "For Washington: what it paid out, the credibility it kept, the tension it endured, Europe's alignment, and a large cost if the crisis ended in war (C12). " +
      "Two strategies can trade these off differently: the columns' advice refuses to pay and accepts a hotter crisis; asking Beijing pays for calm. " +
      'Which trade is better depends on how much war costs against what is paid. That is a judgement about values, which the columns make and the model only takes from the scenario.',
    rules: "the payoff's components (each a scenario weight), the share of games that end in war; the same games rescored with the weight on war changed.",
    question: ask(
      "Suppose war cost Washington four times what the scenario says. Would the columns' advice still beat asking Beijing for help?",
      { y: 'yes, still clearly better', n: 'no longer clearly better' },
    ),
    async experiment(ctx) {
      const base = ctx.scenario.params;
      const factors = [0, 0.5, 1, 2, 4];
      const settings = factors.map((k) => ({ label: `us-war-x${k}`, params: scaleWeight(base, 'payoffs.us.war', k) }));
      const cells = (await measure(ctx, settings, [{ us: 'columns' }, { us: 'asksBeijing' }])) as [CellSummary, CellSummary][];
      const [cols, ask] = cells[factors.indexOf(1)] as [CellSummary, CellSummary];
      const terms = PAYOFF_TERMS.filter((t) => t.actor === 'us');
      const parts = terms.map((t) => {
        const a = cols.payoffComponents.us[t.id] ?? 0;
        const b = ask.payoffComponents.us[t.id] ?? 0;
        return { t, a, b };
      });
      const breakdown: Table = table(
        ['part of the US payoff', "columns' advice", 'asks Beijing', 'difference'],
        [
          ...parts.map(({ t, a, b }) => [`${t.label} (${t.claims.length ? t.claims.join(' ') : 'our assumption'})`, signedCell(a), signedCell(b), signedCell(a - b)]),
          ['total (the US payoff)', signedCell(cols.metrics.payoffUs.mean), signedCell(ask.metrics.payoffUs.mean), signedCell(cols.metrics.payoffUs.mean - ask.metrics.payoffUs.mean)],
          ['games ending in war', warCell(cols), warCell(ask), ''],
        ],
      );
      const gaps = cells.map(([c, a]) => contrast([stat(c, 'payoffUs')], [stat(a, 'payoffUs')]));
      const weight = base.payoffs.us.war;
      const verdict = (g: ReturnType<typeof contrast>) => (g.low > 0 ? 'columns better' : g.high < 0 ? 'asking better' : 'unclear');
      const sweep: Table = table(
        ['cost of war', "columns' advice", 'asks Beijing', 'columns minus asking', 'verdict'],
        cells.map(([c, a], i) => [
          `${f2(weight * (factors[i] as number))} (x${factors[i]})`,
          `${f2(c.metrics.payoffUs.mean)} (war ${war(c)})`,
          `${f2(a.metrics.payoffUs.mean)} (war ${war(a)})`,
          ciOfCell(gaps[i] as ReturnType<typeof contrast>),
          verdict(gaps[i] as ReturnType<typeof contrast>),
        ]),
      );
      const at4 = gaps[factors.indexOf(4)] as ReturnType<typeof contrast>;
      // Where the lines cross, holding play fixed: the gap without the war part, over the
      // difference in the share of wars. A value, read off the same games.
      const warShareGap = cols.outcomes.war.p - ask.outcomes.war.p;
      const warPart = (cols.payoffComponents.us.war ?? 0) - (ask.payoffComponents.us.war ?? 0);
      const otherParts = cols.metrics.payoffUs.mean - ask.metrics.payoffUs.mean - warPart;
      const flip = warShareGap > 0 ? otherParts / warShareGap : Infinity;
      const flipText =
        Number.isFinite(flip) && flip > 0
          ? `Holding play fixed, the two would be level at a war cost of about ${f2(flip)} (${f2(flip / weight)} times the scenario's ${f2(weight)}): past it, asking Beijing, which ends in war less often, comes out ahead.`
          : 'Here the columns\' advice ends in war no more often than asking, so no cost of war would turn the comparison round.';
      const biggest = [...parts].sort((x, y) => Math.abs(y.a - y.b) - Math.abs(x.a - x.b))[0];
      return {
        table: breakdown,
        more: [{ title: 'The same comparison with war weighted differently: US payoff (share of games ending in war), the same seeded games each time', table: sweep }],
        answer: at4.low > 0 ? 'y' : 'n',
        finding:
          `At the scenario's weights the columns' advice beats asking Beijing by ${ciOf(gaps[factors.indexOf(1)] as ReturnType<typeof contrast>)}; the part that differs most is ${biggest?.t.label ?? 'none'}. ` +
          `It ends in war in ${war(cols)} of games against ${war(ask)}. ${flipText} With war four times as costly, the gap is ${ciOf(at4)}.`,
        numbers: {
          usColumns: cols.metrics.payoffUs.mean,
          usAsks: ask.metrics.payoffUs.mean,
          warColumns: cols.outcomes.war.p,
          warAsks: ask.outcomes.war.p,
          flipWarCost: flip,
          warWeight: weight,
          ...Object.fromEntries(factors.map((k, i) => [`gapAtWarX${k}`, (gaps[i] as ReturnType<typeof contrast>).diff])),
          ...Object.fromEntries(parts.map(({ t, a, b }) => [`part:${t.id}`, a - b])),
        },
      };
    },
  },
  {
    id: 'where-it-breaks',
    stage: 'Where it breaks',
    title: 'Where the conclusion holds, and where it breaks',
    claims: ['C1', 'C8', 'C10'],
    teach:
      "The columns conclude: don't concede, don't ask Beijing, expose and pressure. That conclusion rests on assumptions. Switch them off one at a time and see which conclusions survive: " +
      'if China has little real influence (C1 off), if nothing is learned from paying (C8 off), if exposure moves no one (C10 off), or if the game is played only once. ' +
      'Then change what Washington values instead of what is true: war far costlier or far cheaper, credibility worth less, tension costing nothing.',
    rules: 'the same games under each assumption switched off, and with single payoff weights scaled (leverage robustness runs every claim and these weights).',
    question: ask(
      "If the game is played only once, does 'don't concede' still clearly hold?",
      { y: 'yes', n: 'no' },
    ),
    async experiment(ctx) {
      const report: RobustnessReport = await robustness({ ...ctx.scenario, strategies: {} }, ctx.seed, ctx.runs, ctx.run, ['C1', 'C8', 'C10']);
      const head = ['assumption', ...report.conclusions.map((c) => c.label)];
      const short = (id: string) =>
        id === 'as-is' ? 'as written' : id === 'one-shot' ? 'played once' : id.endsWith('-off') ? id.replace('-off', ' off') : (VALUE_VARIANTS.find((v) => v.id === id)?.short ?? id);
      // A verdict cell with one effect charts that effect; one with several, or none, is words only.
      const verdictCell = (c: RobustnessReport['conclusions'][number], x: RobustnessReport['rows'][number]['results'][number]): TableCell => {
        const text = resultText(c, x, x.verdict);
        const only = x.effects.length === 1 && text !== c.noEffect ? x.effects[0] : undefined;
        return { text, value: only ? value(only.diff, only.low, only.high, 'effect') : null };
      };
      const rows = report.rows.map((r) => [short(r.variant), ...r.results.map((x, i) => verdictCell(report.conclusions[i] as RobustnessReport['conclusions'][number], x))]);
      const oneShot = report.rows.find((r) => r.variant === 'one-shot')?.results[0];
      return {
        table: table(head, rows),
        answer: oneShot?.verdict === 'holds' ? 'y' : 'n',
        finding:
          "Each cell is the conclusion's verdict and its effect, positive in the direction the columns argue: holds (95% interval above zero), breaks (below), or unclear. " +
          'Where a cell has two numbers, the first is what the leverage game pays China against a Washington that asks for help, the second how much less it pays when Washington also exposes Beijing. ' +
          'The last rows change a value, not a claim: a conclusion that breaks there rests on how much Washington cares about war, credibility or tension.',
        numbers: Object.fromEntries(report.rows.flatMap((r) => r.results.map((x) => [`${r.variant}:${x.conclusion}`, x.effects[0]?.diff ?? 0]))),
      };
    },
  },
  {
    id: 'the-region',
    stage: 'Where it breaks',
    title: "The region where the columns' advice wins, and its edge",
    claims: ['C1', 'C8', 'C10'],
    teach:
      'The last step moved one assumption at a time. Real doubts come together: Beijing may have less sway over Kim than the columns think (C1), Washington may care less about its credibility (C8), and exposing Beijing may move Europe or not (C10). ' +
      "Here all three vary at once: a hundred settings spread evenly over their ranges, and at each the columns' advice plays the appeaser on the same games. " +
      'A search (PRIM) then finds the simplest box of settings inside which the advice almost always wins, and the settings outside it show where it breaks.',
    rules: "leverage discover over payoffs.us.credibility and start.chinaInfluence (half to double the scenario's values) and C10 on or off: a Latin hypercube of 100 settings, columns against appeaser at each, PRIM's box at least 80% pure.",
    question: ask('Which of the three decides most where the columns\' advice beats the appeaser?', {
      c: "how much Washington values its credibility (C8)",
      i: "Beijing's sway over Kim (C1)",
      e: 'whether exposing Beijing moves Europe (C10)',
      x: 'none: it wins almost everywhere',
    }),
    async experiment(ctx) {
      const settings = REGION_SETTINGS(ctx.runs);
      const factors = REGION_FACTORS.map((f) => parseFactor(f.path, ctx.scenario.params));
      const plus = { ...DEFAULT_STRATEGY, us: 'columns' } as ProfileIds;
      const minus = { ...DEFAULT_STRATEGY, us: 'appeaser' } as ProfileIds;
      const d = await discover(ctx.scenario, factors, plus, minus, "columns' advice earns the US more than the appeaser", settings.points, ctx.seed, settings.runs, ctx.run);
      return regionResult(d);
    },
  },
];

/** The three assumptions the region step varies, each named as a student would say it. */
export const REGION_FACTORS = [
  { path: 'payoffs.us.credibility', words: 'the weight Washington puts on its credibility (C8)', key: 'c' },
  { path: 'start.chinaInfluence', words: "Beijing's sway over Kim at the start (C1)", key: 'i' },
  { path: 'C10', words: 'exposing Beijing moves Europe (C10)', key: 'e', off: 'exposing Beijing moves no one (C10 off)' },
] as const;

/** One limit of the region in a student's words: "Beijing's sway over Kim at the start (C1) is at least 0.61". */
function limitWords(f: Factor, limit: { low: number; high: number }, i: number): string {
  const named = REGION_FACTORS[i];
  if (f.kind === 'claim') return limit.low >= 1 ? (named?.words ?? `${f.claim} holds`) : ((named && 'off' in named ? named.off : undefined) ?? `${f.claim} is off`);
  const subject = named?.words ?? f.name;
  const [lo, hi] = f.kind === 'param' ? [f.low, f.high] : [0, 1];
  if (limit.low > lo && limit.high < hi) return `${subject} is between ${f2(limit.low)} and ${f2(limit.high)}`;
  return limit.low > lo ? `${subject} is at least ${f2(limit.low)}` : `${subject} is at most ${f2(limit.high)}`;
}

/** Settings sampled, and games per setting and strategy: a tenth of the walk's games a row, so the step costs about as much as the others. */
export const REGION_SETTINGS = (runs: number) => ({ points: 100, runs: Math.max(50, Math.round(runs / 10)) });

/** The region step's table, answer and sentences, all read off one discover run. */
export function regionResult(d: DiscoverReport): LessonResult {
  const c = d.prim.chosen;
  const n = d.points.length;
  const inside = (p: DiscoverReport['points'][number]) => p.values.every((v, i) => v >= (c.box[i] as { low: number }).low && v <= (c.box[i] as { high: number }).high);
  const groups = [
    { label: 'inside the region', pts: d.points.filter(inside) },
    { label: 'outside it', pts: d.points.filter((p) => !inside(p)) },
    { label: 'all settings', pts: d.points },
  ];
  const mean = (xs: number[]) => (xs.length ? xs.reduce((a, b) => a + b, 0) / xs.length : NaN);
  const share = (pts: typeof d.points) => (pts.length ? pts.filter((p) => p.holds).length / pts.length : NaN);
  const main = table(
    ['settings', 'how many', 'columns ahead (share of settings)', 'US payoff, columns minus appeaser (mean)'],
    groups.map((g) => [g.label, String(g.pts.length), pctCell(share(g.pts)), numCell(mean(g.pts.map((p) => p.diff)))]),
  );
  const held = d.points.filter((p) => p.holds);
  const broke = d.points.filter((p) => !p.holds);
  const show = (f: Factor, x: number) => (f.kind === 'claim' ? `on in ${pct(x)}` : f2(x));
  const byFactor = table(
    ['assumption', 'range tried', 'the region', 'where it holds (average)', 'where it breaks (average)'],
    d.factors.map((f, i) => {
      const words = REGION_FACTORS[i]?.words ?? f.name;
      const range = f.kind === 'param' ? `${f2(f.low)} to ${f2(f.high)}` : 'on or off';
      const limit = c.restricted.includes(i) ? limitWords(f, c.box[i] as { low: number; high: number }, i) : 'no limit';
      const avg = (pts: typeof d.points) => (pts.length ? show(f, mean(pts.map((p) => p.values[i] as number))) : 'none');
      return [words, range, limit, avg(held), avg(broke)];
    }),
  );
  // The answer: the limit PRIM leans on most (lowest quasi-p), unless the advice wins nearly everywhere or no box is purer than the whole.
  const nearlyEverywhere = d.holdsShare >= 0.95;
  const decisive = [...d.prim.quasiP].sort((a, b) => a.p - b.p)[0];
  const answer = nearlyEverywhere || !c.restricted.length || !decisive ? 'x' : (REGION_FACTORS[decisive.input]?.key ?? 'x');
  const limits = c.restricted.map((i) => limitWords(d.factors[i] as Factor, c.box[i] as { low: number; high: number }, i));
  const region = limits.length ? `It wins in ${pct(c.density)} of the settings where ${limits.join(' and ')}; that region holds ${pct(c.coverage)} of all the settings where it wins.` : 'No smaller region is clearly more reliable than the whole range.';
  const outside = groups[1]?.pts ?? [];
  const breaks = broke.length
    ? `Where it breaks: ${broke.length} of ${n} settings, ${broke.filter((p) => !inside(p)).length} of them outside the region, where it wins in only ${pct(share(outside))} of settings.`
    : 'It broke at none of the settings tried.';
  return {
    table: main,
    runsNote: `${n} settings, ${d.runs} games per setting and strategy.`,
    more: [{ title: 'Each assumption: its range, the limit the region puts on it, and its average where the advice wins and where it loses', table: byFactor }],
    answer,
    finding:
      `The columns' advice beats the appeaser at ${pct(d.holdsShare)} of ${n} settings (${d.runs} games each, seed ${d.seed}; at ${pct(d.undecidedShare)} the runs cannot tell). ${region} ${breaks}` +
      (limits.length ? ' So the conclusion is only as good as those limits: whoever doubts them should doubt it there, and only there.' : ''),
    numbers: {
      holdsShare: d.holdsShare,
      density: c.density,
      coverage: c.coverage,
      broken: broke.length,
      points: n,
      runs: d.runs,
      ...Object.fromEntries(c.restricted.map((i) => [`limit:${d.factors[i]?.name}`, 1])),
    },
  };
}

/** Questions for a class to argue over after each step, by lesson id: no single right answer. */
export const DISCUSSION: Record<string, string[]> = {
  'pressure-for-sale': ['Beijing never admits how much sway it has over Pyongyang. Why does the scheme need that modesty?'],
  'one-round': ['If one concession pays for itself, why would anyone argue against conceding? What does a one-round game leave out?'],
  'again-and-again': [
    'Part of the cost of paying is written into the rules (lost credibility) and part comes from what Beijing learns. Which part would you trust more, and why?',
  ],
  'asking-for-help': ['Is a request for help ever free between rivals? What would make Beijing not read it as a buyer at the table?'],
  'kims-calculus': ["What else, besides trade, could make Kim obey or defy Beijing? Which of those could Washington change?"],
  'hidden-hands': ['If couriers hide most requests, what evidence could Washington still gather? What does a warm letter give away?'],
  'expose-and-pressure': ["Why might Europe matter more than Washington's own sanctions? What would make exposure fail?"],
  values: [
    'How much worse than paying concessions is a war? Who should decide that number, and does the model decide it for you?',
    'The columns accept a hotter crisis to avoid paying. Under what values would you choose otherwise?',
  ],
  'where-it-breaks': ['Which assumption would you test first against the historical record, and how?'],
  'the-region': ['The region is a box drawn over settings nobody can measure exactly. Which side of its edge do you think 2022 was on, and what would tell you?'],
};

/** What a locator such as 2022¶4 points to, said where a reader first meets one. */
export const LOCATOR_NOTE = 'A locator such as 2022¶4 after a claim points to where the column makes it: the 2022 column, its fourth paragraph (counting non-empty lines).';

/** The claims of a lesson, in our words, with where the columns make them. */
export function claimLines(l: Lesson): string[] {
  return l.claims.map((c) => `${c} (${CLAIMS[c].where}): ${CLAIMS[c].summary}`);
}
