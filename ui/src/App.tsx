import { lazy, Suspense, useCallback, useMemo, useRef, useState } from 'react';
import type { Control, ControlResult, NodeDetails, NodeSummary } from './api/types';
import { ScopeClient } from './api/client';
import { usePolling } from './hooks/usePolling';
import { useTopologyNodes } from './hooks/useTopologyNodes';
import { useViewState } from './hooks/useViewState';
import { useKeyboard } from './hooks/useKeyboard';
import { DEFAULT_VIEW, type SelectedNode, type ViewMode } from './state/viewState';
import { defaultTopologyId, flattenTopologies, optionParams, topologyTitle } from './state/topologies';
import { parseQuery, parseTerms, searchNodes } from './search/query';
import { GraphView } from './graph/GraphView';
import { TableView } from './components/TableView';
import { ResourceView } from './resources/ResourceView';
import { DetailsStack } from './details/DetailsStack';
import { TopologyPicker } from './components/TopologyPicker';
import { TopologyOptions } from './components/TopologyOptions';
import { SearchBar } from './components/SearchBar';
import { MetricSelector } from './components/MetricSelector';
import { ViewModes } from './components/ViewModes';
import { TimeTravel } from './components/TimeTravel';
import { Footer } from './components/Footer';
import { HelpOverlay } from './components/HelpOverlay';
import { TroubleshootingMenu } from './components/TroubleshootingMenu';
import { StatusMessage } from './components/StatusMessage';
import { pipeFromControl, type PipeInfo } from './terminal/pipe';

// xterm.js is a third of the bundle and most visits open no terminal: it loads with the first one.
const Terminal = lazy(() => import('./terminal/Terminal').then((m) => ({ default: m.Terminal })));

const API_REFRESH_MS = 10000;
const TOPOLOGIES_REFRESH_MS = 5000;
/** More nodes than this are not drawn unless the user insists; the table view copes with any number. */
const GRAPH_NODE_LIMIT = 2500;

/** Fired after the graph painted: the benchmark listens to it. */
function announcePaint(count: number, receivedAt: number) {
  requestAnimationFrame(() => requestAnimationFrame(() => {
    window.dispatchEvent(new CustomEvent('scope:painted', { detail: { count, receivedAt, paintedAt: performance.now() } }));
  }));
}

