// The fault tests share the built-app global setup of `npm test` (build once if stale, one private copy).
export { default } from '../setup/built-app.js';
