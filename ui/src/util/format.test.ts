import { describe, expect, it } from 'vitest';
import { formatBytes, formatDuration, formatMetadata, formatMetric } from './format';

describe('format', () => {
  it('formats metrics by their format', () => {
    expect(formatMetric(4.5, 'percent')).toBe('4.50%');
    expect(formatMetric(45.25, 'percent')).toBe('45.3%');
    expect(formatMetric(1957888, 'filesize')).toBe('1.9 MB');
    expect(formatMetric(21, 'integer')).toBe('21');
    expect(formatMetric(undefined)).toBe('—');
  });

  it('formats sizes and durations', () => {
    expect(formatBytes(512)).toBe('512 B');
    expect(formatBytes(25276510208)).toBe('23.5 GB');
    expect(formatDuration(8039)).toBe('2h 13m');
    expect(formatDuration(54)).toBe('54s');
  });

  it('truncates ids the way the API asks', () => {
    expect(formatMetadata({ id: 'docker_container_id', label: 'ID', value: '00dc36430ceaea2d97', truncate: 12 })).toBe('00dc36430cea');
    expect(formatMetadata({ id: 'uptime', label: 'Uptime', value: '54', dataType: 'duration' })).toBe('54s');
  });
});
