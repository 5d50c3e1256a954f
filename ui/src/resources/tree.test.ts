import { describe, expect, it } from 'vitest';
import { buildResourceTree, capacity } from './tree';
import type { NodeSummary } from '../api/types';

const cpu = (value: number) => [{ id: 'cpu', label: 'CPU', value, format: 'percent' }];
const host: NodeSummary = { id: 'vm;<host>', label: 'vm', metrics: cpu(50) };
const web: NodeSummary = { id: 'web', label: 'web', metrics: cpu(10), parents: [{ id: 'vm;<host>', label: 'vm', topologyId: 'hosts' }] };
const db: NodeSummary = { id: 'db', label: 'db', metrics: cpu(20), parents: [{ id: 'vm;<host>', label: 'vm', topologyId: 'hosts' }] };
const httpd: NodeSummary = { id: 'vm;1', label: 'httpd', metrics: cpu(9),
  parents: [{ id: 'web', label: 'web', topologyId: 'containers' }, { id: 'vm;<host>', label: 'vm', topologyId: 'hosts' }] };
const sshd: NodeSummary = { id: 'vm;2', label: 'sshd', metrics: cpu(1), parents: [{ id: 'vm;<host>', label: 'vm', topologyId: 'hosts' }] };

describe('buildResourceTree', () => {
  it('nests processes in containers in hosts, biggest first', () => {
    const tree = buildResourceTree({ [host.id]: host }, { web, db }, { [httpd.id]: httpd, [sshd.id]: sshd }, 'CPU');
    expect(tree).toHaveLength(1);
    expect(tree[0].children.map((c) => c.node.label)).toEqual(['db', 'web', 'sshd']);
    expect(tree[0].children[1].children.map((c) => c.node.label)).toEqual(['httpd']);
    expect(capacity(tree[0])).toBe(50);
  });

  it('uses the children sum when it exceeds the parent value', () => {
    const tree = buildResourceTree({ [host.id]: { ...host, metrics: cpu(5) } }, { web, db }, {}, 'CPU');
    expect(capacity(tree[0])).toBe(30);
  });
});
