const SHORTCUTS: [string, string][] = [
  ['esc', 'Close the help, the top details panel, or leave the search'],
  ['/', 'Search'],
  ['?', 'This help'],
  ['g', 'Graph view'],
  ['t', 'Table view'],
  ['r', 'Resource view'],
  ['c', 'Contrast mode on/off'],
];

const SEARCH_HELP: [string, string][] = [
  ['web', 'Free text over names, labels and metadata'],
  ['image: busybox', 'Only in fields whose name contains "image"'],
  ['^db-[0-9]+$', 'A regular expression (or /.../)'],
  ['cpu > 4%', 'Metric comparisons: <, <=, >, >=, ='],
  ['memory < 10mb', 'Sizes in k, m, g, t (powers of 1024)'],
  ['Enter', 'Pin the term; pinned terms combine with AND and filter'],
];

export function HelpOverlay({ onClose }: { onClose(): void }) {
  return (
    <div className="overlay" role="dialog" aria-modal="true" aria-label="Help" onClick={onClose}>
      <div className="help" onClick={(e) => e.stopPropagation()}>
        <button type="button" className="close" aria-label="Close help" onClick={onClose}>×</button>
        <h2>Keyboard shortcuts</h2>
        <dl>{SHORTCUTS.map(([key, text]) => <div key={key}><dt><kbd>{key}</kbd></dt><dd>{text}</dd></div>)}</dl>
        <h2>Search</h2>
        <dl>{SEARCH_HELP.map(([key, text]) => <div key={key}><dt><code>{key}</code></dt><dd>{text}</dd></div>)}</dl>
      </div>
    </div>
  );
}
