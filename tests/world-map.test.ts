import { describe, expect, it } from 'vitest';
import { geoEqualEarth, geoPath } from 'd3-geo';
import { feature } from 'topojson-client';
import type { GeometryCollection, Topology } from 'topojson-specification';
import world from 'world-atlas/countries-110m.json';
import { compactPath } from '../src/lib/server/map/compact-path.js';
import { worldShapes } from '../src/lib/server/map/world-map.js';

type Point = [number, number];

/** Reads an SVG path of M/L/Z commands, absolute or relative, with implicit repetitions: the subpaths' points. */
function subpaths(d: string): Point[][] {
  const tokens = d.match(/[MLZmlz]|-?(?:\d+\.?\d*|\.\d+)(?:e[-+]?\d+)?/g) ?? [];
  const result: Point[][] = [];
  let command = '';
  let x = 0;
  let y = 0;
  let start: Point = [0, 0];
  for (let i = 0; i < tokens.length;) {
    const token = tokens[i]!;
    if (/[a-z]/i.test(token)) {
      command = token;
      i++;
      if (command === 'z' || command === 'Z') {
        [x, y] = start;
      }
      continue;
    }
    const a = Number(tokens[i]);
    const b = Number(tokens[i + 1]);
    i += 2;
    const relative = command === command.toLowerCase();
    x = relative ? x + a : a;
    y = relative ? y + b : b;
    if (command === 'M' || command === 'm') {
      start = [x, y];
      result.push([[x, y]]);
      command = relative ? 'l' : 'L';
    } else {
      result.at(-1)!.push([x, y]);
    }
  }
  return result;
}

describe('the world map on the home page', () => {
  it('draws every border point within half a unit of the projection, in far fewer bytes', () => {
    const topology = world as unknown as Topology<{ countries: GeometryCollection<{ name: string }> }>;
    const path = geoPath(geoEqualEarth().fitWidth(960, feature(topology, topology.objects.countries)));
    let before = 0;
    let after = 0;
    for (const country of feature(topology, topology.objects.countries).features) {
      const exact = path(country);
      if (!exact) continue;
      const compact = compactPath(exact);
      before += exact.length;
      after += compact.length;
      const original = subpaths(exact);
      const drawn = subpaths(compact);
      expect(drawn.length, country.properties.name).toBe(original.length);
      original.forEach((points, s) => {
        // Each original point lies within half a unit (rounding) of the drawn point it became.
        const kept = drawn[s]!;
        let k = 0;
        for (const [px, py] of points) {
          while (k < kept.length && (Math.abs(kept[k]![0] - px) > 0.5 || Math.abs(kept[k]![1] - py) > 0.5)) k++;
          expect(k, `${country.properties.name}: point ${px},${py} lost`).toBeLessThan(kept.length);
        }
      });
    }
    expect(after).toBeLessThan(before * 0.4);
  });

  it('closes a ring and starts the next one from where the ring began (relative moves after "z")', () => {
    const d = 'M10.2,10.4L20.6,10.4L20.6,20.5Z M30,30L40,30L40,40Z';
    expect(subpaths(compactPath(d))).toEqual([
      [
        [10, 10],
        [21, 10],
        [21, 21],
      ],
      [
        [30, 30],
        [40, 30],
        [40, 40],
      ],
    ]);
  });

  it('gives the home page a compact path for every country', () => {
    const shapes = worldShapes();
    expect(shapes.countries.length).toBeGreaterThan(150);
    // Relative integer moves only: no decimals, no absolute commands.
    expect(shapes.countries.find((c) => c.code === 'SN')?.d).toMatch(/^m\d+ \d+[-\d lmz]+z$/);
  });
});
