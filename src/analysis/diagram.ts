import type { AnyStateMachine } from 'xstate';

// The state machine as a diagram, read from the machine's own definition (states, events,
// guard names, actions), so the picture cannot drift from the code.

export interface Edge {
  from: string;
  to: string;
  event: string | null;
  guard: string | null;
  actions: string[];
}

export interface MachineGraph {
  initial: string;
  states: { name: string; final: boolean }[];
  edges: Edge[];
}

type Ref = string | { type: string; params?: unknown };
const name = (r: Ref) => (typeof r === 'string' ? r : r.params ? `${r.type}(${Object.values(r.params as object).join(',')})` : r.type);
const list = <T>(x: T | T[] | undefined): T[] => (x === undefined ? [] : Array.isArray(x) ? x : [x]);

export function machineGraph(machine: AnyStateMachine): MachineGraph {
  const config = machine.config as {
    initial: string;
    states: Record<string, { type?: string; on?: Record<string, unknown>; always?: unknown }>;
  };
  const states = Object.entries(config.states).map(([n, s]) => ({ name: n, final: s.type === 'final' }));
  const edges: Edge[] = [];
  const add = (from: string, event: string | null, raw: unknown) => {
    for (const t of list(raw as { target?: string; guard?: Ref; actions?: Ref | Ref[] } | undefined)) {
      edges.push({
        from,
        to: String(list(t.target)[0] ?? from),
        event,
        guard: t.guard ? name(t.guard) : null,
        actions: list(t.actions).map(name),
      });
    }
  };
  for (const [from, s] of Object.entries(config.states)) {
    for (const [event, raw] of Object.entries(s.on ?? {})) add(from, event, raw);
    add(from, null, s.always);
  }
  return { initial: config.initial, states, edges };
}

export function toMermaid(g: MachineGraph): string {
  const lines = ['stateDiagram-v2', `  [*] --> ${g.initial}`];
  for (const e of g.edges) {
    const label = [e.event ?? 'always', e.guard ? `[${e.guard}]` : ''].filter(Boolean).join(' ');
    lines.push(`  ${e.from} --> ${e.to} : ${label}`);
  }
  for (const s of g.states) if (s.final) lines.push(`  ${s.name} --> [*]`);
  return lines.join('\n') + '\n';
}

const q = (s: string) => `"${s.replace(/"/g, '\\"')}"`;

export function toDot(g: MachineGraph): string {
  const lines = ['digraph leverage {', '  rankdir=LR;', '  node [shape=box, style=rounded];', '  start [shape=point];', `  start -> ${q(g.initial)};`];
  for (const s of g.states) if (s.final) lines.push(`  ${q(s.name)} [shape=doublecircle];`);
  for (const e of g.edges) {
    const label = [e.event ?? 'always', e.guard ? `[${e.guard}]` : ''].filter(Boolean).join('\\n');
    lines.push(`  ${q(e.from)} -> ${q(e.to)} [label=${q(label)}];`);
  }
  lines.push('}');
  return lines.join('\n') + '\n';
}
