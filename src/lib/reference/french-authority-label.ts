import type { Locale } from './i18n-label.js';

/** The kind of collectivité as a common noun, for "Brest (29) — commune". */
const NOUNS: Record<string, Record<Locale, string>> = {
  commune: { fr: 'commune', en: 'commune', es: 'municipio', pt: 'município', ar: 'بلدية', uk: 'комуна' },
  epci: {
    fr: 'intercommunalité',
    en: 'intercommunality',
    es: 'mancomunidad',
    pt: 'intermunicipalidade',
    ar: 'تجمع بلديات',
    uk: 'міжмуніципальне об’єднання',
  },
  departement: {
    fr: 'département',
    en: 'département',
    es: 'departamento',
    pt: 'departamento',
    ar: 'مقاطعة',
    uk: 'департамент',
  },
  region: { fr: 'région', en: 'region', es: 'región', pt: 'região', ar: 'جهة', uk: 'регіон' },
};

export interface FrenchAuthorityNaming {
  name: string;
  type: string;
  officialCode: string | null;
  /** Communes: "Finistère (29)". */
  departement: string | null;
}

/** The département number of a commune: from its département label, else from its INSEE code (971… overseas). */
function departementNumber(a: FrenchAuthorityNaming): string | null {
  const fromLabel = a.departement ? /\(([0-9AB]{2,3})\)\s*$/i.exec(a.departement)?.[1] : undefined;
  if (fromLabel) return fromLabel;
  const code = a.officialCode ?? '';
  if (!/^[0-9][0-9AB][0-9]{3}$/i.test(code)) return null;
  return code.startsWith('97') ? code.slice(0, 3) : code.slice(0, 2);
}

/**
 * How a person recognises their collectivité in a list: "Brest (29) — commune", "Finistère (29) — département",
 * "Bretagne — région" — never raw codes such as "REG-53".
 */
export function frenchAuthorityLabel(a: FrenchAuthorityNaming, locale: Locale): string {
  const noun = NOUNS[a.type]?.[locale] ?? a.type;
  const number =
    a.type === 'commune'
      ? departementNumber(a)
      : a.type === 'departement' && a.officialCode && /^[0-9][0-9AB]{1,2}$/i.test(a.officialCode)
        ? a.officialCode
        : null;
  return `${a.name}${number ? ` (${number})` : ''} — ${noun}`;
}
