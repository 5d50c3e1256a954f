import { describe, expect, it } from 'vitest';
import { apiPrefix, controlPath, httpUrl, nodeDetailsPath, topologyPath, wsUrl } from './paths';

describe('API paths', () => {
  it('uses the service-mode prefix when the page is below /api/app/<org>/', () => {
    expect(apiPrefix('/api/app/acme-42/')).toBe('/api/app/acme-42/');
    expect(apiPrefix('/api/app/acme-42')).toBe('/api/app/acme-42/');
    expect(apiPrefix('/api/app/acme-42/index.html')).toBe('/api/app/acme-42/');
    expect(apiPrefix('/')).toBe('/');
    expect(apiPrefix('/index.html')).toBe('/');
  });

  it('builds topology urls relative to the prefix', () => {
    expect(httpUrl('/api/app/o/', topologyPath('/api/topology/containers'), { system: 'all', empty: '' }))
      .toBe('/api/app/o/api/topology/containers?system=all');
    expect(wsUrl({ protocol: 'https:', host: 'h:1' }, '/', 'api/topology/hosts/ws', { t: '1s' }))
      .toBe('wss://h:1/api/topology/hosts/ws?t=1s');
  });

  it('encodes node ids, slashes included', () => {
    expect(nodeDetailsPath('pods', 'ns/pod;<pod>')).toBe('api/topology/pods/ns%2Fpod%3B%3Cpod%3E');
    expect(controlPath('p1', 'vm;<host>', 'host_exec')).toBe('api/control/p1/vm%3B%3Chost%3E/host_exec');
  });
});
