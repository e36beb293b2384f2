// What the network may cost the host: every bound in one place, so a test can tighten them.

export interface Limits {
  maxConnections: number;
  /** Connections from one address that have not yet said hello: one machine cannot fill the table. */
  pendingPerAddress: number;
  /** Messages a connection may send per second, and in one burst. */
  ratePerSecond: number;
  burst: number;
  /** A connection over its rate this many times is closed. */
  floodClose: number;
  /** A connection that has not said hello with a valid code by then is closed. */
  helloMs: number;
  /** A client that lets this much of our output pile up unread is dropped (it cannot stall anyone). */
  maxBufferedBytes: number;
  /** How often the host pings; a connection that has not answered the last ping is dropped (it can rejoin). */
  heartbeatMs: number;
}

export const DEFAULT_LIMITS: Limits = {
  maxConnections: 32,
  pendingPerAddress: 8,
  ratePerSecond: 20,
  burst: 40,
  floodClose: 200,
  helloMs: 10_000,
  maxBufferedBytes: 1 << 20,
  heartbeatMs: 15_000,
};
