import { describe, expect, it } from 'vitest';
import type { Page } from 'playwright-core';
import type { Config } from '../../src/lib/server/config.js';
import { listOutbox, type OutboxMail } from '../../src/lib/server/mail/outbox.js';
import { DEMO, screenshot, seriousViolations, signIn, useBrowserApp } from './harness.js';

// The done-when of issue 15, in the browser against the built app: a foreign author who reads Spanish submits a
// request; the correspondent receives the mail, follows its link and decides (changes first, then publication); each
// time the author receives the decision in Spanish, with a /es/ link that opens the request in Spanish.
const app = useBrowserApp();
const title = `Agua potable para las escuelas de Ziguinchor ${Date.now().toString(36)}`;
let listingId = '';

/** The mail to `to` whose subject matches, once the job queue has delivered it (the app's outbox directory). */
async function mailTo(to: string, subject: RegExp): Promise<OutboxMail> {
  let found: OutboxMail | undefined;
  await expect
    .poll(
      async () => {
        const mails = await listOutbox({ dataDir: app.dataDir } as Config, 500);
        found = mails.find((m) => m.to.includes(to) && subject.test(m.subject));
        return Boolean(found);
      },
      { timeout: 90_000, interval: 500 },
    )
    .toBe(true);
  return found!;
}

/** The link of a mail's button (its HTML part) — what a reader clicks. */
function buttonLink(mail: OutboxMail): string {
  const match = /<a href="([^"]+)" style="display:inline-block/.exec(mail.html ?? '');
  expect(match, `no button in ${mail.subject}`).not.toBeNull();
  return match![1]!.replace(/&amp;/g, '&');
}

/** Opens a mail's link in the reader's browser: the link carries the public origin, the browser the test's one. */
async function follow(page: Page, link: string) {
  const url = new URL(link);
  await page.goto(url.pathname + url.search);
}

async function renderMail(mail: OutboxMail, name: string) {
  const page = await app.page({ javaScript: false });
  await page.setContent(mail.html!);
  await screenshot(page, name);
  await page.close();
}

