import { describe, expect, it } from 'vitest';
import { newJoinCode, sameCode } from '../../src/net/codes.js';
import { parseClientMessage } from '../../src/net/protocol.js';

describe('join codes', () => {
  it('are 8 characters without look-alikes, random, and compared forgivingly of case and dashes', () => {
    const codes = Array.from({ length: 2000 }, newJoinCode);
    for (const c of codes) expect(c).toMatch(/^[A-HJKMNP-Z2-9]{4}-[A-HJKMNP-Z2-9]{4}$/);
    expect(new Set(codes).size).toBe(codes.length);
    const c = codes[0] as string;
    expect(sameCode(c.toLowerCase().replace('-', ''), c)).toBe(true);
    expect(sameCode(`${c}X`, c)).toBe(false);
    expect(sameCode('', c)).toBe(false);
  });
});

describe('messages from the network', () => {
  it('are refused with a reason unless they are exactly one of the protocol messages', () => {
    expect(parseClientMessage('{"type":"hello","version":1,"code":"ABCD-EFGH"}')).toEqual({ type: 'hello', version: 1, code: 'ABCD-EFGH' });
    expect(parseClientMessage('{"type":"move","id":"a1","seq":3,"move":"posture"}')).toEqual({ type: 'move', id: 'a1', seq: 3, move: 'posture' });
    expect(parseClientMessage('{"type":"teacher","id":"t","command":"pause"}')).toEqual({ type: 'teacher', id: 't', command: 'pause' });
    expect(parseClientMessage('{')).toBe('not a JSON message');
    expect(parseClientMessage('[1]')).toMatch(/JSON object with a "type"/);
    expect(parseClientMessage('{"type":"admin"}')).toBe('unknown message type');
    expect(parseClientMessage('{"type":"hello","version":2,"code":"x"}')).toMatch(/protocol version 1/);
    expect(parseClientMessage('{"type":"move","id":"a b","seq":1,"move":"posture"}')).toMatch(/needs an "id"/);
    expect(parseClientMessage('{"type":"move","id":"a","seq":1.5,"move":"posture"}')).toMatch(/needs "seq"/);
    expect(parseClientMessage('{"type":"teacher","id":"t","command":"shutdown"}')).toMatch(/one of start, pause/);
  });
});
