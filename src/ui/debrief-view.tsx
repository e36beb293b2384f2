import { useState } from 'react';
import { Box, Text, useInput, useStdin } from 'ink';
import type { Actor } from '../model/context.js';
import type { Debrief, Standing } from '../analysis/debrief.js';
import type { PayoffComponent } from '../model/outcomes.js';
import { debriefLines, payoffBreakdownLines } from './debrief-lines.js';
import { fit } from './components.js';

// The end screen's two additions: your payoff part by part, and the debrief (a key away),
// which scrolls when the game is longer than the terminal.

/** Your side's payoff as the sum of its named parts. */
export function PayoffParts({ parts, human, width }: { parts: PayoffComponent[]; human: Actor; width: number }) {
  const lines = payoffBreakdownLines({ us: [], china: [], kim: [], [human]: parts }, width - 2, [human], true);
  return (
    <Box flexDirection="column">
      {lines.map((l, i) => (
        <Text key={i} dimColor>
          {fit(`  ${l}`, width).trimEnd()}
        </Text>
      ))}
    </Box>
  );
}

export const STANDING_TEXT: Record<Standing, string> = { better: 'better than you', worse: 'worse than you', withinNoise: 'within noise' };
export const STANDING_COLOR: Record<Standing, string> = { better: 'yellow', worse: 'green', withinNoise: 'gray' };

/** The whole game with every hidden move revealed; arrows and PgUp/PgDn scroll, d goes back. */
export function DebriefView({ debrief, cols, rows }: { debrief: Debrief; cols: number; rows: number }) {
  const { isRawModeSupported } = useStdin();
  const lines = debriefLines(debrief, cols - 1);
  const height = Math.max(4, rows - 2);
  const maxTop = Math.max(0, lines.length - height);
  // Open at the top: the title, then the game in order (the verdict is a PgDn or two below).
  const [top, setTop] = useState(0);
  useInput(
    (_input, key) => {
      if (key.upArrow) setTop((t) => Math.max(0, t - 1));
      if (key.downArrow) setTop((t) => Math.min(maxTop, t + 1));
      if (key.pageUp) setTop((t) => Math.max(0, t - height));
      if (key.pageDown) setTop((t) => Math.min(maxTop, t + height));
    },
    { isActive: isRawModeSupported },
  );
  const shown = lines.slice(top, top + height);
  return (
    <Box flexDirection="column">
      {shown.map((l, i) => (
        <Text key={top + i} bold={i + top === 0 || /^(Round \d+|Why it ended|What drove)/.test(l)}>
          {fit(l, cols).trimEnd() || ' '}
        </Text>
      ))}
      <Text dimColor>{fit(`lines ${top + 1}-${top + shown.length} of ${lines.length} · up/down PgUp/PgDn scroll · d back to the results · q quit`, cols).trimEnd()}</Text>
    </Box>
  );
}
