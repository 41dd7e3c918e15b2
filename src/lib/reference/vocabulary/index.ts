import type { ThemeVocabulary } from './types.js';
import { vocabulary as agricultureFood } from './agriculture-food.js';
import { vocabulary as civilProtection } from './civil-protection.js';
import { vocabulary as coastalTerritorial } from './coastal-territorial.js';
import { vocabulary as cultureHeritage } from './culture-heritage.js';
import { vocabulary as digital } from './digital.js';
import { vocabulary as educationTraining } from './education-training.js';
import { vocabulary as energy } from './energy.js';
import { vocabulary as environmentClimate } from './environment-climate.js';
import { vocabulary as genderEquality } from './gender-equality.js';
import { vocabulary as governance } from './governance.js';
import { vocabulary as health } from './health.js';
import { vocabulary as localEconomy } from './local-economy.js';
import { vocabulary as tourism } from './tourism.js';
import { vocabulary as transportMobility } from './transport-mobility.js';
import { vocabulary as urbanHousing } from './urban-housing.js';
import { vocabulary as waste } from './waste.js';
import { vocabulary as waterSanitation } from './water-sanitation.js';
import { vocabulary as youthSportCitizenship } from './youth-sport-citizenship.js';

export * from './types.js';

/** Every theme's vocabulary, one reviewed file per theme: the search synonyms are generated from them. */
export const THEME_VOCABULARIES: readonly ThemeVocabulary[] = [
  agricultureFood,
  civilProtection,
  coastalTerritorial,
  cultureHeritage,
  digital,
  educationTraining,
  energy,
  environmentClimate,
  genderEquality,
  governance,
  health,
  localEconomy,
  tourism,
  transportMobility,
  urbanHousing,
  waste,
  waterSanitation,
  youthSportCitizenship,
];