export function App() {
  const [view, update] = useViewState();
  const base = useMemo(() => new ScopeClient(), []);
  const client = useMemo(() => base.atTime(view.timestamp), [base, view.timestamp]);
  const api = usePolling(() => base.apiDetails(), API_REFRESH_MS, 'api');
  const topologies = usePolling(() => client.topologies(), TOPOLOGIES_REFRESH_MS, client.url('api/topology'));
  const [pipes, setPipes] = useState<PipeInfo[]>([]);
  const [help, setHelp] = useState(false);
  const [drawLarge, setDrawLarge] = useState(false);
  /** A metric button under the pointer colours the nodes until the pointer leaves; a click pins it. */
  const [previewMetric, setPreviewMetric] = useState<string | null>(null);
  const searchInput = useRef<HTMLInputElement>(null);

  const entries = useMemo(() => flattenTopologies(topologies.data ?? []), [topologies.data]);
  const titleOf = useCallback((id: string) => topologyTitle(entries, id), [entries]);
  const currentId = view.topologyId ?? defaultTopologyId(entries);
  const current = entries.find((e) => e.id === currentId) ?? null;
  const params = useMemo(() => optionParams(current?.desc.options, currentId ? view.options[currentId] : undefined),
    [current, currentId, view.options]);
  const socketUrl = current ? client.topologySocketUrl(current.desc.url, params) : null;
  const topology = useTopologyNodes(socketUrl);

  const pinnedTerms = useMemo(() => parseTerms(view.pinnedSearches), [view.pinnedSearches]);
  const visibleNodes = useMemo(() => {
    const pinned = searchNodes(Object.values(topology.nodes), pinnedTerms);
    if (!pinned) return topology.nodes;
    return Object.fromEntries(Object.entries(topology.nodes).filter(([id]) => pinned.has(id)));
  }, [topology.nodes, pinnedTerms]);
  const matches = useMemo(() => {
    const term = parseQuery(view.search);
    return term ? searchNodes(Object.values(visibleNodes), [term]) : null;
  }, [visibleNodes, view.search]);
  const metricLabels = useMemo(() => {
    const seen = new Map<string, number>();
    for (const node of Object.values(topology.nodes)) for (const m of node.metrics ?? []) if (!seen.has(m.label)) seen.set(m.label, m.priority ?? 99);
    return [...seen].sort((a, b) => a[1] - b[1]).map(([label]) => label);
  }, [topology.nodes]);

  const reachable = !(topologies.error && api.error);
  const canTravel = Boolean(api.data?.capabilities?.historic_reports);
  const visibleCount = Object.keys(visibleNodes).length;
  const selectedId = view.details.length && view.details[view.details.length - 1].topologyId === currentId
    ? view.details[view.details.length - 1].id : null;

  const pickTopology = (id: string) => update({ topologyId: id, search: '' }, { push: true });
  const setMode = (mode: ViewMode) => update({ mode }, { push: true });
  const select = useCallback((node: NodeSummary) => {
    if (currentId) update({ details: [{ topologyId: currentId, id: node.id, label: node.label }] }, { push: true });
  }, [currentId, update]);
  const open = (topologyId: string, id: string, label: string) => update((s) => {
    const existing = s.details.findIndex((d) => d.topologyId === topologyId && d.id === id);
    const details: SelectedNode[] = existing >= 0 ? s.details.slice(0, existing + 1) : [...s.details, { topologyId, id, label }];
    return { details };
  }, { push: true });
  const onControlResult = (node: NodeDetails, control: Control, result: ControlResult) => {
    const pipe = pipeFromControl(result, control, node.label);
    if (pipe) setPipes((list) => [...list.filter((p) => p.id !== pipe.id), pipe]);
    if (result.removedNode) update((s) => ({ details: s.details.filter((d) => d.id !== node.id) }));
  };
  const onPainted = useCallback((count: number) => announcePaint(count, topology.receivedAt), [topology.receivedAt]);

  useKeyboard({
    Escape: () => {
      if (help) setHelp(false);
      else if (document.activeElement === searchInput.current) searchInput.current?.blur();
      else if (view.details.length) update((s) => ({ details: s.details.slice(0, -1) }), { push: true });
      else if (view.search) update({ search: '' });
    },
    '/': () => searchInput.current?.focus(),
    '?': () => setHelp((h) => !h),
    g: () => setMode('graph'),
    t: () => setMode('table'),
    r: () => setMode('resources'),
    c: () => update((s) => ({ contrast: !s.contrast })),
  });

  const main = () => {
    if (!reachable) {
      return (
        <StatusMessage title="Cannot reach the Scope app">
          <p>No answer from <code>{client.url('api')}</code>: {topologies.error?.message}. Retrying every few seconds.</p>
        </StatusMessage>
      );
    }
    if (view.mode === 'resources') {
      return <ResourceView client={client} contrast={view.contrast} onSelect={(t, n) => update({ details: [{ topologyId: t, id: n.id, label: n.label }] }, { push: true })} />;
    }
    if (!topologies.data) return <StatusMessage title="Loading…" />;
    if (!current) return <StatusMessage title="No topologies yet"><p>The app has not received any report. Are the probes running?</p></StatusMessage>;
    if (!topology.loaded) return <StatusMessage title={`Loading ${current.desc.name}…`} />;
    if (visibleCount === 0) {
      const filtered = current.desc.stats?.filtered_nodes ?? 0;
      return (
        <StatusMessage title={`Nothing to show in ${current.desc.name}`}>
          {view.pinnedSearches.length > 0 && <p>No node matches the pinned search terms.</p>}
          {filtered > 0 && <p>{filtered === 1 ? '1 node is' : `${filtered} nodes are`} hidden by the options above.</p>}
          {view.pinnedSearches.length === 0 && filtered === 0 && <p>This topology is empty right now.</p>}
        </StatusMessage>
      );
    }
    if (view.mode === 'table') return <TableView nodes={Object.values(visibleNodes)} matches={matches} selectedId={selectedId} onSelect={select} />;
    if (visibleCount > GRAPH_NODE_LIMIT && !drawLarge) {
      return (
        <StatusMessage title={`${visibleCount} nodes are too many to draw`}>
          <p>Narrow it down with the options or a pinned search, or use the table view.</p>
          <p>
            <button type="button" onClick={() => setMode('table')}>Show the table</button>{' '}
            <button type="button" onClick={() => setDrawLarge(true)}>Draw it anyway</button>
          </p>
        </StatusMessage>
      );
    }
    return (
      <GraphView nodes={visibleNodes} viewKey={`${currentId}|${JSON.stringify(params)}`} matches={matches} selectedId={selectedId}
        metric={previewMetric ?? view.metric} contrast={view.contrast} onSelect={select} onPainted={onPainted} />
    );
  };

  return (
    <div className={`app${view.contrast ? ' contrast' : ''}`}>
      <header className="header">
        <div className="brand">Scope</div>
        <TopologyPicker entries={entries} currentId={currentId} onPick={pickTopology} />
        <SearchBar ref={searchInput} query={view.search} pinned={view.pinnedSearches} matchCount={matches ? matches.size : null}
          onQuery={(search) => update({ search })}
          onPin={(term) => update((s) => ({ pinnedSearches: [...s.pinnedSearches, term], search: '' }))}
          onUnpin={(index) => update((s) => ({ pinnedSearches: s.pinnedSearches.filter((_, i) => i !== index) }))} />
        <ViewModes mode={view.mode} onMode={setMode} />
      </header>
      <div className="toolbar">
        {current && view.mode !== 'resources' && (
          <TopologyOptions options={current.desc.options ?? []} values={params}
            onChange={(option, value) => update((s) => ({
              options: { ...s.options, [current.id]: { ...s.options[current.id], [option]: value } },
            }))} />
        )}
        {view.mode === 'graph' && <MetricSelector metrics={metricLabels} pinned={view.metric} onPin={(metric) => update({ metric })} onPreview={setPreviewMetric} />}
        {canTravel && <TimeTravel timestamp={view.timestamp} onTravel={(timestamp) => update({ timestamp })} />}
      </div>
      <main className="main">
        {main()}
        <DetailsStack stack={view.details} client={client} currentTopologyId={currentId} options={params} contrast={view.contrast} topologyTitle={titleOf}
          onTruncate={(length) => update((s) => ({ details: s.details.slice(0, length) }), { push: true })}
          onOpen={open} onControlResult={onControlResult} />
      </main>
      <div className="terminals">
        <Suspense fallback={null}>
          {pipes.map((pipe) => (
            <Terminal key={pipe.id} pipe={pipe} client={client} embedded
              onClose={() => setPipes((list) => list.filter((p) => p.id !== pipe.id))} />
          ))}
        </Suspense>
      </div>
      <Footer api={api.data} reachable={reachable} socket={topology.status} timestamp={view.timestamp}>
        <button type="button" aria-pressed={view.contrast} onClick={() => update((s) => ({ contrast: !s.contrast }))}>Contrast</button>
        <TroubleshootingMenu reportUrl={client.reportUrl()} onResetView={() => update(DEFAULT_VIEW, { push: true })} />
        <button type="button" onClick={() => setHelp(true)} title="Keyboard shortcuts (?)">Help</button>
      </Footer>
      {help && <HelpOverlay onClose={() => setHelp(false)} />}
    </div>
  );
}
