// Issue 19: the time-series moments the new dynamics are judged by, per shipped scenario,
// each with its own China and a regime-first Kim, under two US strategies. Small batches
// through the interpreting stepper (it sees the state after every event):
//   npx tsx scripts/measure-dynamics.ts [games per cell, default 2000] [--off] [--contracts-off]
// --off switches every issue-19 mechanism off (dynamics.* = 0): today's games.
import type { Params } from '../src/model/params.js';
import { leverageGame } from '../src/engine/reference/stepper.js';
import { gameStreams } from '../src/engine/streams.js';
import { runGame } from '../src/engine/game-loop.js';
import { resolveScenario } from '../src/scenario/catalog.js';
import { getStrategy } from '../src/strategies/registry.js';
import { rungOf, isMoveName } from '../src/model/moves.js';

const games = Number(process.argv.find((a) => /^\d+$/.test(a)) ?? 2000);
const off = process.argv.includes('--off');
// --contracts-off switches off only item 4 and item 1's second half (agreements as contracts, Kim reading US resolve).
const contractsOff = process.argv.includes('--contracts-off');
// --china ID plays that China in every scenario instead of the scenario's own.
const chinaAt = process.argv.indexOf('--china');
const chinaId = chinaAt > 0 ? process.argv[chinaAt + 1] : undefined;

function switchedOff(p: Params): Params {
  const q = structuredClone(p);
  const d = (q as unknown as { dynamics?: Record<string, number> }).dynamics;
  if (d) for (const k of Object.keys(d)) d[k] = 0;
  q.payoffs.china.usStrain = 0;
  q.payoffs.china.unwantedTests = 0;
  return q;
}

function withoutContracts(p: Params): Params {
  const q = structuredClone(p);
  Object.assign(q.dynamics, { dealInstalment: 0, dealProbation: 0, dealVerification: 0, dealFragility: 0, kimReadsResolve: 0 });
  return q;
}

const cols = ['buildUps', 'unaskedTests', 'icbmTests', 'backs', 'blocks', 'paidPauses', 'deals', 'collapses', 'war', 'settled', 'regimeCrisis', 'meanTension'];
console.log(['scenario', 'us', ...cols].join('\t'));
for (const name of ['baseline', '2020', '2022', '2023']) {
  const sc = resolveScenario(name);
  const params = off ? switchedOff(sc.params) : contractsOff ? withoutContracts(sc.params) : sc.params;
  for (const usId of ['columns', 'appeaser', 'asksBeijing', 'sanctioner']) {
    const profile = {
      us: getStrategy('us', usId),
      china: getStrategy('china', chinaId ?? sc.strategies.china ?? 'opportunist'),
      kim: getStrategy('kim', sc.strategies.kim ?? 'regimeFirst'),
    };
    const t: Record<string, number> = Object.fromEntries(cols.map((c) => [c, 0]));
    let rounds = 0;
    for (let i = 0; i < games; i++) {
      const state = leverageGame.initial(params);
      let prevTension = state.ctx.tension;
      let rising = 0;
      let asked = false;
      let roundsSeen = 0;
      runGame(leverageGame, state, gameStreams('measure-19', name, i), profile, {
        apply(e) {
          if (e.type !== 'chance') {
            const m = e.type;
            if (m === 'askEscalationOvertly' || m === 'askEscalationByCourier') asked = true;
            if (isMoveName(m) && rungOf(m) > 0 && !asked) t.unaskedTests! += 1;
            if (m === 'testIcbm') t.icbmTests! += 1;
            if (m === 'backSanctions') t.backs! += 1;
            if (m === 'blockSanctions') t.blocks! += 1;
            if (m === 'payKim' && state.ctx.kimOfferedPause) t.paidPauses! += 1;
          }
          leverageGame.apply(state, e);
          if (e.type === 'chance') {
            asked = false;
            const tension = state.ctx.tension;
            rising = tension > prevTension + 1e-9 ? rising + 1 : 0;
            if (rising === 2) t.buildUps! += 1; // a run of 2+ rising rounds, counted once
            prevTension = tension;
            t.meanTension! += tension;
            roundsSeen += 1;
          }
        },
      });
      rounds += roundsSeen;
      const out = leverageGame.outcome(state);
      if (out === 'war') t.war! += 1;
      if (out === 'settlement') t.settled! += 1;
      if (out === 'regimeCrisis') t.regimeCrisis! += 1;
      // Issue 19, item 4: freezes and deals signed and collapsed (model/deals.ts).
      t.deals! += state.ctx.freezesReached;
      t.collapses! += state.ctx.freezesCollapsed;
    }
    const row = cols.map((c) => (c === 'war' || c === 'settled' || c === 'regimeCrisis' ? `${((100 * t[c]!) / games).toFixed(1)}%` : (t[c]! / (c === 'meanTension' ? rounds : games)).toFixed(2)));
    console.log([name, usId, ...row].join('\t'));
  }
}
