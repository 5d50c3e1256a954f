import { forwardRef } from 'react';

interface Props {
  query: string;
  pinned: string[];
  matchCount: number | null;
  onQuery(query: string): void;
  onPin(term: string): void;
  onUnpin(index: number): void;
}

/**
 * Free text, `field: value`, regular expressions or `cpu > 4%`. Enter pins the term; pinned terms combine
 * with AND and filter the view, the term being typed highlights.
 */
export const SearchBar = forwardRef<HTMLInputElement, Props>(function SearchBar(
  { query, pinned, matchCount, onQuery, onPin, onUnpin }, ref) {
  return (
    <div className="search">
      {pinned.map((term, index) => (
        <span key={`${term}-${index}`} className="search-pin">
          {term}
          <button type="button" aria-label={`Unpin ${term}`} onClick={() => onUnpin(index)}>×</button>
        </span>
      ))}
      <input ref={ref} type="search" value={query} placeholder="Search: text, field: value, cpu > 4%  ( / )"
        aria-label="Search"
        onChange={(e) => onQuery(e.target.value)}
        onKeyDown={(e) => {
          // Escape is left to the page's shortcut, which leaves the field without also closing details.
          if (e.key === 'Enter' && query.trim()) onPin(query.trim());
        }} />
      {matchCount !== null && <span className="search-count" aria-live="polite">{matchCount} match{matchCount === 1 ? '' : 'es'}</span>}
    </div>
  );
});
