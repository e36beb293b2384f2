import type { AnalystReport } from '../analysis/analyst.js';
import type { BatchReport, CompareReport, TournamentReport } from '../analysis/reports.js';
import type { SweepReport } from '../analysis/sweep.js';
import type { RobustnessReport } from '../analysis/robustness.js';
import type { ForkReport } from '../analysis/fork.js';
import type { Step } from '../engine/reference/session.js';
import type { Page, PageBlock } from './page.js';
import { OUTCOMES } from '../model/outcomes.js';
import { knows } from '../model/observe.js';
import { batchFigures, BEST_REPLY_MARK, compareFigure, equilibriaTable, forkFigures, gameFigure, moveLabel, robustnessFigure, sweepFigures, tournamentFigures, tournamentTable } from './figures.js';
import { buildPage } from './page.js';
import { whereItHoldsBlocks } from './gsa-pages.js';

// One page per command. Each takes the report object the command computes (the one
// `--format json` prints) and the command line that reproduces it.

const fig = (figure: ReturnType<typeof compareFigure>): PageBlock => ({ kind: 'figure', figure });
const reproduce = (command: string) => `Reproduce: ${command}`;

export function batchPage(r: BatchReport, command: string): Promise<string> {
  const page: Page = {
    title: `leverage batch: ${r.scenarios.map((s) => s.name).join(', ')}`,
    lead: [`${r.runs} seeded games per scenario and strategy profile, seed ${r.seed}. Intervals are 95%.`, reproduce(command)],
    sections: [{ heading: 'Outcomes and payoffs', blocks: batchFigures(r).map(fig) }],
    data: r,
  };
  return buildPage(page);
}

export function comparePage(r: CompareReport, command: string): Promise<string> {
  const page: Page = {
    title: `leverage compare: ${r.metricLabel} across ${r.columns.join(', ')}`,
    lead: [`${r.runs} seeded games per strategy and scenario, seed ${r.seed}. Intervals are 95%.`, reproduce(command)],
    sections: [
      { heading: 'Strategies side by side', blocks: [fig(compareFigure(r))] },
      { heading: 'Outcomes behind the comparison', blocks: batchFigures(r.batch).slice(0, 1).map(fig) },
    ],
    data: r,
  };
  return buildPage(page);
}

/** The answer first (equilibria, best replies), then every profile in one table whose column names stay in view. */
export function tournamentPage(r: TournamentReport, command: string): Promise<string> {
  const n = r.equilibria.length;
  const answer: PageBlock[] = [
    {
      kind: 'text',
      paragraphs: [
        n === 0
          ? 'No pure equilibrium: in every profile some side gains by switching strategy alone.'
          : `${n === 1 ? 'One profile is a pure equilibrium' : `${n} profiles are pure equilibria`}: no side gains by switching strategy alone (on the mean payoffs of these runs).`,
      ],
    },
    ...(n ? [{ kind: 'table', caption: 'Pure equilibria: mean payoff [95% interval], model points', table: equilibriaTable(r) } as PageBlock] : []),
    ...tournamentFigures(r).map(fig),
  ];
  const page: Page = {
    title: `leverage tournament: ${r.scenario}`,
    lead: [`Every US × China × Kim profile, ${r.runs} seeded games each, seed ${r.seed}.`, reproduce(command)],
    sections: [
      { heading: 'The answer: equilibria and best replies', blocks: answer },
      {
        heading: 'Every profile',
        blocks: [
          {
            kind: 'table',
            long: true,
            caption: `Mean payoff [95% interval] of each side, in model points. ${BEST_REPLY_MARK} marks a side whose strategy is its best reply to the other two; a profile with all three marked is an equilibrium.`,
            table: tournamentTable(r),
          },
        ],
      },
    ],
    // The tournament's own numbers; the per-profile batch detail (every measure, every
    // histogram) would make the page several megabytes: --format json writes it.
    data: { ...r, batch: undefined },
  };
  return buildPage(page);
}

export function sweepPage(r: SweepReport, command: string): Promise<string> {
  const page: Page = {
    title: `leverage sweep: ${r.scenario}`,
    lead: [`Sensitivity of one measure to the scenario's parameters; ${r.runs} games per setting, seed ${r.seed}.`, reproduce(command)],
    sections: [{ heading: 'Sensitivity', blocks: sweepFigures(r).map(fig) }],
    data: r,
  };
  return buildPage(page);
}

export function robustnessPage(r: RobustnessReport, command: string): Promise<string> {
  const page: Page = {
    title: `leverage robustness: ${r.scenario}`,
    lead: [`Each assumption switched off in turn; every conclusion rerun on the same seeds (${r.runs} games per profile, seed ${r.seed}).`, reproduce(command)],
    sections: [
      {
        heading: 'Conclusions × assumptions',
        blocks: [
          fig(robustnessFigure(r)),
          {
            kind: 'table',
            caption: 'The conclusions',
            table: { head: ['conclusion', 'claims', 'measured as'], rows: r.conclusions.map((c) => [c.label, c.claims.join(' '), c.reads.join('; and ')]) },
          },
          { kind: 'table', caption: 'The assumptions', table: { head: ['switched off', 'what changes'], rows: r.rows.map((x) => [x.variant, x.label]) } },
        ],
      },
    ],
    data: r,
  };
  return buildPage(page);
}

