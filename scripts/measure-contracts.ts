// Issue 19, items 4 and 1: what agreements as contracts and Kim's reading of US resolve change.
// Per shipped scenario, each with its own China and Kim, the columns' US against the appeaser:
//   - deals (freezes and the track's deals) signed and collapsed a game, and settlements;
//   - conclusion A ("don't concede": the columns' US payoff minus the appeaser's), with the
//     credibility weight as shipped and at 0, and the share of the gap the credibility term
//     carries; with the belief mechanisms (dynamics.demandFollowsBelief, dynamics.kimReadsResolve)
//     on and off.
// Neither US strategy reads payoffs.us.credibility, so the gap at weight 0 is the same games
// scored without that term (exact, not a replay).
//   npx tsx scripts/measure-contracts.ts [games per cell, default 2000]
import type { GameContext } from '../src/model/context.js';
import type { Params } from '../src/model/params.js';
import { CompiledPlayer } from '../src/engine/batch/compiled-game.js';
import { PAYOFF_TERMS } from '../src/model/outcomes.js';
import { resolveScenario } from '../src/scenario/catalog.js';
import { defaultStrategyId, getStrategy } from '../src/strategies/registry.js';

const games = Number(process.argv.find((a) => /^\d+$/.test(a)) ?? 2000);
const CRED = PAYOFF_TERMS.findIndex((t) => t.id === 'credibility');

const CONTRACTS_OFF = { dealInstalment: 0, dealProbation: 0, dealVerification: 0, dealFragility: 0, kimReadsResolve: 0 };
const BELIEFS_OFF = { demandFollowsBelief: 0, kimReadsResolve: 0 };
const variant = (p: Params, over: Partial<Params['dynamics']>): Params => {
  const q = structuredClone(p);
  Object.assign(q.dynamics, over);
  return q;
};

interface Cell {
  payoff: number;
  credibility: number;
  deals: number;
  collapses: number;
  settled: number;
}

function play(params: Params, scenario: string, us: string, china: string, kim: string): Cell {
  const player = new CompiledPlayer({ us: getStrategy('us', us), china: getStrategy('china', china), kim: getStrategy('kim', kim) });
  const c: Cell = { payoff: 0, credibility: 0, deals: 0, collapses: 0, settled: 0 };
  for (let i = 0; i < games; i++) {
    const s = player.play(params, scenario, 'measure-contracts', i);
    const ctx = player.lastContext as GameContext;
    c.payoff += s.payoffUs;
    c.credibility += s.payoffParts[CRED] ?? 0;
    c.deals += ctx.freezesReached;
    c.collapses += ctx.freezesCollapsed;
    if (s.outcome === 'settlement') c.settled += 1;
  }
  for (const k of Object.keys(c) as (keyof Cell)[]) c[k] /= games;
  return c;
}

const f = (x: number) => x.toFixed(2);
console.log(`${games} games a cell; gap = columns' US payoff - the appeaser's (conclusion A holds when > 0)`);
console.log(['scenario', 'model', 'beliefs', 'cols deals', 'cols collapses', 'cols settled', 'app deals', 'app collapses', 'app settled', 'gap (w shipped)', 'gap (w 0)', 'credibility part'].join('\t'));
for (const name of ['2020', '2022', '2023', 'baseline']) {
  const sc = resolveScenario(name);
  const china = defaultStrategyId('china', sc.strategies);
  const kim = defaultStrategyId('kim', sc.strategies);
  for (const [model, base] of [['before', variant(sc.params, CONTRACTS_OFF)], ['after', sc.params]] as const) {
    for (const [beliefs, params] of [['on', base], ['off', variant(base, BELIEFS_OFF)]] as const) {
      const cols = play(params, name, 'columns', china, kim);
      const app = play(params, name, 'appeaser', china, kim);
      const gap = cols.payoff - app.payoff;
      const credGap = cols.credibility - app.credibility;
      console.log([name, model, beliefs, f(cols.deals), f(cols.collapses), `${(100 * cols.settled).toFixed(1)}%`, f(app.deals), f(app.collapses), `${(100 * app.settled).toFixed(1)}%`, f(gap), f(gap - credGap), f(credGap)].join('\t'));
    }
  }
}
