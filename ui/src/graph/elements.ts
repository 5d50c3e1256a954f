import type { NodeSummary } from '../api/types';
import type { SearchMatch } from '../search/query';
import { heatColor, nodeColor } from '../util/colors';
import { formatMetric } from '../util/format';
import { cytoscapeShape, isDotted } from './shapes';

export interface Decoration {
  matches: Map<string, SearchMatch[]> | null;
  selectedId: string | null;
  metric: string | null;
  contrast: boolean;
}

export interface NodeData {
  id: string;
  display: string;
  minor: string;
  shape: string;
  color: string;
}

/** Longest label line drawn under a node; process command lines would otherwise run across their neighbours. */
export const LABEL_MAX_CHARS = 20;

export function clipLabel(text: string): string {
  return text.length > LABEL_MAX_CHARS ? `${text.slice(0, LABEL_MAX_CHARS - 1)}…` : text;
}

/** The label under a node: name, then the minor label, or the overlay metric's value when one is shown. */
export function nodeData(node: NodeSummary, decoration: Decoration): NodeData {
  const metric = decoration.metric ? node.metrics?.find((m) => m.label === decoration.metric) : undefined;
  const minor = metric ? `${metric.label} ${formatMetric(metric.value, metric.format)}` : node.labelMinor ?? '';
  const color = metric
    ? heatColor(metric.max ? metric.value / metric.max : 0)
    : nodeColor(node.label, node.rank, decoration.contrast);
  const label = clipLabel(node.label);
  return { id: node.id, display: minor ? `${label}\n${clipLabel(minor)}` : label, minor, shape: cytoscapeShape(node.shape), color };
}

export function nodeClasses(node: NodeSummary, decoration: Decoration): string[] {
  const classes: string[] = [];
  if (node.pseudo) classes.push('pseudo');
  if (node.stack) classes.push('stack');
  if (isDotted(node.shape)) classes.push('dotted');
  if (decoration.matches) classes.push(decoration.matches.has(node.id) ? 'matched' : 'faded');
  if (node.id === decoration.selectedId) classes.push('selected');
  return classes;
}
