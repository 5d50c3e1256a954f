interface Props {
  timestamp: string | null;
  onTravel(timestamp: string | null): void;
}

const HOURS_BACK = 24;
const STEPS = 24 * 12; // five-minute steps across the last day

/** datetime-local wants local time without zone (to the second here); the API wants RFC 3339. */
function toLocalInput(date: Date): string {
  const local = new Date(date.getTime() - date.getTimezoneOffset() * 60000);
  return local.toISOString().slice(0, 19);
}

function stepOf(timestamp: string | null, now: number): number {
  if (!timestamp) return STEPS;
  const back = (now - Date.parse(timestamp)) / (HOURS_BACK * 3600 * 1000);
  return Math.max(0, Math.round(STEPS * (1 - back)));
}

/**
 * Shown when the app keeps history (capability historic_reports): a slider over the last day and an exact
 * time field. Picking a moment makes every request carry `timestamp`; "Live" goes back to now.
 */
export function TimeTravel({ timestamp, onTravel }: Props) {
  // Read on every render (the page re-renders with each topology update), so "now" does not go stale.
  const now = Date.now();
  const travel = (step: number) => {
    if (step >= STEPS) return onTravel(null);
    const at = now - (1 - step / STEPS) * HOURS_BACK * 3600 * 1000;
    onTravel(new Date(at).toISOString().replace(/\.\d{3}Z$/, 'Z'));
  };
  return (
    <div className="time-travel" role="group" aria-label="Time travel">
      <input type="range" min={0} max={STEPS} value={stepOf(timestamp, now)} aria-label="Moment in the last day"
        onChange={(e) => travel(Number(e.target.value))} />
      <input type="datetime-local" aria-label="Exact moment" value={timestamp ? toLocalInput(new Date(timestamp)) : ''}
        max={toLocalInput(new Date(now))} step={1}
        onChange={(e) => e.target.value && onTravel(new Date(e.target.value).toISOString().replace(/\.\d{3}Z$/, 'Z'))} />
      <button type="button" className={timestamp ? '' : 'selected'} onClick={() => onTravel(null)}>Live</button>
    </div>
  );
}
