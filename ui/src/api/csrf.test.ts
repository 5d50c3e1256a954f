import { afterEach, describe, expect, it, vi } from 'vitest';
import { csrfToken, withCsrf } from './csrf';
import { ScopeClient } from './client';

const location = { protocol: 'https:', host: 'scope.example.com', pathname: '/api/app/autumn-waterfall-99/' };

describe('csrfToken', () => {
  it('finds the scope_csrf cookie among others', () => {
    expect(csrfToken('a=1; scope_csrf=abc%3D; scope_session_x=2')).toBe('abc=');
    expect(csrfToken('scope_csrf=t')).toBe('t');
  });

  it('is null without the cookie or with an empty one', () => {
    expect(csrfToken('')).toBeNull();
    expect(csrfToken('my_scope_csrf=x; other=1')).toBeNull();
    expect(csrfToken('scope_csrf=')).toBeNull();
  });

  it('adds the header only when there is a token', () => {
    expect(withCsrf({ A: 'b' }, 'scope_csrf=t')).toEqual({ A: 'b', 'X-CSRF-Token': 't' });
    expect(withCsrf({ A: 'b' }, '')).toEqual({ A: 'b' });
  });
});

describe('ScopeClient state-changing requests', () => {
  afterEach(() => vi.unstubAllGlobals());

  function recordFetches() {
    const calls: { url: string; init: RequestInit }[] = [];
    vi.stubGlobal('fetch', vi.fn(async (url: string, init: RequestInit) => {
      calls.push({ url, init });
      return new Response('{}', { status: 200 });
    }));
    return calls;
  }

  it('sends X-CSRF-Token with controls and pipe deletes, below the organisation prefix', async () => {
    const calls = recordFetches();
    const client = new ScopeClient(location, null, () => 'scope_session=s; scope_csrf=tok');
    await client.control('probe', 'node;<host>', 'host_exec');
    await client.atTime('2026-11-23T10:00:00Z').deletePipe('p1');
    expect(calls[0].url).toBe('/api/app/autumn-waterfall-99/api/control/probe/node%3B%3Chost%3E/host_exec');
    expect((calls[0].init.headers as Record<string, string>)['X-CSRF-Token']).toBe('tok');
    expect(calls[1].init.method).toBe('DELETE');
    expect((calls[1].init.headers as Record<string, string>)['X-CSRF-Token']).toBe('tok');
  });

  it('sends no header without the cookie (the standalone app)', async () => {
    const calls = recordFetches();
    await new ScopeClient({ ...location, pathname: '/' }, null, () => '').control('p', 'n', 'c');
    expect((calls[0].init.headers as Record<string, string>)['X-CSRF-Token']).toBeUndefined();
  });
});
