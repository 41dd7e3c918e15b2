import { countryName, findTheme, type Locale } from '$lib/reference';
import { formatDate, formatRelativeDays, m } from '$lib/i18n';
import type { FitPath, FitReason } from '$lib/server/cofinancing/fit';
import type { SupportContact } from '$lib/server/cofinancing/support';

/** A co-financing path as the page shows it: sentences in the reader's language, nothing left to compute. */
export interface PathView {
  id: string;
  name: string;
  funder: string;
  kind: string;
  url: string;
  rate: string | null;
  deadline: string;
  urgent: boolean;
  datesToConfirm: boolean;
  reasons: string[];
}

const KIND: Record<string, () => string> = {
  call_for_projects: m.cofinancing_kind_call_for_projects,
  facility: m.cofinancing_kind_facility,
  one_percent: m.cofinancing_kind_one_percent,
  crisis_fund: m.cofinancing_kind_crisis_fund,
  eu: m.cofinancing_kind_eu,
};
const APPLICANT: Record<string, () => string> = {
  commune: m.cofinancing_applicant_commune,
  epci: m.cofinancing_applicant_epci,
  syndicat: m.cofinancing_applicant_syndicat,
  departement: m.cofinancing_applicant_departement,
  region: m.cofinancing_applicant_region,
};

export function reasonText(reason: FitReason, locale: Locale): string {
  switch (reason.code) {
    case 'country':
      return m.cofinancing_reason_country({ country: countryName(reason.country, locale) });
    case 'any_country':
      return m.cofinancing_reason_any_country();
    case 'themes':
      return m.cofinancing_reason_themes({
        themes: reason.themes.map((t) => findTheme(t)?.name[locale] ?? t).join(', '),
      });
    case 'any_theme':
      return m.cofinancing_reason_any_theme();
    case 'basin':
      return reason.shared
        ? m.cofinancing_reason_basin_shared({ departement: reason.departement })
        : m.cofinancing_reason_basin({ departement: reason.departement });
    case 'applicant':
      return m.cofinancing_reason_applicant({ type: APPLICANT[reason.type]?.() ?? reason.type });
  }
}

export function describePath(path: FitPath, locale: Locale): PathView {
  const p = path.programme;
  const deadline =
    path.status === 'upcoming' && p.opensOn
      ? m.cofinancing_opens({ date: formatDate(p.opensOn, locale) })
      : p.closesOn && path.closesInDays !== null
        ? m.cofinancing_closes({
            date: formatDate(p.closesOn, locale),
            relative: formatRelativeDays(-path.closesInDays, locale),
          })
        : p.kind === 'one_percent'
          ? m.cofinancing_no_deadline()
          : m.cofinancing_calendar_see_site();
  return {
    id: p.id,
    name: p.name,
    funder: p.funder,
    kind: KIND[p.kind]?.() ?? p.kind,
    url: p.officialUrl,
    rate: p.maxRatePercent ? m.cofinancing_rate({ rate: String(p.maxRatePercent) }) : null,
    deadline,
    urgent: path.status === 'open' && path.closesInDays !== null && path.closesInDays <= 14,
    datesToConfirm: p.datesToConfirm && (p.opensOn !== null || p.closesOn !== null),
    reasons: path.reasons.map((r) => reasonText(r, locale)),
  };
}

export interface SupportView {
  region: string | null;
  contacts: Array<Pick<SupportContact, 'id' | 'kind' | 'name' | 'website' | 'email' | 'address'>>;
}

export const describeSupport = (region: string | null, contacts: SupportContact[]): SupportView => ({
  region,
  contacts: contacts.map(({ id, kind, name, website, email, address }) => ({
    id,
    kind,
    name,
    website,
    email,
    address,
  })),
});
