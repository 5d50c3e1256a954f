// Shapes of the Weave Scope 1.13 HTTP/websocket API, as served by the Scope app.

/** GET api */
export interface ApiDetails {
  id: string;
  version: string;
  hostname: string;
  plugins?: PluginSpec[] | null;
  capabilities?: Record<string, boolean>;
  newVersion?: { version: string; downloadUrl: string } | null;
}

export interface PluginSpec {
  id: string;
  label: string;
  description?: string;
  interfaces?: string[];
  api_version?: string;
  status?: string;
}

/** One choice of a topology option, e.g. {value: "all", label: "All"}. */
export interface TopologyOptionValue {
  value: string;
  label: string;
}

/** A filter the app advertises for a topology (system, stopped, pseudo, namespace...). */
export interface TopologyOption {
  id: string;
  defaultValue: string;
  selectType?: 'one' | 'union';
  noneLabel?: string;
  options: TopologyOptionValue[];
}

export interface TopologyStats {
  node_count: number;
  nonpseudo_node_count: number;
  edge_count: number;
  filtered_nodes: number;
}

/** GET api/topology answers a list of these. */
export interface TopologyDesc {
  name: string;
  url: string;
  rank?: number;
  hide_if_empty?: boolean;
  stats?: TopologyStats;
  options?: TopologyOption[] | null;
  sub_topologies?: TopologyDesc[] | null;
}

export interface MetadataRow {
  id: string;
  label: string;
  value: string;
  priority?: number;
  dataType?: 'number' | 'duration' | 'datetime' | 'link' | string;
  truncate?: number;
}

export interface MetricSample {
  date: string;
  value: number;
}

export interface MetricRow {
  id: string;
  label: string;
  format?: 'percent' | 'filesize' | 'integer' | string;
  group?: string;
  value: number;
  priority?: number;
  samples?: MetricSample[] | null;
  min?: number;
  max?: number;
  first?: string;
  last?: string;
  url?: string;
}

export interface TableColumn {
  id: string;
  label: string;
  defaultSort?: boolean;
  dataType?: string;
}

export interface TableRow {
  id: string;
  entries: Record<string, string>;
}

export interface NodeTable {
  id: string;
  label: string;
  type: 'property-list' | 'multicolumn-table' | string;
  columns?: TableColumn[] | null;
  rows?: TableRow[] | null;
  truncationCount?: number;
}

export interface Parent {
  id: string;
  label: string;
  topologyId: string;
}

/** A node as the topology endpoints and websocket deliver it. */
export interface NodeSummary {
  id: string;
  label: string;
  labelMinor?: string;
  rank?: string;
  shape?: string;
  tag?: string;
  stack?: boolean;
  pseudo?: boolean;
  metadata?: MetadataRow[] | null;
  metrics?: MetricRow[] | null;
  tables?: NodeTable[] | null;
  parents?: Parent[] | null;
  adjacency?: string[] | null;
}

export type NodeMap = Record<string, NodeSummary>;

/** GET api/topology/{t} */
export interface TopologyResponse {
  nodes: NodeMap;
}

/** One frame of api/topology/{t}/ws. */
export interface NodesDelta {
  reset?: boolean;
  add?: NodeSummary[] | null;
  update?: NodeSummary[] | null;
  remove?: string[] | null;
}

export interface Control {
  probeId: string;
  nodeId: string;
  id: string;
  human: string;
  icon: string;
  rank?: number;
  confirmation?: string;
}

export interface ChildrenTable {
  id: string;
  label: string;
  topologyId: string;
  columns?: TableColumn[] | null;
  nodes: NodeSummary[];
}

export interface Connection {
  id: string;
  nodeId: string;
  label: string;
  labelMinor?: string;
  metadata?: MetadataRow[] | null;
}

export interface ConnectionsTable {
  id: string;
  topologyId?: string;
  label: string;
  columns?: TableColumn[] | null;
  connections?: Connection[] | null;
}

/** GET api/topology/{t}/{id} answers {node: NodeDetails}. */
export interface NodeDetails extends NodeSummary {
  controls?: Control[] | null;
  children?: ChildrenTable[] | null;
  connections?: ConnectionsTable[] | null;
}

/** POST api/control/{probeID}/{nodeID}/{control} */
export interface ControlResult {
  value?: unknown;
  error?: string;
  pipe?: string;
  raw_tty?: boolean;
  resize_tty_control?: string;
  removedNode?: string;
}
