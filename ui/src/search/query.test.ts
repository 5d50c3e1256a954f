import { describe, expect, it } from 'vitest';
import { matchNode, parseQuery, parseTerms, scaleValue, searchNodes } from './query';
import type { NodeSummary } from '../api/types';

const api: NodeSummary = {
  id: 'c1',
  label: 'api',
  labelMinor: 'vm',
  metadata: [{ id: 'docker_image_name', label: 'Image name', value: 'local/busybox' }],
  metrics: [
    { id: 'docker_cpu_total_usage', label: 'CPU', format: 'percent', value: 5.5 },
    { id: 'docker_memory_usage', label: 'Memory', format: 'filesize', value: 2 * 1024 * 1024 },
  ],
  parents: [{ id: 'vm;<host>', label: 'vm', topologyId: 'hosts' }],
  tables: [{ id: 'docker_label_', label: 'Docker labels', type: 'property-list',
    rows: [{ id: 'label_tier', entries: { label: 'tier', value: 'backend' } }] }],
};
const db: NodeSummary = { id: 'c2', label: 'db', labelMinor: 'vm',
  metrics: [{ id: 'docker_cpu_total_usage', label: 'CPU', value: 0.5 }, { id: 'docker_memory_usage', label: 'Memory', value: 50 * 1024 * 1024 }] };

describe('parseQuery', () => {
  it('parses free text', () => {
    expect(parseQuery('  web ')).toMatchObject({ kind: 'text', source: 'web' });
    expect(parseQuery('   ')).toBeNull();
  });

  it('parses field: value', () => {
    const term = parseQuery('Image name: busy');
    expect(term).toMatchObject({ kind: 'field', field: 'imagename' });
  });

  it('parses metric comparisons with units', () => {
    expect(parseQuery('cpu > 4%')).toMatchObject({ kind: 'metric', metric: 'cpu', comparison: '>', value: 4 });
    expect(parseQuery('memory < 10mb')).toMatchObject({ kind: 'metric', metric: 'memory', comparison: '<', value: 10 * 1024 * 1024 });
    expect(parseQuery('memory >= 1.5G')).toMatchObject({ comparison: '>=', value: 1.5 * 1024 ** 3 });
  });

  it('treats an unknown unit as text, not a comparison', () => {
    expect(parseQuery('cpu > 4 parsecs')?.kind).toBe('text');
  });

  it('falls back to a literal for an invalid regular expression', () => {
    const term = parseQuery('a(b');
    expect(term?.kind).toBe('text');
    expect(matchNode({ id: 'x', label: 'xa(bx' }, term!)).toHaveLength(1);
  });

  it('supports regular expressions', () => {
    expect(matchNode(api, parseQuery('^a.i$')!)).toMatchObject([{ field: 'label', start: 0, length: 3 }]);
    expect(matchNode(db, parseQuery('/^a.i$/')!)).toEqual([]);
  });
});

describe('scaleValue', () => {
  it('uses powers of 1024', () => {
    expect(scaleValue('2', 'k')).toBe(2048);
    expect(scaleValue('2', 'KiB')).toBe(2048);
    expect(scaleValue('3', 'x')).toBeNull();
  });
});

describe('matching', () => {
  it('matches metadata, parents and property lists', () => {
    expect(matchNode(api, parseQuery('busybox')!)[0]).toMatchObject({ field: 'Image name', start: 6, length: 7 });
    expect(matchNode(api, parseQuery('hosts: vm')!)).toHaveLength(1);
    expect(matchNode(api, parseQuery('tier: back')!)).toHaveLength(1);
    expect(matchNode(api, parseQuery('tier: front')!)).toHaveLength(0);
  });

  it('restricts field searches to that field', () => {
    expect(matchNode(api, parseQuery('image: api')!)).toEqual([]);
    expect(matchNode(api, parseQuery('label: api')!)).toHaveLength(1);
  });

  it('compares metrics', () => {
    const nodes = [api, db];
    expect([...searchNodes(nodes, parseTerms(['cpu > 4%']))!.keys()]).toEqual(['c1']);
    expect([...searchNodes(nodes, parseTerms(['memory < 10mb']))!.keys()]).toEqual(['c1']);
    expect([...searchNodes(nodes, parseTerms(['memory > 10mb']))!.keys()]).toEqual(['c2']);
  });

  it('combines terms with AND', () => {
    const nodes = [api, db];
    expect([...searchNodes(nodes, parseTerms(['vm']))!.keys()]).toEqual(['c1', 'c2']);
    expect([...searchNodes(nodes, parseTerms(['vm', 'cpu < 1']))!.keys()]).toEqual(['c2']);
    expect(searchNodes(nodes, parseTerms(['vm', 'nothing-like-this']))!.size).toBe(0);
    expect(searchNodes(nodes, [])).toBeNull();
  });
});
