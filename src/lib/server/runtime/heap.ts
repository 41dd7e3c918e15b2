import v8 from 'node:v8';

/**
 * After each full garbage collection V8 lets the old generation grow to `live × factor` before the next one. On a
 * machine with a few GB of memory the factor goes up to 4: with ~90 MB live, a server rendering pages under load
 * piled up to ~300 MB of dead objects between two collections, and the process kept those pages (RSS 390–460 MB
 * over `npm run bench`, ~200 MB when quiet). A fixed factor bounds that pile; the cost is more frequent full
 * collections (measured: BENCHMARKS.md, "Issue #18, stop 5").
 */
export const HEAP_GROWING_PERCENT = 50;

/**
 * Sets the growing factor for this process, unless the operator chose one (`--heap-growing-percent` in
 * NODE_OPTIONS or on the command line). V8 reads the flag whenever it sets the next limit, so setting it once the
 * process runs takes effect from the next collection on (unlike the heap size flags, fixed at start).
 */
export function boundHeapGrowth(): void {
  const given = `${process.env.NODE_OPTIONS ?? ''} ${process.execArgv.join(' ')}`;
  if (/heap[-_]growing[-_]percent/.test(given)) return;
  v8.setFlagsFromString(`--heap-growing-percent=${HEAP_GROWING_PERCENT}`);
}
