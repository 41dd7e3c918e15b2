import { describe, expect, it } from 'vitest';
import { DAC_CODE_NAMES, DAC_SOURCE, THEMES } from '../../src/lib/reference/index.js';

// Each theme's CRS codes, with the CRS name a reader of the open data will look up. Source: DAC_SOURCE (the
// OECD CRS purpose-code list as replicated by the IATI codelists Sector and SectorCategory).
const EXPECTED: Record<string, Array<[string, string]>> = {
  water_sanitation: [['140', 'Water supply and sanitation']],
  agriculture_food: [
    ['311', 'Agriculture'],
    ['312', 'Forestry'],
    ['313', 'Fishing'],
  ],
  governance: [['151', 'Government and civil society, general']],
  civil_protection: [
    ['152', 'Conflict, peace and security'],
    ['730', 'Reconstruction relief and rehabilitation'],
    ['740', 'Disaster prevention and preparedness'],
  ],
  education_training: [
    ['111', 'Education, level unspecified'],
    ['112', 'Basic education'],
    ['113', 'Secondary education'],
    ['114', 'Post-secondary education'],
  ],
  health: [
    ['121', 'Health, general'],
    ['122', 'Basic health'],
    ['123', 'Non-communicable diseases (NCDs)'],
  ],
  environment_climate: [['410', 'General environment protection']],
  waste: [['14050', 'Waste management/disposal']],
  energy: [
    ['231', 'Energy policy'],
    ['232', 'Energy generation, renewable sources'],
    ['233', 'Energy generation, non-renewable sources'],
    ['234', 'Hybrid energy plants'],
    ['235', 'Nuclear energy plants'],
    ['236', 'Energy distribution'],
  ],
  urban_housing: [
    ['43030', 'Urban development and management'],
    ['16030', 'Housing policy and administrative management'],
    ['16040', 'Low-cost housing'],
  ],
  transport_mobility: [['210', 'Transport and storage']],
  local_economy: [['250', 'Business and other services']],
  tourism: [['332', 'Tourism']],
  culture_heritage: [['16066', 'Culture']],
  youth_sport_citizenship: [
    ['16065', 'Recreation and sport'],
    ['15150', 'Democratic participation and civil society'],
  ],
  gender_equality: [['15170', "Women's rights organisations and movements, and government institutions"]],
  digital: [['220', 'Communications']],
  coastal_territorial: [['430', 'Other multisector']],
};

describe('DAC/CRS codes of the themes', () => {
  it('name their source', () => {
    expect(DAC_SOURCE).toMatch(/CRS/);
    expect(DAC_SOURCE).toMatch(/IATI/);
  });

  it.each(THEMES.map((t) => [t.code, t] as const))('%s maps to checked CRS codes', (code, theme) => {
    const named = theme.dac.map((dac) => [dac, DAC_CODE_NAMES[dac]]);
    expect(named).toEqual(EXPECTED[code]);
  });

  it('covers every theme and no longer uses the wrong codes', () => {
    expect(Object.keys(EXPECTED).sort()).toEqual(THEMES.map((t) => t.code).sort());
    const all = THEMES.flatMap((t) => t.dac);
    expect(all).not.toContain('16062'); // Statistical capacity building
    expect(all).not.toContain('16061'); // reported today as 16066 Culture / 16065 Recreation and sport
  });
});
