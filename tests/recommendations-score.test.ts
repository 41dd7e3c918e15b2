import { describe, expect, it } from 'vitest';
import { scoreMatch, type FrenchProfile, type ListingProfile } from '../src/lib/server/recommendations/score.js';

const commune: FrenchProfile = {
  themes: ['water_sanitation', 'waste'],
  population: 4_000,
  region: 'Bretagne',
  partnerCountries: [],
  partnerAuthorityIds: [],
};
const request: ListingProfile = {
  themes: ['water_sanitation'],
  country: 'SN',
  authorityId: 'a1',
  population: 6_000,
  desiredPartner: {},
  exchangeLanguages: ['fr'],
  originalLanguage: 'fr',
};

describe('scoreMatch', () => {
  it('gives full points for a shared theme, a similar size and French as a common language, with reasons', () => {
    const { score, reasons } = scoreMatch(commune, request);
    expect(reasons.map((r) => r.code).sort()).toEqual(['language', 'size', 'themes']);
    expect(score).toBe(40 + 25 + 10);
    expect(reasons.find((r) => r.code === 'themes')!.detail.themes).toEqual(['water_sanitation']);
  });

  it('ranks a request on the authority themes above one on other themes', () => {
    const other = { ...request, themes: ['tourism'] };
    expect(scoreMatch(commune, request).score).toBeGreaterThan(scoreMatch(commune, other).score);
  });

  it('lowers the size points as sizes diverge, down to nothing beyond a factor 30', () => {
    const near =
      scoreMatch(commune, { ...request, population: 8_000 }).reasons.find((r) => r.code === 'size')?.points ?? 0;
    const far =
      scoreMatch(commune, { ...request, population: 60_000 }).reasons.find((r) => r.code === 'size')?.points ?? 0;
    const huge = scoreMatch(commune, { ...request, population: 2_000_000 }).reasons.find((r) => r.code === 'size');
    expect(near).toBeGreaterThan(far);
    expect(huge).toBeUndefined();
  });

  it('uses the desired partner size when the request states one', () => {
    const wantsSmall = { ...request, population: 500_000, desiredPartner: { populationMax: 5_000 } };
    expect(scoreMatch(commune, wantsSmall).reasons.map((r) => r.code)).toContain('desired_size');
    expect(scoreMatch({ ...commune, population: 50_000 }, wantsSmall).reasons.map((r) => r.code)).not.toContain(
      'desired_size',
    );
  });

  it('rewards the desired French region and existing ties', () => {
    const withRegion = { ...request, desiredPartner: { frenchRegions: ['Bretagne'] } };
    expect(scoreMatch(commune, withRegion).reasons.map((r) => r.code)).toContain('region');
    const tied = { ...commune, partnerAuthorityIds: ['a1'] };
    expect(scoreMatch(tied, request).reasons.map((r) => r.code)).toContain('existing_partner');
    const countryTies = { ...commune, partnerCountries: ['SN'] };
    expect(scoreMatch(countryTies, request).reasons.map((r) => r.code)).toContain('country_ties');
  });

  it('stays within 0–100', () => {
    const everything = scoreMatch(
      { ...commune, partnerAuthorityIds: ['a1'] },
      { ...request, desiredPartner: { frenchRegions: ['Bretagne'], populationMax: 10_000 } },
    );
    expect(everything.score).toBe(100);
    expect(
      scoreMatch(
        { themes: [], population: null, region: null, partnerCountries: [], partnerAuthorityIds: [] },
        { ...request, exchangeLanguages: [], originalLanguage: 'uk' },
      ).score,
    ).toBe(0);
  });
});
