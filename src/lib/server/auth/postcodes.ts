import { readFileSync } from 'node:fs';
import { createRequire } from 'node:module';

let byPostcode: Map<string, string[]> | null = null;

/**
 * INSEE codes of the communes a postcode serves (one postcode can serve several communes, and a city several
 * postcodes). The authorities table keeps INSEE codes only; the official data ships the postcodes, read once.
 */
export function communesForPostcode(postcode: string): string[] {
  if (!byPostcode) {
    const file = createRequire(import.meta.url).resolve('@etalab/decoupage-administratif/data/communes.json');
    const communes = JSON.parse(readFileSync(file, 'utf8')) as Array<{
      code: string;
      type: string;
      codesPostaux?: string[];
    }>;
    byPostcode = new Map();
    for (const commune of communes) {
      if (commune.type !== 'commune-actuelle') continue;
      for (const postcode of commune.codesPostaux ?? [])
        byPostcode.set(postcode, [...(byPostcode.get(postcode) ?? []), commune.code]);
    }
  }
  return byPostcode.get(postcode) ?? [];
}
