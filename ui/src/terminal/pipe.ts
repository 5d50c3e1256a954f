import type { Control, ControlResult } from '../api/types';

/** An open pipe: a shell (raw_tty) or a read-only stream such as logs. */
export interface PipeInfo {
  id: string;
  title: string;
  rawTty: boolean;
  /** The control to POST {pipeID, width, height} to when the terminal changes size. */
  resizeControl: { probeId: string; nodeId: string; id: string } | null;
}

export function pipeFromControl(result: ControlResult, control: Control, title: string): PipeInfo | null {
  if (!result.pipe) return null;
  return {
    id: result.pipe,
    title,
    rawTty: Boolean(result.raw_tty),
    resizeControl: result.resize_tty_control
      ? { probeId: control.probeId, nodeId: control.nodeId, id: result.resize_tty_control }
      : null,
  };
}

/** The args Weave Scope's client sends with a resize control: strings, pipe id included. */
export function resizeArgs(pipeId: string, cols: number, rows: number): Record<string, string> {
  return { pipeID: pipeId, width: String(cols), height: String(rows) };
}
