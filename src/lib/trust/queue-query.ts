/**
 * The accounts queues' state lives in the URL (French parameter names, like the other pages): a filtered page can
 * be bookmarked, shared and reloaded, and works without JavaScript.
 */
export interface QueueQuery {
  page: number;
  state: string;
  country: string;
  q: string;
  verifiedOnly: boolean;
  age: string;
}

export function readQueueQuery(params: URLSearchParams): QueueQuery {
  const page = params.get('page');
  return {
    page: page === null || page === '' ? 1 : Number(page),
    state: params.get('etat') || 'pending',
    country: params.get('pays') ?? '',
    q: params.get('q') ?? '',
    verifiedOnly: params.get('verifiees') === '1',
    age: params.get('anciennete') ?? '',
  };
}

/** The query string of a queue page (only what differs from the defaults). */
export function queueSearch(query: Partial<QueueQuery>): string {
  const params = new URLSearchParams();
  if (query.state && query.state !== 'pending') params.set('etat', query.state);
  if (query.country) params.set('pays', query.country);
  if (query.q) params.set('q', query.q);
  if (query.verifiedOnly) params.set('verifiees', '1');
  if (query.age) params.set('anciennete', query.age);
  if (query.page && query.page > 1) params.set('page', String(query.page));
  const text = params.toString();
  return text ? `?${text}` : '';
}
