import { describe, expect, it } from 'vitest';
import { pipeFromControl, resizeArgs } from './pipe';

const control = { probeId: 'p1', nodeId: 'vm;<host>', id: 'host_exec', human: 'Exec shell', icon: 'fa fa-terminal' };

describe('pipes from control answers', () => {
  it('opens a tty with its resize control', () => {
    const pipe = pipeFromControl({ pipe: 'pipe-1', raw_tty: true, resize_tty_control: 'host_resize_exec_tty' }, control, 'vm');
    expect(pipe).toEqual({ id: 'pipe-1', title: 'vm', rawTty: true,
      resizeControl: { probeId: 'p1', nodeId: 'vm;<host>', id: 'host_resize_exec_tty' } });
  });

  it('treats a pipe without raw_tty as a read-only stream', () => {
    expect(pipeFromControl({ pipe: 'logs' }, control, 'pod')).toMatchObject({ rawTty: false, resizeControl: null });
  });

  it('opens nothing without a pipe', () => {
    expect(pipeFromControl({ removedNode: 'x' }, control, 'x')).toBeNull();
  });

  it('sends sizes as strings, as Weave Scope does', () => {
    expect(resizeArgs('pipe-1', 120, 40)).toEqual({ pipeID: 'pipe-1', width: '120', height: '40' });
  });
});
