import type { ClaimId } from '../model/claims.js';
import type { Params } from '../model/params.js';
import type { BatchScenario, Cell, ProfileIds, RunOptions } from '../engine/batch.js';
import type { CellSummary } from './summary.js';
import type { RobustnessReport } from './robustness.js';
import { CLAIMS } from '../model/claims.js';
import { runBatch } from '../engine/batch.js';
import { DEFAULT_STRATEGY } from '../strategies/registry.js';
import { summarizeAcc } from './summary.js';
import { contrast, robustness, variants } from './robustness.js';

// The guided walk-through behind `leverage explain`: one lesson per step of the argument,
// from a single round, to the repeated game, to hidden information, to where it breaks.
// Each lesson states its claims in our words, names the rules that encode them, asks the
// person to predict, and answers with a small seeded batch.

export interface LessonScenario {
  name: string;
  source: string;
  sha256: string;
  params: Params;
}

export interface LessonContext {
  scenario: LessonScenario;
  seed: string;
  runs: number;
  run: Pick<RunOptions, 'workers' | 'signal'>;
}

export interface Table {
  head: string[];
  rows: string[][];
}

export interface LessonResult {
  table: Table;
  /** The option key the runs support. */
  answer: string;
  /** One or two sentences on what the numbers show. */
  finding: string;
  /** The raw numbers behind the table, for checks. */
  numbers: Record<string, number>;
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

/** Run profiles under parameter variants (same seeds in each) and summarise every cell. */
async function measure(ctx: LessonContext, settings: { label: string; params: Params }[], profiles: Partial<ProfileIds>[]): Promise<CellSummary[][]> {
  const full = profiles.map((p) => ({ ...DEFAULT_STRATEGY, ...p }) as ProfileIds);
  const scenarios: BatchScenario[] = settings.map((s) => ({ name: ctx.scenario.name, source: `${ctx.scenario.source}#${s.label}`, sha256: ctx.scenario.sha256, params: s.params }));
  const cells = await runBatch({ command: 'explain', seed: ctx.seed, runs: ctx.runs, scenarios, profiles: full }, ctx.run);
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
    question: {
      prompt: 'Against a Washington that asks Beijing for help, does Beijing do better by stoking and selling restraint, or by simply keeping Kim quiet?',
      options: [
        { key: 's', label: 'stoking and selling pays better' },
        { key: 'r', label: 'keeping Kim quiet pays better' },
        { key: 'e', label: 'about the same' },
      ],
    },
    async experiment(ctx) {
      const [[sell, quiet]] = (await measure(ctx, [{ label: 'as-is', params: ctx.scenario.params }], [
        { us: 'asksBeijing', china: 'opportunist' },
        { us: 'asksBeijing', china: 'restrained' },
      ])) as [[CellSummary, CellSummary]];
      const gain = contrast([stat(sell, 'payoffChina')], [stat(quiet, 'payoffChina')]);
      const answer = gain.low > 0 ? 's' : gain.high < 0 ? 'r' : 'e';
      return {
        table: {
          head: ['China plays', 'China payoff', 'concessions paid', 'peak tension'],
          rows: [
            ['opportunist (stoke and sell)', ci(sell.metrics.payoffChina), f2(sell.metrics.concessions.mean), f2(sell.metrics.peakTension.mean)],
            ['restrained (keep Kim quiet)', ci(quiet.metrics.payoffChina), f2(quiet.metrics.concessions.mean), f2(quiet.metrics.peakTension.mean)],
          ],
        },
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
    question: {
      prompt: 'Played once, is paying for restraint clearly worse for the US than refusing?',
      options: [
        { key: 'w', label: 'clearly worse' },
        { key: 'n', label: 'not clearly worse' },
      ],
    },
    async experiment(ctx) {
      const once = { ...structuredClone(ctx.scenario.params), rounds: 1 };
      const [[pay, refuse]] = (await measure(ctx, [{ label: 'one-round', params: once }], [{ us: 'appeaser' }, { us: 'sanctioner' }])) as [[CellSummary, CellSummary]];
      const d = contrast([stat(refuse, 'payoffUs')], [stat(pay, 'payoffUs')]);
      return {
        table: {
          head: ['US plays (one round)', 'US payoff', 'concessions paid', 'peak tension'],
          rows: [
            ['appeaser (pays)', ci(pay.metrics.payoffUs), f2(pay.metrics.concessions.mean), f2(pay.metrics.peakTension.mean)],
            ['sanctioner (refuses)', ci(refuse.metrics.payoffUs), f2(refuse.metrics.concessions.mean), f2(refuse.metrics.peakTension.mean)],
          ],
        },
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
      'Now play twelve rounds. Beijing keeps count of how often Washington pays, and offers restraint for sale about as often as it expects to be paid; ' +
      'every concession also costs credibility with allies and other adversaries. Nothing in the rules punishes paying directly: whatever happens comes from what Beijing learns.',
    rules: 'chinaLearnsWhetherUsPays (beliefs as counts), the opportunist sells with probability equal to its belief, concede (credibility).',
    question: {
      prompt: 'Over twelve rounds, will a Washington that pays face more or less pressure from Beijing than one that refuses?',
      options: [
        { key: 'm', label: 'more pressure' },
        { key: 'l', label: 'less pressure' },
        { key: 's', label: 'about the same' },
      ],
    },
    async experiment(ctx) {
      const noLearning = variants(ctx.scenario.params, ['C8'])[1] as { params: Params };
      const [[pay, refuse], [payOff, refuseOff]] = (await measure(ctx, [
        { label: 'as-is', params: ctx.scenario.params },
        { label: 'C8-off', params: noLearning.params },
      ], [{ us: 'appeaser' }, { us: 'sanctioner' }])) as [[CellSummary, CellSummary], [CellSummary, CellSummary]];
      const perRound = (s: CellSummary) => s.metrics.chinaPressure.mean / Math.max(1, s.metrics.rounds.mean);
      const more = contrast([stat(pay, 'chinaPressure')], [stat(refuse, 'chinaPressure')]);
      const d = contrast([stat(refuse, 'payoffUs')], [stat(pay, 'payoffUs')]);
      const dOff = contrast([stat(refuseOff, 'payoffUs')], [stat(payOff, 'payoffUs')]);
      return {
        table: {
          head: ['US plays (12 rounds)', "China's pressure moves", 'per round', 'US payoff', 'US payoff, C8 off'],
          rows: [
            ['appeaser (pays)', ci(pay.metrics.chinaPressure), f2(perRound(pay)), ci(pay.metrics.payoffUs), ci(payOff.metrics.payoffUs)],
            ['sanctioner (refuses)', ci(refuse.metrics.chinaPressure), f2(perRound(refuse)), ci(refuse.metrics.payoffUs), ci(refuseOff.metrics.payoffUs)],
          ],
        },
        answer: more.low > 0 ? 'm' : more.high < 0 ? 'l' : 's',
        finding:
          `A paying Washington meets ${f2(Math.abs(more.diff))} ${more.diff >= 0 ? 'more' : 'fewer'} pressure moves a game than a refusing one${more.diff < 0 ? ' (restraint it bought keeps tension below what Beijing can sell)' : ''}, and ends ${f2(d.diff)} [${f2(d.low)}, ${f2(d.high)}] worse off. ` +
          `With learning and credibility switched off (C8 off) that gap is ${f2(dOff.diff)} [${f2(dOff.low)}, ${f2(dOff.high)}]` +
          (d.diff > 0 ? `: about ${Math.round(Math.max(0, Math.min(1, 1 - dOff.diff / d.diff)) * 100)}% of the cost of paying comes from what repetition teaches.` : '.'),
        numbers: { pressurePay: pay.metrics.chinaPressure.mean, pressureRefuse: refuse.metrics.chinaPressure.mean, gap: d.diff, gapWithoutC8: dOff.diff },
      };
    },
  },
  {
    id: 'asking-for-help',
    stage: 'The repeated game',
    title: 'Asking Beijing for help',
    claims: ['C9'],
    teach:
      'Asking Beijing to rein Kim in looks cheap: it helps a little, at once. But Beijing reads the request as a buyer coming to the table (C9), ' +
      'so it offers restraint for sale more often afterwards, and a Washington that asks tends to pay the bill.',
    rules: 'askBeijingForHelp, chinaLearnsWhetherUsPays (an ask counts as part of a payment).',
    question: {
      prompt: 'Will a Washington that asks Beijing for help end up paying more or less in concessions than one that never asks?',
      options: [
        { key: 'm', label: 'more' },
        { key: 'l', label: 'less' },
      ],
    },
    async experiment(ctx) {
      const [[ask, refuse]] = (await measure(ctx, [{ label: 'as-is', params: ctx.scenario.params }], [{ us: 'asksBeijing' }, { us: 'sanctioner' }])) as [[CellSummary, CellSummary]];
      const paid = contrast([stat(ask, 'concessions')], [stat(refuse, 'concessions')]);
      const d = contrast([stat(refuse, 'payoffUs')], [stat(ask, 'payoffUs')]);
      return {
        table: {
          head: ['US plays', 'concessions paid', "China's pressure moves", 'US payoff', 'China payoff'],
          rows: [
            ['asks Beijing', ci(ask.metrics.concessions), ci(ask.metrics.chinaPressure), ci(ask.metrics.payoffUs), ci(ask.metrics.payoffChina)],
            ['sanctioner (never asks)', ci(refuse.metrics.concessions), ci(refuse.metrics.chinaPressure), ci(refuse.metrics.payoffUs), ci(refuse.metrics.payoffChina)],
          ],
        },
        answer: paid.diff > 0 ? 'm' : 'l',
        finding:
          `Asking leads to ${f2(paid.diff)} more concessions a game. The US payoff of never asking minus asking is ${f2(d.diff)} [${f2(d.low)}, ${f2(d.high)}]: ` +
          (d.low > 0 ? 'the bill outweighs the help.' : d.high < 0 ? 'here the help outweighs the bill.' : 'here the help and the bill roughly cancel.'),
        numbers: { paidAsking: ask.metrics.concessions.mean, paidRefusing: refuse.metrics.concessions.mean, usGap: d.diff },
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
    question: {
      prompt: "When North Korea's economy depends more on China's trade, does Kim obey Xi's requests more or less often?",
      options: [
        { key: 'm', label: 'more often' },
        { key: 'l', label: 'less often' },
        { key: 's', label: 'no difference' },
      ],
    },
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
        table: {
          head: ['lifeline dependence', 'times obeyed', 'times defied', 'share obeyed', 'Kim payoff'],
          rows: [
            ['low (0.2)', f2(low.metrics.kimObeyed.mean), f2(low.metrics.kimDefied.mean), pct(a), ci(low.metrics.payoffKim)],
            ['high (0.9)', f2(high.metrics.kimObeyed.mean), f2(high.metrics.kimDefied.mean), pct(b), ci(high.metrics.payoffKim)],
          ],
        },
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
    question: {
      prompt: "Do couriers keep Beijing's hand hidden: are fewer of its requests caught than if it asked openly?",
      options: [
        { key: 'y', label: 'yes, fewer are caught' },
        { key: 'n', label: 'no real difference' },
      ],
    },
    async experiment(ctx) {
      const open = withParams(ctx.scenario.params, (p) => (p.covert.detectCovert = p.covert.detectOvert));
      const [[courier], [asOpen]] = (await measure(ctx, [
        { label: 'couriers', params: ctx.scenario.params },
        { label: 'couriers-as-open', params: open },
      ], [{ china: 'covertFirst' }])) as [[CellSummary], [CellSummary]];
      const rate = (s: CellSummary) => s.metrics.requestsDetected.mean / Math.max(1e-9, s.metrics.requestsMade.mean);
      const [a, b] = [rate(courier), rate(asOpen)];
      return {
        table: {
          head: ['channel', 'requests a game', 'caught', 'share caught', "China's exposure at the end"],
          rows: [
            ['couriers (C4 as written)', f2(courier.metrics.requestsMade.mean), f2(courier.metrics.requestsDetected.mean), pct(a), f2(courier.metrics.exposure.mean)],
            ['as exposed as an open request (C4 off)', f2(asOpen.metrics.requestsMade.mean), f2(asOpen.metrics.requestsDetected.mean), pct(b), f2(asOpen.metrics.exposure.mean)],
          ],
        },
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
    question: {
      prompt: 'Does exposing Beijing add anything for the US beyond keeping pressure on Kim?',
      options: [
        { key: 'y', label: 'yes, it adds' },
        { key: 'n', label: 'no, pressure alone does as well' },
      ],
    },
    async experiment(ctx) {
      const noExposure = variants(ctx.scenario.params, ['C10'])[1] as { params: Params };
      const [[cols, sanc, app], [colsOff, sancOff]] = (await measure(ctx, [
        { label: 'as-is', params: ctx.scenario.params },
        { label: 'C10-off', params: noExposure.params },
      ], [{ us: 'columns' }, { us: 'sanctioner' }, { us: 'appeaser' }])) as [[CellSummary, CellSummary, CellSummary], [CellSummary, CellSummary, CellSummary]];
      const adds = contrast([stat(cols, 'payoffUs')], [stat(sanc, 'payoffUs')]);
      const addsOff = contrast([stat(colsOff, 'payoffUs')], [stat(sancOff, 'payoffUs')]);
      return {
        table: {
          head: ['US plays', 'US payoff', 'China payoff', "Europe's alignment", 'leverage exposed'],
          rows: [
            ["the columns' advice (expose + pressure)", ci(cols.metrics.payoffUs), ci(cols.metrics.payoffChina), f2(cols.metrics.europeAlignment.mean), pct(cols.outcomes.leverageExposed.p)],
            ['sanctioner (pressure only)', ci(sanc.metrics.payoffUs), ci(sanc.metrics.payoffChina), f2(sanc.metrics.europeAlignment.mean), pct(sanc.outcomes.leverageExposed.p)],
            ['appeaser (pays)', ci(app.metrics.payoffUs), ci(app.metrics.payoffChina), f2(app.metrics.europeAlignment.mean), pct(app.outcomes.leverageExposed.p)],
          ],
        },
        answer: adds.low > 0 ? 'y' : 'n',
        finding:
          `Exposure adds ${f2(adds.diff)} [${f2(adds.low)}, ${f2(adds.high)}] to the US payoff on top of pressure. ` +
          `If exposure moved no one (C10 off) it would add ${f2(addsOff.diff)} [${f2(addsOff.low)}, ${f2(addsOff.high)}].`,
        numbers: { usColumns: cols.metrics.payoffUs.mean, usSanctioner: sanc.metrics.payoffUs.mean, usAppeaser: app.metrics.payoffUs.mean, adds: adds.diff, addsWithoutC10: addsOff.diff },
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
      'if China has little real influence (C1 off), if nothing is learned from paying (C8 off), if exposure moves no one (C10 off), or if the game is played only once.',
    rules: 'the same games under each assumption switched off (leverage robustness runs every claim).',
    question: {
      prompt: "If the game is played only once, does 'don't concede' still clearly hold?",
      options: [
        { key: 'y', label: 'yes' },
        { key: 'n', label: 'no' },
      ],
    },
    async experiment(ctx) {
      const report: RobustnessReport = await robustness({ ...ctx.scenario, strategies: {} }, ctx.seed, ctx.runs, ctx.run, ['C1', 'C8', 'C10']);
      const head = ['assumption', ...report.conclusions.map((c) => c.label)];
      const rows = report.rows.map((r) => [
        r.variant,
        ...r.results.map((x) => `${x.verdict} ${x.effects.map((e) => `${e.diff >= 0 ? '+' : ''}${f2(e.diff)}`).join(' / ')}`),
      ]);
      const oneShot = report.rows.find((r) => r.variant === 'one-shot')?.results[0];
      return {
        table: { head, rows },
        answer: oneShot?.verdict === 'holds' ? 'y' : 'n',
        finding: "Each cell is the conclusion's effect (positive: the direction the columns argue) and its verdict: holds (95% interval above zero), breaks (below), or unclear.",
        numbers: Object.fromEntries(report.rows.flatMap((r) => r.results.map((x) => [`${r.variant}:${x.conclusion}`, x.effects[0]?.diff ?? 0]))),
      };
    },
  },
];

/** The claims of a lesson, in our words, with where the columns make them. */
export function claimLines(l: Lesson): string[] {
  return l.claims.map((c) => `${c} (${CLAIMS[c].where}): ${CLAIMS[c].summary}`);
}
