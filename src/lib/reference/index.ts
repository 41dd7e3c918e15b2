// Reference data as code: shared by the server (validation, search filters) and the pages (labels).
export * from './i18n-label.js';
export * from './countries.js';
export * from './themes.js';
export * from './dac-codes.js';
export * from './forms.js';
export * from './authorities.js';
export * from './languages.js';
export * from './water-basins.js';
export { frenchCountryForms, type FrenchCountryForms } from './country-articles.js';
