/**
 * Arabic text as the index and the queries both see it. Meilisearch (1.21) guesses each text's language: a long
 * Arabic text is read as Arabic, a one-word query or a synonym often as Persian, and the two normalise letters
 * differently (ي / ی, ك / ک), so "مياه" typed in the search box missed a request titled "مياه الشرب" and a synonym
 * never reached it. `localizedAttributes` does not help: the synonyms are normalised without a locale. So the index
 * carries the Arabic words of each request in one folded form (`arabicText`), queries are folded alike, and so are
 * the Arabic synonyms: every side meets on the same letters whatever language Meilisearch guesses.
 */

/** Arabic-script letters (the Arabic block and its presentation forms). */
const ARABIC = '\u0600-\u06FF\u0750-\u077F\uFB50-\uFDFF\uFE70-\uFEFF';
const ARABIC_WORD = new RegExp(`[${ARABIC}]+`, 'g');
const HAS_ARABIC = new RegExp(`[${ARABIC}]`);

/**
 * One form per word: no diacritics or tatweel, one alef, one yeh, one kaf, ta marbuta as heh, and the article
 * (ال, وال) dropped from words it leaves two letters or more of ("المياه" → "مياه", "الصرف الصحي" → "صرف صحي").
 */
export function foldArabic(text: string): string {
  if (!HAS_ARABIC.test(text)) return text;
  return text
    .normalize('NFKC')
    .replace(/[\u064B-\u065F\u0670\u0640]/g, '')
    .replace(/[أإآٱ]/g, 'ا')
    .replace(/[ىيئ]/g, 'ی')
    .replace(/ك/g, 'ک')
    .replace(/ة/g, 'ه')
    .replace(new RegExp(`(^|[^${ARABIC}])و?ال(?=[${ARABIC}]{2,})`, 'g'), '$1');
}

/** The Arabic words of some texts, folded, in their order (phrases stay phrases): the index's `arabicText`. */
export function arabicWords(texts: ReadonlyArray<string | null | undefined>): string {
  return texts
    .filter((text): text is string => !!text && HAS_ARABIC.test(text))
    .map((text) => (foldArabic(text).match(ARABIC_WORD) ?? []).join(' '))
    .join('\n');
}
