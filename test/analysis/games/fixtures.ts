// Known games with known equilibria, for the equilibrium tools.

/**
 * McKelvey and McLennan's 2x2x2 example, as distributed with Gambit (contrib/games/2x2x2.nfg):
 * 9 Nash equilibria, 2 of them totally mixed. The payoff numbers are the game's definition.
 */
export const MCKELVEY_2X2X2 = `NFG 1 R "2x2x2 Example from McKelvey-McLennan, with 9 Nash equilibria, 2 totally mixed" { "Player 1" "Player 2" "Player 3" }

{ { "1" "2" }
{ "1" "2" }
{ "1" "2" }
}
""

{
{ "" 9, 8, 12 }
{ "" 0, 0, 0 }
{ "" 0, 0, 0 }
{ "" 9, 8, 2 }
{ "" 0, 0, 0 }
{ "" 3, 4, 6 }
{ "" 3, 4, 6 }
{ "" 0, 0, 0 }
}
1 2 3 4 5 6 7 8
`;

/** Matching pennies in Gambit's payoff-list form: the unique equilibrium is both sides 50/50. */
export const MATCHING_PENNIES = `NFG 1 R "Matching pennies" { "Row" "Column" } { 2 2 }

1 -1 -1 1 -1 1 1 -1
`;
