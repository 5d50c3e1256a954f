import type { NodeSummary } from '../api/types';

// Search terms, as typed into the search bar:
//   "web"            free text (a case-insensitive regular expression when it is one) over labels and metadata
//   "image: busy.*"  the same, restricted to fields whose label or id matches "image"
//   "cpu > 4%"       a metric comparison; units k, m, g, t (powers of 1024) and % are understood
export type SearchTerm =
  | { kind: 'text'; pattern: RegExp; source: string }
  | { kind: 'field'; field: string; pattern: RegExp; source: string }
  | { kind: 'metric'; metric: string; comparison: Comparison; value: number; source: string };

export type Comparison = '<' | '<=' | '>' | '>=' | '=';

export interface SearchMatch {
  field: string;
  text: string;
  start: number;
  length: number;
}

const COMPARISON = /^\s*([a-z][\w .-]*?)\s*(<=|>=|<|>|=)\s*(-?\d+(?:\.\d+)?)\s*([a-z%]*)\s*$/i;
const FIELD = /^\s*([\w .-]+?)\s*:\s*(.+?)\s*$/;
const UNITS: Record<string, number> = { '': 1, '%': 1, k: 1024, m: 1024 ** 2, g: 1024 ** 3, t: 1024 ** 4 };

/** A case-insensitive regular expression from user text; text that is no valid expression is matched literally. */
export function makeRegExp(text: string): RegExp {
  try {
    return new RegExp(text, 'i');
  } catch {
    return new RegExp(text.replace(/[.*+?^${}()|[\]\\]/g, '\\$&'), 'i');
  }
}

/** Number from a value and unit such as "10", "mb" or "4", "%"; null for an unknown unit. */
export function scaleValue(value: string, unit: string): number | null {
  const key = unit.toLowerCase().replace(/i?b$/, '');
  const factor = UNITS[key];
  return factor === undefined ? null : parseFloat(value) * factor;
}

export function parseQuery(text: string): SearchTerm | null {
  const source = text.trim();
  if (!source) return null;
  const comparison = COMPARISON.exec(source);
  if (comparison) {
    const value = scaleValue(comparison[3], comparison[4]);
    if (value !== null) {
      return { kind: 'metric', metric: slug(comparison[1]), comparison: comparison[2] as Comparison, value, source };
    }
  }
  const field = FIELD.exec(source);
  if (field && !source.startsWith('/')) {
    return { kind: 'field', field: slug(field[1]), pattern: makeRegExp(field[2]), source };
  }
  const literal = /^\/(.+)\/$/.exec(source);
  return { kind: 'text', pattern: makeRegExp(literal ? literal[1] : source), source };
}

/** "Image name" -> "imagename": field names are compared without case, spaces or punctuation. */
export function slug(text: string): string {
  return text.toLowerCase().replace(/[^a-z0-9]/g, '');
}

interface Field {
  id: string;
  label: string;
  value: string;
}

function searchableFields(node: NodeSummary): Field[] {
  const fields: Field[] = [
    { id: 'label', label: 'label', value: node.label ?? '' },
    { id: 'labelMinor', label: 'sublabel', value: node.labelMinor ?? '' },
  ];
  for (const row of node.metadata ?? []) fields.push({ id: row.id, label: row.label, value: row.value });
  for (const parent of node.parents ?? []) fields.push({ id: parent.topologyId, label: parent.topologyId, value: parent.label });
  for (const table of node.tables ?? []) {
    for (const row of table.rows ?? []) {
      if (table.type === 'property-list') {
        fields.push({ id: row.id, label: row.entries.label ?? row.id, value: row.entries.value ?? '' });
      } else {
        for (const [column, value] of Object.entries(row.entries)) fields.push({ id: column, label: column, value });
      }
    }
  }
  return fields;
}

function compare(actual: number, comparison: Comparison, expected: number): boolean {
  switch (comparison) {
    case '<': return actual < expected;
    case '<=': return actual <= expected;
    case '>': return actual > expected;
    case '>=': return actual >= expected;
    case '=': return actual === expected;
  }
}

/** Where a term matches a node; empty when it does not. */
export function matchNode(node: NodeSummary, term: SearchTerm): SearchMatch[] {
  if (term.kind === 'metric') {
    return (node.metrics ?? [])
      .filter((metric) => (slug(metric.label) === term.metric || slug(metric.id) === term.metric)
        && compare(metric.value, term.comparison, term.value))
      .map((metric) => ({ field: metric.label, text: String(metric.value), start: 0, length: 0 }));
  }
  const matches: SearchMatch[] = [];
  for (const field of searchableFields(node)) {
    if (term.kind === 'field' && !slug(field.label).includes(term.field) && slug(field.id) !== term.field) continue;
    const found = term.pattern.exec(field.value);
    if (found && found[0].length > 0) {
      matches.push({ field: field.label, text: field.value, start: found.index, length: found[0].length });
    }
  }
  return matches;
}

/**
 * Nodes matching every term (AND), with where each matched. Nodes failing any term are absent.
 * No terms: null, meaning "no search active".
 */
export function searchNodes(nodes: Iterable<NodeSummary>, terms: SearchTerm[]): Map<string, SearchMatch[]> | null {
  if (terms.length === 0) return null;
  const result = new Map<string, SearchMatch[]>();
  for (const node of nodes) {
    const all: SearchMatch[] = [];
    let ok = true;
    for (const term of terms) {
      const matches = matchNode(node, term);
      if (matches.length === 0) {
        ok = false;
        break;
      }
      all.push(...matches);
    }
    if (ok) result.set(node.id, all);
  }
  return result;
}

export function parseTerms(texts: string[]): SearchTerm[] {
  return texts.map(parseQuery).filter((term): term is SearchTerm => term !== null);
}