describe.sequential('a Spanish-speaking author and the correspondent, told at each step', { timeout: 400_000 }, () => {
  let author: Page;
  let correspondent: Page;

  it('the author chooses Spanish as their language and writes and submits a request in Spanish', async () => {
    author = await app.page();
    await signIn(author, DEMO.foreign.email, DEMO.foreign.password, '/compte');
    await author.locator('#locale').selectOption('es');
    await author.locator('form[action="?/profile"] button[type=submit]').click();
    await author.waitForLoadState('networkidle');
    await expect
      .poll(async () => {
        await author.goto('/es/compte');
        return author.locator('#locale').inputValue();
      })
      .toBe('es');

    await author.goto('/es/mes-demandes/nouvelle');
    await author.locator('#title').fill(title);
    await author.locator('#summary').fill('Equipar diez escuelas con pozos solares y formar a los comités de gestión.');
    await author.locator('input[name=themes][value=water_sanitation]').check({ force: true });
    await author.getByRole('button', { name: 'Crear el borrador y continuar' }).click();
    await author.waitForURL(/\/es\/mes-demandes\/[0-9a-f-]{36}\/modifier\?etape=2/);
    listingId = author.url().match(/[0-9a-f-]{36}/)![0];
    await author.locator('#context').fill('Diez escuelas de los barrios periféricos no tienen agua corriente.');
    await author.getByRole('button', { name: 'Guardar y continuar' }).click();
    await author.waitForURL(/etape=3/);
    await author.locator('input[name=forms]').first().check({ force: true });
    await author.locator('#durationMonths').fill('24');
    await author.getByRole('button', { name: 'Guardar y continuar' }).click();
    await author.waitForURL(/etape=4/);
    await author.locator('#technicalContact-name').fill('Awa Diatta');
    await author.locator('#technicalContact-email').fill('awa.diatta@demo-ziguinchor.sn');
    await author.getByRole('button', { name: 'Guardar y continuar' }).click();
    await author.waitForURL(/etape=5/);
    await author.getByRole('button', { name: 'Enviar a la embajada para su moderación' }).click();
    await author.waitForURL(new RegExp(`/es/mes-demandes/${listingId}\\?envoyee=1`));
    expect(await author.locator('[data-status]').first().textContent()).toBe('En espera de moderación');

    // The receipt, in Spanish.
    const receipt = await mailTo(DEMO.foreign.email, new RegExp(`^Solicitud enviada: ${title}`));
    expect(receipt.text).toContain(`/es/mes-demandes/${listingId}`);
  });

  it('the correspondent receives the mail in French, follows its link and asks for changes', async () => {
    const mail = await mailTo(DEMO.correspondent.email, new RegExp(`^Nouvelle demande à modérer\u00a0: ${title}`));
    expect(mail.text).toContain('Bonjour');
    const link = buttonLink(mail);
    expect(new URL(link).pathname).toBe(`/moderation/${listingId}`);
    await renderMail(mail, 'mail-fr-correspondent-new-request');

    correspondent = await app.page();
    await signIn(correspondent, DEMO.correspondent.email, DEMO.correspondent.password);
    await follow(correspondent, link);
    expect(await correspondent.locator('h1').textContent()).toContain(title);
    await correspondent.locator('#decision-request_changes').check({ force: true });
    await correspondent.locator('#comment').fill('Indiquez le nombre d’élèves concernés.');
    await correspondent.getByRole('button', { name: 'Enregistrer la décision' }).click();
    await correspondent.waitForURL(/\/moderation\?decision=request_changes/);
  });

  it('the author receives "changes requested" in Spanish; its /es/ link opens the request in Spanish with the comment', async () => {
    const mail = await mailTo(DEMO.foreign.email, new RegExp(`^Cambios solicitados: ${title}`));
    expect(mail.text).toContain('> Indiquez le nombre d’élèves concernés.');
    const link = buttonLink(mail);
    expect(new URL(link).pathname).toBe(`/es/mes-demandes/${listingId}`);
    expect(mail.html).toContain('lang="es"');
    await renderMail(mail, 'mail-es-changes-requested');

    await follow(author, link);
    expect(new URL(author.url()).pathname).toBe(`/es/mes-demandes/${listingId}`);
    expect(await author.locator('html').getAttribute('lang')).toBe('es');
    expect(await author.locator('[data-status]').first().textContent()).toBe('Cambios solicitados');
    expect(await author.locator('main').textContent()).toContain('Indiquez le nombre d’élèves concernés.');

    // The author answers: resubmits from the preview step.
    await author.goto(`/es/mes-demandes/${listingId}/modifier?etape=2`);
    await author.locator('#context').fill('Diez escuelas (4 200 alumnos) de los barrios periféricos no tienen agua.');
    await author.getByRole('button', { name: 'Guardar el borrador' }).click();
    await expect.poll(() => author.locator('[role=status]').first().textContent()).toBeTruthy();
    await author.goto(`/es/mes-demandes/${listingId}/modifier?etape=5`);
    await author.getByRole('button', { name: 'Enviar a la embajada para su moderación' }).click();
    await author.waitForURL(/envoyee=1/);
  });

  it('the correspondent publishes; the author receives "published" in Spanish and its link opens the request', async () => {
    await correspondent.goto(`/moderation/${listingId}`);
    await correspondent.locator('#decision-approve').check({ force: true });
    await correspondent.getByRole('button', { name: 'Enregistrer la décision' }).click();
    await correspondent.waitForURL(/\/moderation\?decision=approve/);

    const mail = await mailTo(DEMO.foreign.email, new RegExp(`^Solicitud publicada: ${title}`));
    expect(mail.text).toContain('Hola, ');
    expect(mail.text).toContain(`«${title}» está publicada`);
    const link = buttonLink(mail);
    expect(new URL(link).pathname).toBe(`/es/mes-demandes/${listingId}`);
    await renderMail(mail, 'mail-es-published');
    await follow(author, link);
    expect(await author.locator('html').getAttribute('lang')).toBe('es');
    expect(await author.locator('[data-status]').first().textContent()).toBe('Publicada');
  });

  it('the notice list in Spanish: the header counts the unread ones, each notice opens its page in Spanish', async () => {
    await author.goto('/es/notifications');
    expect(await author.locator('h1').textContent()).toContain('Notificaciones');
    const items = author.locator('main li');
    const texts = (await items.allTextContents()).join('\n');
    expect(texts).toContain(title);
    expect(texts).toMatch(/publicada/);
    expect(texts).toMatch(/cambios/i);
    await screenshot(author, 'notices-es');
    expect(await seriousViolations(author)).toEqual([]);
    await author.locator('main li a').first().click();
    await author.waitForURL(new RegExp(`/es/mes-demandes/${listingId}`));
  });
});

