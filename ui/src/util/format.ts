import type { MetadataRow } from '../api/types';

const SIZE_UNITS = ['B', 'KB', 'MB', 'GB', 'TB', 'PB'];

/** "filesize" in powers of 1024, as Weave Scope shows it. */
export function formatBytes(bytes: number): string {
  let value = bytes;
  let unit = 0;
  while (Math.abs(value) >= 1024 && unit < SIZE_UNITS.length - 1) {
    value /= 1024;
    unit++;
  }
  return `${value >= 100 || unit === 0 ? Math.round(value) : value.toFixed(1)} ${SIZE_UNITS[unit]}`;
}

export function formatMetric(value: number | undefined, format?: string): string {
  if (value === undefined || Number.isNaN(value)) return '—';
  switch (format) {
    case 'percent': return `${value < 10 ? value.toFixed(2) : value.toFixed(1)}%`;
    case 'filesize': return formatBytes(value);
    case 'integer': return String(Math.round(value));
    default: return Number.isInteger(value) ? String(value) : value.toFixed(2);
  }
}

/** Seconds as "3d 4h", "5m 2s". */
export function formatDuration(seconds: number): string {
  const parts: [number, string][] = [[86400, 'd'], [3600, 'h'], [60, 'm'], [1, 's']];
  const shown: string[] = [];
  let rest = Math.floor(seconds);
  for (const [size, unit] of parts) {
    if (rest >= size || (unit === 's' && shown.length === 0)) {
      shown.push(`${Math.floor(rest / size)}${unit}`);
      rest %= size;
    }
    if (shown.length === 2) break;
  }
  return shown.join(' ');
}

/** A metadata value as a reader wants it: durations, dates and truncated ids. */
export function formatMetadata(row: MetadataRow): string {
  if (row.dataType === 'duration' && /^\d+(\.\d+)?$/.test(row.value)) return formatDuration(Number(row.value));
  if (row.dataType === 'datetime' && !Number.isNaN(Date.parse(row.value))) return new Date(row.value).toLocaleString();
  if (row.truncate && row.value.length > row.truncate) return row.value.slice(0, row.truncate);
  return row.value;
}
