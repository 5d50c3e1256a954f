import { useState } from 'react';

interface Props {
  reportUrl: string;
  onResetView(): void;
}

/** Download the raw report to attach to a bug, or forget the view state kept in the URL. */
export function TroubleshootingMenu({ reportUrl, onResetView }: Props) {
  const [open, setOpen] = useState(false);
  return (
    <span className="menu">
      <button type="button" aria-expanded={open} onClick={() => setOpen(!open)} title="Troubleshooting">Troubleshooting</button>
      {open && (
        <div className="menu-items" role="menu">
          <a role="menuitem" href={reportUrl} download="scope-report.json" onClick={() => setOpen(false)}>Download the raw report (JSON)</a>
          <button type="button" role="menuitem" onClick={() => { setOpen(false); onResetView(); }}>Reset the view</button>
        </div>
      )}
    </span>
  );
}