describe.sequential('the admin’s correspondents page', { timeout: 300_000 }, () => {
  let admin: Page;
  const row = (email: string) => admin.locator(`tr[data-staff="${email}"]`);

  it('works without JavaScript: the coverage table follows the countries given to a correspondent', async () => {
    admin = await app.page({ javaScript: false });
    await signIn(admin, DEMO.admin.email, DEMO.admin.password, '/admin/correspondants');
    expect(await admin.locator('tr[data-country]').count()).toBeGreaterThan(0);
    expect(await admin.locator('tr[data-country=SN]').count()).toBe(0);
    await screenshot(admin, 'admin-correspondents');

    // Senegal taken away from the demo correspondent: its requests show in the coverage table.
    await row(DEMO.correspondent.email).locator('summary').click();
    await row(DEMO.correspondent.email)
      .locator('select[name=countries]')
      .selectOption([{ label: 'Maroc' }]);
    await row(DEMO.correspondent.email).getByRole('button', { name: 'Enregistrer les pays' }).click();
    await expect
      .poll(() => admin.locator('[role=status]').first().textContent())
      .toMatch(/Pays enregistrés\s:\sMaroc\./);
    expect(await admin.locator('tr[data-country=SN] th').textContent()).toBe('Sénégal');
    expect(await row(DEMO.correspondent.email).locator('td').nth(2).textContent()).toContain('Maroc');

    // Given back, chosen by name.
    await row(DEMO.correspondent.email).locator('summary').click();
    await row(DEMO.correspondent.email)
      .locator('select[name=countries]')
      .selectOption([{ label: 'Maroc' }, { label: 'Sénégal' }]);
    await row(DEMO.correspondent.email).getByRole('button', { name: 'Enregistrer les pays' }).click();
    await expect
      .poll(() => admin.locator('[role=status]').first().textContent())
      .toMatch(/Pays enregistrés\s:\sMaroc, Sénégal\./);
    expect(await admin.locator('tr[data-country=SN]').count()).toBe(0);
  });

  it('disables and enables a correspondent', async () => {
    await row(DEMO.correspondent.email)
      .getByRole('button', { name: /^Désactiver/ })
      .click();
    await expect.poll(() => row(DEMO.correspondent.email).locator('td').nth(3).textContent()).toBe('Désactivé');
    await row(DEMO.correspondent.email)
      .getByRole('button', { name: /^Réactiver/ })
      .click();
    await expect.poll(() => row(DEMO.correspondent.email).locator('td').nth(3).textContent()).toBe('Actif');
  });

  it('invites a correspondent for countries chosen by name; resends and revokes the invitation', async () => {
    await admin.locator('#email').fill('nouveau.correspondant@diplomatie.example.fr');
    await admin.locator('#invite-countries').selectOption([{ label: 'Colombie' }, { label: 'Pérou' }]);
    await admin
      .getByRole('button', { name: 'Envoyer l’invitation' })
      .or(admin.getByRole('button', { name: "Envoyer l'invitation" }))
      .click();
    const invitation = admin.locator('tr[data-invitation="nouveau.correspondant@diplomatie.example.fr"]');
    await expect.poll(() => invitation.count()).toBe(1);
    expect(await invitation.locator('td').nth(1).textContent()).toBe('Colombie, Pérou');
    const first = await mailTo('nouveau.correspondant@diplomatie.example.fr', /^Invitation de /);
    expect(first.text).toContain('pour\u00a0: Colombie, Pérou.');
    expect(first.text).toContain('valable 7 jours');
    expect(first.subject).not.toMatch(/Bourse-projets.*Bourse-projets/);

    await invitation.getByRole('button', { name: /^Renvoyer/ }).click();
    await expect
      .poll(
        async () =>
          (await listOutbox({ dataDir: app.dataDir } as Config, 500)).filter((m) =>
            m.to.includes('nouveau.correspondant'),
          ).length,
      )
      .toBe(2);
    await invitation.getByRole('button', { name: /^Annuler/ }).click();
    await expect.poll(() => invitation.count()).toBe(0);
    expect(await admin.locator('[role=status]').first().textContent()).toContain('Invitation annulée');
    // Neither link creates an account any more.
    for (const mail of (await listOutbox({ dataDir: app.dataDir } as Config, 500)).filter((m) =>
      m.to.includes('nouveau.correspondant'),
    )) {
      const token = /\/invitation\/([a-z2-7]+)/.exec(mail.text)![1];
      const res = await admin.request.get(`/api/v1/auth/invitations/${token}`);
      expect(res.status()).toBe(400);
    }
  });
});
