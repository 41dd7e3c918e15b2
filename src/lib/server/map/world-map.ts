import { geoEqualEarth, geoPath } from 'd3-geo';
import countries from 'i18n-iso-countries';
import { feature } from 'topojson-client';
import type { GeometryCollection, Topology } from 'topojson-specification';
import world from 'world-atlas/countries-110m.json';
import { compactPath } from './compact-path';

export interface CountryShape {
  /** ISO 3166-1 alpha-2, or null for the few Natural Earth shapes without one (e.g. disputed areas). */
  code: string | null;
  d: string;
}
export interface WorldShapes {
  viewBox: string;
  countries: CountryShape[];
}

let cached: WorldShapes | null = null;

/**
 * The world as SVG paths (Natural Earth 1:110m, Equal Earth projection), computed once per process: pages only
 * choose the colours. No tile server, nothing fetched by the browser.
 */
export function worldShapes(): WorldShapes {
  if (cached) return cached;
  const topology = world as unknown as Topology<{ countries: GeometryCollection<{ name: string }> }>;
  const all = feature(topology, topology.objects.countries);
  const land = { ...all, features: all.features.filter((f) => f.properties.name !== 'Antarctica') };
  const width = 960;
  const projection = geoEqualEarth().fitWidth(width, land);
  const path = geoPath(projection);
  const [[, top], [, bottom]] = path.bounds(land);
  cached = {
    viewBox: `0 ${Math.floor(top)} ${width} ${Math.ceil(bottom - top)}`,
    countries: land.features
      .map((f) => ({
        code: f.id === undefined ? null : (countries.numericToAlpha2(String(f.id)) ?? null),
        d: compactPath(path(f) ?? ''),
      }))
      .filter((s) => s.d !== ''),
  };
  return cached;
}
