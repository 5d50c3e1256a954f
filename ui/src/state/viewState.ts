// The view a user is looking at: everything needed to share it as a link and restore it on reload.

export type ViewMode = 'graph' | 'table' | 'resources';

export interface SelectedNode {
  topologyId: string;
  id: string;
  label: string;
}

export interface ViewState {
  topologyId: string | null;
  /** Chosen option values per topology id; options not listed take the API's default. */
  options: Record<string, Record<string, string>>;
  mode: ViewMode;
  search: string;
  pinnedSearches: string[];
  /** The stack of opened node details, oldest first. */
  details: SelectedNode[];
  /** Label of the metric the nodes are coloured by ("CPU", "Memory"), or null. */
  metric: string | null;
  contrast: boolean;
  /** RFC 3339 moment being looked at; null means live. */
  timestamp: string | null;
}

export const DEFAULT_VIEW: ViewState = {
  topologyId: null,
  options: {},
  mode: 'graph',
  search: '',
  pinnedSearches: [],
  details: [],
  metric: null,
  contrast: false,
  timestamp: null,
};

const MODES: ViewMode[] = ['graph', 'table', 'resources'];

/** Encodes the state as a URL fragment (without '#'); defaults are left out so links stay short. */
export function encodeViewState(state: ViewState): string {
  const params = new URLSearchParams();
  if (state.topologyId) params.set('topology', state.topologyId);
  if (state.mode !== 'graph') params.set('view', state.mode);
  for (const topologyId of Object.keys(state.options).sort()) {
    for (const [option, value] of Object.entries(state.options[topologyId])) {
      params.set(`o.${topologyId}.${option}`, value);
    }
  }
  if (state.search) params.set('q', state.search);
  for (const pinned of state.pinnedSearches) params.append('pin', pinned);
  for (const node of state.details) params.append('node', JSON.stringify([node.topologyId, node.id, node.label]));
  if (state.metric) params.set('metric', state.metric);
  if (state.contrast) params.set('contrast', '1');
  if (state.timestamp) params.set('at', state.timestamp);
  return params.toString();
}

function decodeNode(text: string): SelectedNode | null {
  try {
    const value: unknown = JSON.parse(text);
    if (Array.isArray(value) && value.length === 3 && value.every((part) => typeof part === 'string')) {
      const [topologyId, id, label] = value as string[];
      return { topologyId, id, label };
    }
  } catch {
    // a hand-edited link: ignore this entry
  }
  return null;
}

/** Reads a URL fragment (with or without '#'); anything unreadable falls back to the default. */
export function decodeViewState(fragment: string): ViewState {
  const params = new URLSearchParams(fragment.replace(/^#!?\/?/, ''));
  const options: ViewState['options'] = {};
  for (const [key, value] of params) {
    const match = /^o\.([^.]+)\.(.+)$/.exec(key);
    if (match) (options[match[1]] ??= {})[match[2]] = value;
  }
  const mode = params.get('view') as ViewMode | null;
  const timestamp = params.get('at');
  return {
    topologyId: params.get('topology') || null,
    options,
    mode: mode && MODES.includes(mode) ? mode : 'graph',
    search: params.get('q') ?? '',
    pinnedSearches: params.getAll('pin').filter(Boolean),
    details: params.getAll('node').map(decodeNode).filter((node): node is SelectedNode => node !== null),
    metric: params.get('metric') || null,
    contrast: params.get('contrast') === '1',
    timestamp: timestamp && !Number.isNaN(Date.parse(timestamp)) ? timestamp : null,
  };
}
