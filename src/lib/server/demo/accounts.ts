/**
 * Demo accounts, one per role. Their passwords are public (README): they exist only when demo data is loaded,
 * which never happens by default on an external database.
 */
export const DEMO_ACCOUNTS = [
  {
    key: 'admin',
    email: 'admin@demo.bourse-projets.fr',
    password: 'delegation-action-exterieure',
    displayName: 'Délégation (admin)',
    role: 'admin',
  },
  {
    key: 'correspondent',
    email: 'correspondant@demo.bourse-projets.fr',
    password: 'ambassade-dakar-rabat',
    displayName: 'Correspondant Sénégal–Maroc',
    role: 'correspondent',
    countries: ['SN', 'MA'],
  },
  {
    key: 'foreign',
    email: 'mairie@demo-ziguinchor.sn',
    password: 'casamance-partenaires',
    displayName: 'Mairie de Ziguinchor',
    role: 'foreign_authority',
    authority: 'ziguinchor',
  },
  {
    key: 'french',
    email: 'international@demo-lannion.fr',
    password: 'tregor-cooperation',
    displayName: 'Ville de Lannion',
    role: 'french_authority',
    frenchCommune: '22113',
  },
] as const;

/** Communes loaded with the demo, at once (the full list follows in the background: reference-data/on-start.ts). */
export const DEMO_FRENCH_COMMUNES = [
  '22113',
  '35238',
  '69123',
  '73065',
  '81004',
  '51108',
  '44109',
  '75056',
  '33063',
  '13055',
  '31555',
  '34172',
  '67482',
  '59350',
];
