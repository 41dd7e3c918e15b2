/** Foreign local authorities of the demo: real places, invented requests. Unverified ones show the verification step. */
export interface DemoAuthority {
  key: string;
  name: string;
  type: 'municipality' | 'intercommunal' | 'province' | 'region';
  country: string;
  region: string;
  population: number;
  latitude: number;
  longitude: number;
  languages: string[];
  website?: string;
  existingPartners?: string;
  verified: boolean;
}

export const DEMO_AUTHORITIES: readonly DemoAuthority[] = [
  { key: 'ziguinchor', name: 'Commune de Ziguinchor', type: 'municipality', country: 'SN', region: 'Ziguinchor', population: 205_294, latitude: 12.5681, longitude: -16.2719, languages: ['fr', 'wo'], verified: true },
  { key: 'podor', name: 'Commune de Podor', type: 'municipality', country: 'SN', region: 'Saint-Louis', population: 15_500, latitude: 16.6523, longitude: -14.9589, languages: ['fr', 'wo'], verified: true },
  { key: 'chefchaouen', name: 'Commune de Chefchaouen', type: 'municipality', country: 'MA', region: 'Tanger-Tétouan-Al Hoceïma', population: 42_786, latitude: 35.1688, longitude: -5.2636, languages: ['ar', 'fr'], verified: true },
  { key: 'essaouira', name: "Commune d'Essaouira", type: 'municipality', country: 'MA', region: 'Marrakech-Safi', population: 77_966, latitude: 31.5085, longitude: -9.7595, languages: ['ar', 'fr'], verified: false },
  { key: 'sidibousaid', name: 'Commune de Sidi Bou Saïd', type: 'municipality', country: 'TN', region: 'Tunis', population: 5_911, latitude: 36.8687, longitude: 10.3416, languages: ['ar', 'fr'], verified: true },
  { key: 'abomey', name: "Commune d'Abomey", type: 'municipality', country: 'BJ', region: 'Zou', population: 92_266, latitude: 7.1829, longitude: 1.9912, languages: ['fr'], existingPartners: 'Albi (jumelage historique, peu actif)', verified: true },
  { key: 'fianarantsoa', name: 'Commune urbaine de Fianarantsoa', type: 'municipality', country: 'MG', region: 'Haute Matsiatra', population: 190_318, latitude: -21.4527, longitude: 47.0857, languages: ['mg', 'fr'], verified: true },
  { key: 'dschang', name: 'Commune de Dschang', type: 'municipality', country: 'CM', region: 'Ouest', population: 120_000, latitude: 5.4446, longitude: 10.0532, languages: ['fr', 'en'], existingPartners: 'Nantes (échanges universitaires)', verified: true },
  { key: 'bobo', name: 'Commune de Bobo-Dioulasso', type: 'municipality', country: 'BF', region: 'Hauts-Bassins', population: 903_887, latitude: 11.1771, longitude: -4.2979, languages: ['fr'], existingPartners: 'Châlons-en-Champagne', verified: true },
  { key: 'byblos', name: 'Municipalité de Jbeil-Byblos', type: 'municipality', country: 'LB', region: 'Mont-Liban', population: 40_000, latitude: 34.1211, longitude: 35.6481, languages: ['ar', 'fr', 'en'], verified: true },
  { key: 'chernivtsi', name: 'Chernivtsi City Council', type: 'municipality', country: 'UA', region: 'Chernivtsi Oblast', population: 264_298, latitude: 48.2917, longitude: 25.9352, languages: ['uk', 'en', 'ro'], verified: true },
  { key: 'gyumri', name: 'Gyumri Municipality', type: 'municipality', country: 'AM', region: 'Shirak', population: 112_200, latitude: 40.7894, longitude: 43.8475, languages: ['hy', 'en', 'ru'], verified: true },
  { key: 'kutaisi', name: 'Kutaisi City Hall', type: 'municipality', country: 'GE', region: 'Imereti', population: 130_400, latitude: 42.2679, longitude: 42.6946, languages: ['ka', 'en'], verified: true },
  { key: 'hue', name: 'Thừa Thiên Huế Provincial People’s Committee', type: 'province', country: 'VN', region: 'Thừa Thiên Huế', population: 1_160_000, latitude: 16.4637, longitude: 107.5909, languages: ['vi', 'en', 'fr'], verified: true },
  { key: 'siemreap', name: 'Siem Reap Provincial Administration', type: 'province', country: 'KH', region: 'Siem Reap', population: 1_014_234, latitude: 13.3633, longitude: 103.8564, languages: ['km', 'en', 'fr'], verified: true },
  { key: 'cuenca', name: 'GAD Municipal de Cuenca', type: 'municipality', country: 'EC', region: 'Azuay', population: 596_101, latitude: -2.9001, longitude: -79.0059, languages: ['es'], verified: true },
  { key: 'cusco', name: 'Municipalidad Provincial del Cusco', type: 'municipality', country: 'PE', region: 'Cusco', population: 428_450, latitude: -13.5319, longitude: -71.9675, languages: ['es'], verified: true },
  { key: 'oaxaca', name: 'Municipio de Oaxaca de Juárez', type: 'municipality', country: 'MX', region: 'Oaxaca', population: 270_955, latitude: 17.0732, longitude: -96.7266, languages: ['es'], verified: true },
  { key: 'jacmel', name: 'Mairie de Jacmel', type: 'municipality', country: 'HT', region: 'Sud-Est', population: 40_000, latitude: 18.2342, longitude: -72.5347, languages: ['fr', 'ht'], verified: true },
];
