import { describe, expect, it } from 'vitest';
import { heatColor, hslToHex, nodeColor } from './colors';

describe('colors', () => {
  it('converts hsl to hex', () => {
    expect(hslToHex(0, 1, 0.5)).toBe('#ff0000');
    expect(hslToHex(120, 1, 0.5)).toBe('#00ff00');
  });

  it('keeps node colours stable per label and rank', () => {
    expect(nodeColor('web', 'busybox', false)).toBe(nodeColor('web', 'busybox', false));
    expect(nodeColor('web', 'busybox', false)).not.toBe(nodeColor('web', 'busybox', true));
  });

  it('clamps the heat scale', () => {
    expect(heatColor(2)).toBe(heatColor(1));
    expect(heatColor(-1)).toBe(heatColor(0));
    expect(heatColor(0)).not.toBe(heatColor(1));
  });
});