export function forkPage(r: ForkReport, source: string, command: string): Promise<string> {
  const page: Page = {
    title: `leverage fork: ${source} at round ${r.round}`,
    lead: [`${r.asPlayed.label} against ${r.forked.label}; ${r.runs} continuations each way, paired on the same seeds.`, reproduce(command)],
    sections: [{ heading: 'Two futures from one position', blocks: forkFigures(r, source).map(fig) }],
    data: r,
  };
  return buildPage(page);
}

export interface GameForPage {
  scenario: string;
  seed: string;
  index: number;
  sides: Record<string, string>;
  steps: Step[];
  outcome?: { outcome: keyof typeof OUTCOMES; rounds: number; payoffs: Record<string, number> } | undefined;
  /** The game's log lines, as `run --json` prints them. */
  log: unknown[];
}

const SIDE_NAME = { us: 'US', china: 'China', kim: 'Kim' } as const;

/** One game: the timeline chart and every move with its claims (what only Beijing and Kim knew is marked). */
export function gamePage(g: GameForPage, command: string): Promise<string> {
  const caption = `Scenario ${g.scenario}; seed ${g.seed}, game ${g.index}; US ${g.sides.us}, China ${g.sides.china}, Kim ${g.sides.kim}. One game, not an average.`;
  const rows = g.steps.map((s) => {
    const who = s.type === 'move' ? SIDE_NAME[s.actor] : 'chance';
    const notes = s.notes.filter((n) => s.type !== 'move' || n.claims.length > 0);
    const claims = [...new Set(notes.flatMap((n) => n.claims))].join(' ');
    const text = notes.map((n) => `${n.text}${knows(n.seenBy, 'us') ? '' : ` (known only to ${(n.seenBy ?? []).map((a) => SIDE_NAME[a]).join(' and ')})`}`).join(' · ');
    return [s.round, who, moveLabel(s), claims, text];
  });
  const end: PageBlock = g.outcome
    ? {
        kind: 'text',
        paragraphs: [
          `Outcome: ${OUTCOMES[g.outcome.outcome]} after ${g.outcome.rounds} round${g.outcome.rounds === 1 ? '' : 's'}. Payoffs: US ${g.outcome.payoffs.us?.toFixed(2)}, China ${g.outcome.payoffs.china?.toFixed(2)}, Kim ${g.outcome.payoffs.kim?.toFixed(2)}.`,
        ],
      }
    : { kind: 'text', paragraphs: ['The game was saved before it ended.'] };
  const page: Page = {
    title: `leverage: one game of ${g.scenario}`,
    lead: [caption, reproduce(command)],
    sections: [
      { heading: 'The game at a glance', blocks: [end, fig(gameFigure(g.steps, caption))] },
      { heading: 'Every move, with the claims it rests on', blocks: [{ kind: 'table', table: { head: ['round', 'side', 'move', 'claims', 'what happened'], rows } }] },
    ],
    data: g.log,
  };
  return buildPage(page);
}
export { explainPage } from './explain-page.js';

const show = (v: unknown): string => (Array.isArray(v) ? v.join(', ') : String(v));

/** `leverage report`: differences from baseline, the US strategies compared, robustness and the three most sensitive parameters. */
export function analystPage(r: AnalystReport, command: string): Promise<string> {
  const names = r.scenarios.map((s) => s.scenario);
  const sections: Page['sections'] = [
    {
      heading: 'Every US strategy, scenario by scenario',
      blocks: [
        { kind: 'text', paragraphs: [`Each US strategy played ${r.runs.compare} times in each scenario against the first scenario's China and Kim; the best per scenario is marked.`] },
        fig(compareFigure(r.compare, 'report-compare')),
      ],
    },
  ];
  for (const s of r.scenarios) {
    const diffs: PageBlock = s.differences.length
      ? { kind: 'table', caption: `Parameters of ${s.scenario} that differ from the baseline`, table: { head: ['parameter', 'baseline', s.scenario], rows: s.differences.map((d) => [d.path, show(d.baseline), show(d.value)]) } }
      : { kind: 'text', paragraphs: [`${s.scenario} has the baseline's parameters.`] };
    const screened: PageBlock = {
      kind: 'table',
      caption: `Screen: US payoff at each end of a parameter's range (${r.runs.screening} games each; payoff weights aside); the ten that move it most`,
      table: { head: ['parameter', 'range', 'US payoff at min', 'at max', 'spread'], rows: s.screening.slice(0, 10).map((p) => [p.path, `${p.min} to ${p.max}`, p.atMin.toFixed(2), p.atMax.toFixed(2), p.spread.toFixed(2)]) },
    };
    sections.push({
      kicker: s.title,
      heading: `Scenario ${s.scenario}`,
      blocks: [diffs, fig(robustnessFigure(s.robustness, `report-robustness-${s.scenario}`)), screened, ...sweepFigures(s.sweep, `report-sweep-${s.scenario}`).map(fig)],
    });
    if (s.where) sections.push({ kicker: s.title, heading: `Where the columns' conclusion holds in ${s.scenario}`, blocks: whereItHoldsBlocks(s.where, s.scenario) });
  }
  return buildPage({
    title: `leverage report: ${names.join(', ')}`,
    lead: [`Seed ${r.seed}. Intervals are 95%; payoffs are in model points.`, reproduce(command)],
    sections,
    data: r,
  });
}
