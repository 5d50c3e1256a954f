import type { SearchMatch } from '../search/query';

/** Text with the part a search matched marked. */
export function Highlighted({ text, match }: { text: string; match?: SearchMatch }) {
  if (!match || match.text !== text || match.length === 0) return <>{text}</>;
  return (
    <>
      {text.slice(0, match.start)}
      <mark>{text.slice(match.start, match.start + match.length)}</mark>
      {text.slice(match.start + match.length)}
    </>
  );
}
