// Node colours: a stable hue per rank (e.g. image) as Weave Scope does, and a heat scale for metric overlays.

function hash(text: string): number {
  let h = 2166136261;
  for (let i = 0; i < text.length; i++) {
    h ^= text.charCodeAt(i);
    h = Math.imul(h, 16777619);
  }
  return h >>> 0;
}

/** #rrggbb from hue (degrees), saturation and lightness (0..1). */
export function hslToHex(h: number, s: number, l: number): string {
  const k = (n: number) => (n + h / 30) % 12;
  const a = s * Math.min(l, 1 - l);
  const channel = (n: number) => {
    const value = l - a * Math.max(-1, Math.min(k(n) - 3, Math.min(9 - k(n), 1)));
    return Math.round(value * 255).toString(16).padStart(2, '0');
  };
  return `#${channel(0)}${channel(8)}${channel(4)}`;
}

/** Nodes of one kind (same rank) share a hue; lightness varies a little with the label. */
export function nodeColor(label: string, rank: string | undefined, contrast: boolean): string {
  const hue = hash(rank || label) % 360;
  const lightness = (contrast ? 0.38 : 0.62) + (hash(label) % 10) / 100;
  return hslToHex(hue, contrast ? 0.8 : 0.55, lightness);
}

/** 0 → cool green, 1 → hot red. */
export function heatColor(fraction: number): string {
  const f = Math.min(1, Math.max(0, fraction));
  return hslToHex(120 - 120 * f, 0.75, 0.48);
}
