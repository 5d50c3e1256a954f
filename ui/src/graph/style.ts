import type { StylesheetJson } from 'cytoscape';

/** Cytoscape styles; node colour, shape and overlay fill come from each node's data. */
export function graphStyle(contrast: boolean): StylesheetJson {
  const text = contrast ? '#000' : '#3b4252';
  const minor = contrast ? '#222' : '#6b7280';
  const edge = contrast ? '#333' : '#aab2c0';
  const highlight = contrast ? '#0040ff' : '#5b7cfa';
  return [
    {
      selector: 'node',
      style: {
        shape: 'data(shape)' as never,
        width: 46,
        height: 46,
        'background-color': 'data(color)',
        'border-width': contrast ? 3 : 2,
        'border-color': contrast ? '#000' : '#ffffff',
        label: 'data(display)',
        'text-valign': 'bottom',
        'text-margin-y': 6,
        'text-wrap': 'ellipsis',
        'text-max-width': '110px',
        'font-size': 12,
        'font-family': 'system-ui, sans-serif',
        color: text,
        'min-zoomed-font-size': 5,
      },
    },
    { selector: 'node[minor != ""]', style: { 'text-wrap': 'wrap' } },
    { selector: 'node.dotted', style: { 'border-style': 'dashed', 'border-color': minor } },
    {
      selector: 'node.pseudo',
      style: { 'background-opacity': 0, 'border-style': 'dashed', 'border-color': minor, 'border-width': 2, color: minor },
    },
    { selector: 'node.stack', style: { 'border-style': 'double', 'border-width': 6, 'border-color': contrast ? '#000' : '#d1d5db' } },
    {
      selector: 'node.overlay',
      style: {
        'background-fill': 'linear-gradient',
        'background-gradient-direction': 'to-top',
        'background-gradient-stop-colors': 'data(overlayColors)' as never,
        'background-gradient-stop-positions': 'data(overlayStops)' as never,
        'background-opacity': 1,
      },
    },
    { selector: 'node.matched', style: { 'border-color': '#f59e0b', 'border-width': 5, 'font-weight': 'bold' } },
    { selector: 'node.selected', style: { 'border-color': highlight, 'border-width': 5 } },
    { selector: 'node.hovered', style: { 'border-color': highlight, 'border-width': 4, 'z-index': 10 } },
    { selector: '.faded', style: { opacity: contrast ? 0.35 : 0.2 } },
    {
      selector: 'edge',
      style: {
        width: contrast ? 2 : 1.5,
        'line-color': edge,
        'target-arrow-color': edge,
        'target-arrow-shape': 'triangle',
        'arrow-scale': 0.8,
        'curve-style': 'bezier',
        opacity: 0.8,
      },
    },
    { selector: 'edge.highlighted', style: { 'line-color': highlight, 'target-arrow-color': highlight, width: 3, opacity: 1, 'z-index': 9 } },
  ];
}
