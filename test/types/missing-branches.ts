// Checked by `npm run typecheck` (tsconfig includes test/): each per-actor table is typed
// exhaustively, so leaving a side out is a compile error. Each `@ts-expect-error` below
// fails the type-check if the line it marks ever compiles. (test/types/new-actor.test.ts
// adds a fourth actor to a copy of the sources and checks the same from the other side.)
import type { Actor } from '../../src/model/context.js';
import type { ActorDecl } from '../../src/model/game-table.js';
import type { Deciders } from '../../src/engine/game-loop.js';
import { ACTOR_TABLE } from '../../src/model/game-table.js';
import { chinaView, usView, VIEW_OF } from '../../src/model/views.js';

// @ts-expect-error a view table without Kim's view
export const views: typeof VIEW_OF = { us: usView, china: chinaView };

// @ts-expect-error an actor table (phase, after-move rules, narration) without Kim's entry
export const actors = { china: ACTOR_TABLE.china, us: ACTOR_TABLE.us } satisfies Record<Actor, ActorDecl>;

// @ts-expect-error deciders for the game loop without one for the US (a person's side is null, not absent)
export const deciders: Deciders = { china: null, kim: null };

// A view of the wrong side is not a view of this side.
// @ts-expect-error China's view where Washington's is wanted
export const wrongView: ReturnType<typeof VIEW_OF.us> = chinaView({} as never);
