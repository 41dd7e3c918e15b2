/**
 * The OECD-DAC CRS codes the themes use, with their CRS names: 3-digit codes are sector categories, 5-digit codes
 * purpose codes. Checked against the CRS purpose-code list as the IATI standard replicates it (codelists "Sector"
 * and "SectorCategory", github.com/IATI/IATI-Codelists-NonEmbedded, xml/Sector.xml and xml/SectorCategory.xml,
 * whose metadata points to oecd.org/dac/stats/dacandcrscodelists.htm).
 *
 * Codes deliberately not used: 16062 is "Statistical capacity building" (an earlier mapping used it for youth and
 * sport); 16061 "Culture and recreation" is the undivided code that CRS now reports as 16066 (Culture) and 16065
 * (Recreation and sport).
 */
export const DAC_SOURCE =
  'OECD DAC CRS purpose codes, via IATI codelists Sector/SectorCategory (IATI-Codelists-NonEmbedded)';

export const DAC_CODE_NAMES: Readonly<Record<string, string>> = {
  '111': 'Education, level unspecified',
  '112': 'Basic education',
  '113': 'Secondary education',
  '114': 'Post-secondary education',
  '121': 'Health, general',
  '122': 'Basic health',
  '123': 'Non-communicable diseases (NCDs)',
  '140': 'Water supply and sanitation',
  '14050': 'Waste management/disposal',
  '151': 'Government and civil society, general',
  '15150': 'Democratic participation and civil society',
  '15170': "Women's rights organisations and movements, and government institutions",
  '152': 'Conflict, peace and security',
  '16030': 'Housing policy and administrative management',
  '16040': 'Low-cost housing',
  '16065': 'Recreation and sport',
  '16066': 'Culture',
  '210': 'Transport and storage',
  '220': 'Communications',
  '231': 'Energy policy',
  '232': 'Energy generation, renewable sources',
  '233': 'Energy generation, non-renewable sources',
  '234': 'Hybrid energy plants',
  '235': 'Nuclear energy plants',
  '236': 'Energy distribution',
  '250': 'Business and other services',
  '311': 'Agriculture',
  '312': 'Forestry',
  '313': 'Fishing',
  '332': 'Tourism',
  '410': 'General environment protection',
  '430': 'Other multisector',
  '43030': 'Urban development and management',
  '730': 'Reconstruction relief and rehabilitation',
  '740': 'Disaster prevention and preparedness',
};
