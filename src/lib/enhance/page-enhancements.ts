/**
 * The small script of the pages rendered without SvelteKit's client (`csr = false`): the search page and a request
 * page. They are documents that work entirely without JavaScript (GET forms, links, posts); hydrating them cost a
 * phone 32–38 module files and a whole-page hydration, 300–800 ms of blocking time in Lighthouse (issue #18). This
 * adds, on top of the server's page, what JavaScript makes nicer:
 *
 * - the print button (the browser's print dialog) and the extract's date taken when the page goes to paper;
 * - on the search form, results that follow the filters and the words as they change, without reloading the page:
 *   the server renders the page for the new address and the script swaps in its results and filters, keeping the
 *   focus, the scroll and the live region that announces the new count;
 * - on a phone, the filters opened over the results as a modal dialog (without the script a link shows them below).
 *
 * Sent to the browser as its source text (see ./script.ts): it must not refer to anything outside itself.
 */
export function enhancePage(): void {
  const root = document.documentElement;

  // Print: the button waits hidden (keeping its place) until it can work; a swap of the results brings a new one.
  function enablePrint(scope: ParentNode) {
    for (const button of scope.querySelectorAll<HTMLButtonElement>('button[data-print]')) {
      button.classList.remove('waiting');
      button.addEventListener('click', () => window.print());
    }
  }
  enablePrint(document);
  const extractDate = document.querySelector<HTMLElement>('[data-print-date]');
  if (extractDate) {
    const date = () => {
      extractDate.textContent = new Intl.DateTimeFormat(extractDate.dataset.printDate, {
        dateStyle: 'medium',
        timeStyle: 'short',
        timeZone: 'Europe/Paris',
      }).format(new Date());
    };
    window.addEventListener('beforeprint', date);
    // A PDF made without the dialog only switches the media.
    window.matchMedia('print').addEventListener('change', (event) => event.matches && date());
  }

  const form = document.querySelector<HTMLFormElement>('form[data-live-search]');
  if (form) enhanceSearch(form);
  root.dataset.hydrated = 'true';

  function enhanceSearch(form: HTMLFormElement): void {
    const isSearchBox = (target: EventTarget | null) => target instanceof HTMLInputElement && target.type === 'search';
    let timer: ReturnType<typeof setTimeout> | undefined;
    let inFlight: AbortController | undefined;

    function addressOf(): string {
      const params = new URLSearchParams();
      for (const [key, value] of new FormData(form))
        if (typeof value === 'string' && value !== '') params.append(key, value);
      const query = params.toString();
      return new URL(form.action).pathname + (query ? `?${query}` : '');
    }

    // The words wait for a pause in typing (and replace the history entry); a filter applies at once (a new entry).
    form.addEventListener('input', (event) => {
      if (isSearchBox(event.target)) schedule(400, 'replace');
    });
    form.addEventListener('change', (event) => {
      if (!isSearchBox(event.target)) schedule(0, 'push');
    });
    // Enter, or a submit button: a plain navigation, as without JavaScript; nothing pending may pull the page back.
    form.addEventListener('submit', () => {
      clearTimeout(timer);
      inFlight?.abort();
    });
    // Back and forward between the entries written below. A link to an anchor (skip links, "back to the results")
    // also fires popstate, for the page already shown: nothing to fetch then.
    let shown = location.pathname + location.search;
    window.addEventListener('popstate', () => {
      if (location.pathname + location.search !== shown) void show(location.pathname + location.search, 'none');
    });

    function schedule(delay: number, history: 'push' | 'replace') {
      clearTimeout(timer);
      timer = setTimeout(() => void show(addressOf(), history), delay);
    }

    async function show(address: string, history: 'push' | 'replace' | 'none') {
      inFlight?.abort();
      const controller = (inFlight = new AbortController());
      let next: Document;
      try {
        const response = await fetch(address, { headers: { accept: 'text/html' }, signal: controller.signal });
        // Anything but the page itself (a refusal, a redirect to the last page…): let the browser show it.
        if (!response.ok || response.redirected) throw new Error(String(response.status));
        next = new DOMParser().parseFromString(await response.text(), 'text/html');
      } catch {
        if (controller.signal.aborted) return;
        location.assign(address);
        return;
      }
      if (controller.signal.aborted) return;
      if (history === 'push') window.history.pushState(null, '', address);
      else if (history === 'replace') window.history.replaceState(null, '', address);
      shown = address;
      swap(next);
      // Back to an earlier entry: the words are that entry's too (the search box is not swapped, to keep typing).
      const words = next.querySelector<HTMLInputElement>('#q');
      const box = form.querySelector<HTMLInputElement>('#q');
      if (history === 'none' && words && box) box.value = words.value;
    }

    function swap(next: Document) {
      const results = form.querySelector('.results-col');
      const filters = form.querySelector('.filters-col');
      const nextResults = next.querySelector('form[data-live-search] .results-col');
      const nextFilters = next.querySelector('form[data-live-search] .filters-col');
      if (!results || !filters || !nextResults || !nextFilters) return location.reload();
      const focusedId = document.activeElement?.id;
      const scrolled = new Map([...filters.querySelectorAll('fieldset[id]')].map((f) => [f.id, f.scrollTop]));
      // The live region stays the same node (a replaced one is not announced): only its words change.
      const status = results.querySelector('[role="status"]');
      const nextStatus = nextResults.querySelector('[role="status"]');
      if (status && nextStatus) {
        status.replaceChildren(...nextStatus.childNodes);
        nextStatus.replaceWith(status);
      }
      results.replaceChildren(...nextResults.childNodes);
      filters.replaceChildren(...nextFilters.childNodes);
      for (const [id, top] of scrolled) {
        const fieldset = document.getElementById(id);
        if (fieldset) fieldset.scrollTop = top;
      }
      document.title = next.title;
      if (focusedId) document.getElementById(focusedId)?.focus({ preventScroll: true });
      enablePrint(results);
      dialog.refresh();
    }

    const dialog = filtersDialog();

    /**
     * On a phone the "Filtrer" link opens the filters over the page as a modal dialog: the rest is inert, Escape or
     * a close button brings the focus back to the link. Elements marked data-dialog-only show only then.
     */
    function filtersDialog() {
      const panel = form.querySelector<HTMLElement>('.filters-col')!;
      let open = false;
      const outside = () =>
        document.querySelectorAll('.fr-skiplinks, .fr-header, .fr-footer, .search-top, .results-col');
      function refresh() {
        const toggle = form.querySelector<HTMLElement>('.filter-toggle');
        toggle?.setAttribute('role', 'button');
        toggle?.setAttribute('aria-haspopup', 'dialog');
        panel.classList.toggle('open', open);
        if (open) {
          panel.setAttribute('role', 'dialog');
          panel.setAttribute('aria-modal', 'true');
        } else {
          panel.removeAttribute('role');
          panel.removeAttribute('aria-modal');
        }
        for (const element of panel.querySelectorAll<HTMLElement>('[data-dialog-only]')) element.hidden = !open;
        for (const element of panel.querySelectorAll<HTMLElement>('[data-dialog-hides]')) element.hidden = open;
        for (const element of outside()) element.toggleAttribute('inert', open);
        document.body.style.overflow = open ? 'hidden' : '';
      }
      function setOpen(value: boolean) {
        open = value;
        refresh();
        // The link is found again: a swap of the results may have replaced it.
        if (open) panel.focus();
        else form.querySelector<HTMLElement>('.filter-toggle')?.focus();
      }
      form.addEventListener('click', (event) => {
        const target = event.target instanceof Element ? event.target : null;
        const toggle = target?.closest<HTMLElement>('.filter-toggle');
        if (toggle) {
          event.preventDefault();
          setOpen(true);
        } else if (open && target?.closest('[data-close-filters]')) setOpen(false);
      });
      form.addEventListener('keydown', (event) => {
        const target = event.target instanceof Element ? event.target : null;
        // A button opens with the space bar too.
        if (event.key === ' ' && target?.closest('.filter-toggle')) {
          event.preventDefault();
          setOpen(true);
        } else if (open && event.key === 'Escape') setOpen(false);
      });
      refresh();
      return { refresh };
    }
  }
}
