// What the network may cost the host: every bound in one place, so a test can tighten them.

export interface Limits {
  /** All connections at once. Of these, room for one connection per seat (4) is kept for people with codes: connections that have not yet said hello get the rest. */
  maxConnections: number;
  /** Connections from one address that have not yet said hello: a few machines cannot fill the table. */
  pendingPerAddress: number;
  /** Messages a connection may send per second, and in one burst. */
  ratePerSecond: number;
  burst: number;
  /** A connection over its rate this many times is closed. */
  floodClose: number;
  /** A connection that has not said hello with a valid code by then is closed (the join client says it at once). */
  helloMs: number;
  /** Wrong join codes one address may try in `badCodeWindowMs`; past that its hellos are refused unread until the window ends. */
  badCodesPerAddress: number;
  badCodeWindowMs: number;
  /** Wrong codes are told to the host's terminal as one summary line at most this often, not a line each. */
  refusalSummaryMs: number;
  /** A client that lets this much of our output pile up unread is dropped (it cannot stall anyone). */
  maxBufferedBytes: number;
  /** How often the host pings; a connection that has not answered the last ping is dropped (it can rejoin). */
  heartbeatMs: number;
}

export const DEFAULT_LIMITS: Limits = {
  maxConnections: 32,
  pendingPerAddress: 4,
  ratePerSecond: 20,
  burst: 40,
  floodClose: 200,
  helloMs: 3_000,
  // ~40 bits of code: 5 guesses a minute from an address is no search at all.
  badCodesPerAddress: 5,
  badCodeWindowMs: 60_000,
  refusalSummaryMs: 10_000,
  maxBufferedBytes: 1 << 20,
  heartbeatMs: 15_000,
};
