import { describe, expect, it } from 'vitest';
import { LABEL_MAX_CHARS, clipLabel, nodeData } from './elements';

const plain = { matches: null, selectedId: null, metric: null, contrast: false };

describe('nodeData', () => {
  it('clips long labels so they do not run across the neighbours', () => {
    const command = '/usr/bin/containerd-shim-runc-v2 -namespace moby -id 0123456789abcdef';
    const data = nodeData({ id: 'p', label: command, labelMinor: 'vm (1234)' }, plain);
    const [label, minor] = data.display.split('\n');
    expect(label).toHaveLength(LABEL_MAX_CHARS);
    expect(label.endsWith('…')).toBe(true);
    expect(minor).toBe('vm (1234)');
  });

  it('shows the overlay metric instead of the minor label', () => {
    const data = nodeData({ id: 'c', label: 'web', labelMinor: 'vm',
      metrics: [{ id: 'cpu', label: 'CPU', format: 'percent', value: 12.5, min: 0, max: 100 }] }, { ...plain, metric: 'CPU' });
    expect(data.display).toBe('web\nCPU 12.5%');
  });

  it('leaves short labels alone', () => {
    expect(clipLabel('nginx')).toBe('nginx');
  });
});
