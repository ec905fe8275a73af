// Browser tests: real Chromium driven by playwright-core against the real silo on a fresh database.
import { chromium } from 'playwright-core';
import { mkdirSync, rmSync } from 'node:fs';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { ADMIN, startSilo } from './silo.mjs';
import { createRun, expect } from './harness.mjs';
import { makePng } from './png.mjs';

const here = dirname(fileURLToPath(import.meta.url));
const frontend = resolve(here, '..');
const output = join(frontend, 'test-results');
rmSync(join(output, 'screenshots'), { recursive: true, force: true });
mkdirSync(output, { recursive: true });

const CHROMIUM_ARGS = ['--headless', '--no-sandbox', '--disable-gpu', '--disable-background-networking',
  '--disable-component-update', '--no-first-run', '--disable-sync', '--disable-quic'];
const WAIT = 15_000;
const reportArgument = process.argv.indexOf('--output');
const reportFile = reportArgument > 0 ? resolve(process.argv[reportArgument + 1]) : join(output, 'browser.json');
const run = createRun(output);
const { step, screenshot, accessible } = run;

const stamp = Date.now().toString(36);
const seller = { name: 'Sophie Vendeuse', email: `sophie-${stamp}@e2e.test`, password: 'Seller-pass-1!' };
const buyer = { name: 'Bruno Acheteur', email: `bruno-${stamp}@e2e.test`, password: 'Buyer-pass-1!' };
const rival = { name: 'Rita Rivale', email: `rita-${stamp}@e2e.test`, password: 'Rival-pass-1!' };
const listing = { title: `Leica M6 argentique ${stamp}`, word: stamp, category: 'Appareils photo' };

async function eventually(check, message, timeout = WAIT) {
  const deadline = Date.now() + timeout;
  let last;
  while (Date.now() < deadline) {
    try {
      if (await check()) return;
    } catch (error) {
      last = error;
    }
    await new Promise((done) => setTimeout(done, 250));
  }
  throw new Error(`${message}${last ? ` (${last.message})` : ''}`);
}

async function signIn(page, base, person) {
  await page.goto(`${base}/login`);
  await page.getByLabel('Email', { exact: true }).fill(person.email);
  await page.getByLabel('Mot de passe', { exact: true }).fill(person.password);
  await page.getByRole('button', { name: 'Se connecter' }).click();
  await page.getByRole('button', { name: 'Se déconnecter' }).waitFor({ timeout: WAIT });
}

async function register(page, base, person, sellerMessage) {
  await page.goto(`${base}/register`);
  await page.getByLabel('Nom', { exact: true }).fill(person.name);
  await page.getByLabel('Email', { exact: true }).fill(person.email);
  await page.getByLabel('Mot de passe', { exact: true }).fill(person.password);
  await page.getByLabel('Confirmez le mot de passe').fill(person.password);
  if (sellerMessage) {
    await page.getByLabel(/Vendre mes objets/).check();
    await page.getByLabel('Message pour l’équipe').fill(sellerMessage);
  }
  await page.getByRole('button', { name: 'Créer mon compte' }).click();
  await page.getByTestId('awaiting-validation').waitFor({ timeout: WAIT });
}

async function unreadCount(page) {
  const badge = page.getByTestId('unread-count');
  return (await badge.count()) === 0 ? 0 : Number(await badge.innerText());
}

async function main() {
  const silo = await startSilo({ repo: resolve(frontend, '..'), webRoot: join(frontend, 'dist'), logFile: join(output, 'silo.log') });
  console.log(`== browser tests against ${silo.baseUrl} (silo PID ${silo.pid})`);
  const base = silo.baseUrl;
  const browser = await chromium.launch({ executablePath: process.env.CHROMIUM_PATH ?? '/usr/bin/chromium', args: CHROMIUM_ARGS, headless: true });
  const open = async () => (await browser.newContext({ viewport: { width: 1280, height: 900 }, locale: 'fr-FR' })).newPage();
  try {
    const [visitor, admin, sellerPage, buyerPage, rivalPage] = [await open(), await open(), await open(), await open(), await open()];
    let productUrl = '';

    await step('The home page is served by the silo and speaks French', async () => {
      await visitor.goto(base);
      await visitor.getByRole('heading', { name: 'Des pièces uniques, entre collectionneurs' }).waitFor({ timeout: WAIT });
      await screenshot(visitor, 'home-empty');
      await accessible(visitor, 'home');
    });

    await step('A deep link to a client route is served (index.html fallback) with the search filled from the URL', async () => {
      await visitor.goto(`${base}/catalog?q=introuvable&sort=price_desc`);
      await visitor.getByRole('heading', { name: 'Catalogue' }).waitFor({ timeout: WAIT });
      expect(await visitor.getByLabel('Rechercher', { exact: true }).inputValue() === 'introuvable', 'search box not filled from the URL');
      await visitor.getByText('Aucune annonce ne correspond.').waitFor({ timeout: WAIT });
    });

    await step('Sign-up and login pages are accessible; a wrong password gets a clear message', async () => {
      await visitor.goto(`${base}/register`);
      await visitor.getByRole('button', { name: 'Créer mon compte' }).click();
      await visitor.getByText('Ce champ est obligatoire.').first().waitFor({ timeout: WAIT });
      await screenshot(visitor, 'register-errors');
      await accessible(visitor, 'register');
      await visitor.goto(`${base}/login`);
      await visitor.getByLabel('Email', { exact: true }).fill(ADMIN.email);
      await visitor.getByLabel('Mot de passe', { exact: true }).fill('not-the-password!');
      await visitor.getByRole('button', { name: 'Se connecter' }).click();
      await visitor.getByRole('alert').filter({ hasText: 'Email ou mot de passe incorrect.' }).waitFor({ timeout: WAIT });
      await screenshot(visitor, 'login-wrong-password');
      await accessible(visitor, 'login');
    });

    await step('A seller signs up with a message and is told the account awaits validation', async () => {
      await register(sellerPage, base, seller, 'Je collectionne les appareils photo argentiques depuis 20 ans.');
      await screenshot(sellerPage, 'register-awaiting-validation');
    });

    await step('An inactive account cannot sign in and is told why (403)', async () => {
      await sellerPage.goto(`${base}/login`);
      await sellerPage.getByLabel('Email', { exact: true }).fill(seller.email);
      await sellerPage.getByLabel('Mot de passe', { exact: true }).fill(seller.password);
      await sellerPage.getByRole('button', { name: 'Se connecter' }).click();
      await sellerPage.getByRole('alert').filter({ hasText: 'Votre compte attend la validation' }).waitFor({ timeout: WAIT });
    });

    await step('The admin signs in, creates a category and approves the seller request', async () => {
      await signIn(admin, base, ADMIN);
      await admin.goto(`${base}/admin/categories`);
      await admin.getByLabel('Nouvelle catégorie').fill(listing.category);
      await admin.getByRole('button', { name: 'Créer' }).click();
      await admin.getByText(listing.category, { exact: false }).first().waitFor({ timeout: WAIT });
      await screenshot(admin, 'admin-categories');
      await accessible(admin, 'admin categories');
      await admin.goto(`${base}/admin/seller-requests`);
      const request = admin.getByTestId('seller-request').filter({ hasText: seller.email });
      await request.waitFor({ timeout: WAIT });
      await screenshot(admin, 'admin-seller-requests');
      await accessible(admin, 'admin seller requests');
      await request.getByRole('button', { name: 'Accepter' }).click();
      await request.waitFor({ state: 'detached', timeout: WAIT });
    });

    await step('The seller signs in and lists an item with two uploaded photos, after the form refused a non-image', async () => {
      await signIn(sellerPage, base, seller);
      await sellerPage.getByRole('link', { name: 'Mes annonces', exact: true }).click();
      await sellerPage.getByRole('link', { name: 'Nouvelle annonce' }).click();
      await sellerPage.getByRole('button', { name: 'Soumettre à la modération' }).click();
      await sellerPage.getByText('Ajoutez au moins une photo.').waitFor({ timeout: WAIT });
      await sellerPage.getByTestId('image-input').setInputFiles({ name: 'notes.txt', mimeType: 'text/plain', buffer: Buffer.from('not an image') });
      await sellerPage.getByRole('alert').filter({ hasText: 'Format refusé' }).waitFor({ timeout: WAIT });
      await sellerPage.getByRole('button', { name: 'Fermer' }).click();
      await sellerPage.getByLabel('Titre').fill(listing.title);
      await sellerPage.getByLabel('Description').fill('Boîtier Leica M6 de 1986, entretenu, cellule fonctionnelle, avec sa sangle d’origine.');
      await sellerPage.getByLabel('Prix (€)').fill('1500');
      await sellerPage.getByLabel('Frais de port (€)').fill('12,50');
      await sellerPage.getByLabel('Catégorie').selectOption({ label: listing.category });
      await sellerPage.getByLabel('Localisation').fill('Lyon');
      await sellerPage.getByTestId('image-input').setInputFiles([
        { name: 'leica.png', mimeType: 'image/png', buffer: makePng() },
        { name: 'leica-back.png', mimeType: 'image/png', buffer: makePng(180) },
      ]);
      await sellerPage.getByRole('img', { name: 'Photo 1' }).waitFor({ timeout: WAIT });
      await sellerPage.getByRole('img', { name: 'Photo 2' }).waitFor({ timeout: WAIT });
      await screenshot(sellerPage, 'seller-listing-form');
      await accessible(sellerPage, 'listing form');
      await sellerPage.getByRole('button', { name: 'Soumettre à la modération' }).click();
      const mine = sellerPage.getByTestId('my-listing').filter({ hasText: listing.title });
      await mine.getByText('En modération').waitFor({ timeout: WAIT });
      await screenshot(sellerPage, 'seller-my-listings');
      await accessible(sellerPage, 'my listings');
    });

    await step('The seller lowers the price while the listing awaits moderation', async () => {
      const mine = sellerPage.getByTestId('my-listing').filter({ hasText: listing.title });
      await mine.getByRole('link', { name: 'Modifier' }).click();
      const price = sellerPage.getByLabel('Prix (€)');
      await eventually(async () => (await price.inputValue()) === '1500', 'the edit form did not load the listing');
      await price.fill('1450');
      await sellerPage.getByRole('button', { name: 'Enregistrer' }).click();
      await mine.getByText(/1\s450,00/).waitFor({ timeout: WAIT });
    });

    await step('The admin views the listing in the moderation queue (dialog closes with Escape) and approves it', async () => {
      await admin.goto(`${base}/admin/moderation`);
      const item = admin.getByTestId('moderation-item').filter({ hasText: listing.title });
      await item.waitFor({ timeout: WAIT });
      await item.getByRole('button', { name: 'Détails' }).click();
      const dialog = admin.getByRole('dialog', { name: listing.title });
      await dialog.waitFor({ timeout: WAIT });
      await screenshot(admin, 'admin-moderation-details');
      await accessible(admin, 'moderation details dialog');
      await admin.keyboard.press('Escape');
      await dialog.waitFor({ state: 'hidden', timeout: WAIT });
      await accessible(admin, 'moderation queue');
      await item.getByRole('button', { name: 'Accepter' }).click();
      await item.waitFor({ state: 'detached', timeout: WAIT });
    });

    await step('A buyer signs up and the admin finds and activates the account', async () => {
      await register(buyerPage, base, buyer);
      await admin.goto(`${base}/admin/users`);
      await admin.getByLabel('Nom ou email').fill(buyer.email);
      await admin.getByRole('button', { name: 'Rechercher' }).click();
      await admin.waitForURL(/q=/);
      await eventually(async () => (await admin.getByTestId('user-row').count()) === 1, 'the user search did not narrow to one row');
      await admin.getByRole('button', { name: `Activer ${buyer.name}` }).click();
      await admin.getByTestId('user-row').getByText('Actif', { exact: true }).waitFor({ timeout: WAIT });
      await screenshot(admin, 'admin-users-search');
      await accessible(admin, 'admin users');
    });

    await step('The buyer finds the item by search, browses its photos and price chart, and starts buying', async () => {
      await signIn(buyerPage, base, buyer);
      await buyerPage.getByRole('link', { name: 'Catalogue', exact: true }).click();
      await buyerPage.getByLabel('Rechercher', { exact: true }).fill(listing.word);
      await buyerPage.getByRole('button', { name: 'Rechercher' }).click();
      await buyerPage.waitForURL(new RegExp(`q=${listing.word}`));
      await buyerPage.getByText('1 résultat(s)').waitFor({ timeout: WAIT });
      await screenshot(buyerPage, 'catalog-search');
      await accessible(buyerPage, 'catalogue');
      await buyerPage.getByRole('link', { name: new RegExp(listing.title) }).click();
      await buyerPage.getByRole('heading', { name: listing.title }).waitFor({ timeout: WAIT });
      await buyerPage.getByTestId('price-chart').waitFor({ timeout: WAIT });
      await buyerPage.getByRole('button', { name: 'Afficher la photo 2' }).click();
      await buyerPage.getByRole('img', { name: `${listing.title}, photo 2 sur 2` }).waitFor({ timeout: WAIT });
      productUrl = buyerPage.url();
      await screenshot(buyerPage, 'product-page');
      await accessible(buyerPage, 'product page');
      await buyerPage.getByRole('button', { name: 'Acheter maintenant' }).click();
      await buyerPage.waitForURL(/\/payments\/dev\//, { timeout: WAIT });
      await screenshot(buyerPage, 'dev-payment-gateway');
    });

    await step('A second buyer sees the item reserved, with no way to buy it', async () => {
      const created = await fetch(`${base}/api/auth/register`, {
        method: 'POST', headers: { 'Content-Type': 'application/json' },
        body: JSON.stringify({ name: rival.name, email: rival.email, password: rival.password, role: 'BUYER' }),
      });
      expect(created.status === 201, `registering the second buyer answered ${created.status}`);
      const { user } = await created.json();
      const adminToken = await admin.evaluate(() => localStorage.getItem('collector-shop.token'));
      const activated = await fetch(`${base}/api/admin/users/${user.id}/active`, {
        method: 'POST', headers: { 'Content-Type': 'application/json', Authorization: `Bearer ${adminToken}` }, body: '{"active":true}',
      });
      expect(activated.ok, `activating the second buyer answered ${activated.status}`);
      await signIn(rivalPage, base, rival);
      await rivalPage.goto(productUrl);
      await rivalPage.getByTestId('status-banner').filter({ hasText: 'Réservé' }).waitFor({ timeout: WAIT });
      expect(await rivalPage.getByRole('button', { name: 'Acheter maintenant' }).count() === 0, 'a reserved item still offers "Buy now"');
      await screenshot(rivalPage, 'product-reserved');
    });

    await step('The buyer pays on the development gateway and comes back to the paid order', async () => {
      await buyerPage.getByRole('button', { name: /^(pay|payer)/i }).first().click();
      await buyerPage.waitForURL(/payment=success/, { timeout: WAIT });
      const banner = buyerPage.getByTestId('payment-return');
      await banner.getByText('Payée').waitFor({ timeout: WAIT });
      await screenshot(buyerPage, 'payment-success');
      await accessible(buyerPage, 'payment return');
    });

    await step('The second buyer then sees it sold, and the API refuses to sell it twice (409)', async () => {
      await rivalPage.reload();
      await rivalPage.getByTestId('status-banner').filter({ hasText: 'Vendu' }).waitFor({ timeout: WAIT });
      expect(await rivalPage.getByRole('button', { name: 'Acheter maintenant' }).count() === 0, 'a sold item still offers "Buy now"');
      const status = await rivalPage.evaluate(async (id) => {
        const response = await fetch('/api/checkout/session', {
          method: 'POST',
          headers: { 'Content-Type': 'application/json', Authorization: `Bearer ${localStorage.getItem('collector-shop.token')}` },
          body: JSON.stringify({ productId: id }),
        });
        return response.status;
      }, decodeURIComponent(productUrl.split('/products/')[1]));
      expect(status === 409, `buying a sold item answered ${status}, not 409`);
      await screenshot(rivalPage, 'product-sold');
    });

    await step('The seller sees the sale and ships it with a carrier and tracking number', async () => {
      await sellerPage.goto(`${base}/seller/sales`);
      const sale = sellerPage.getByTestId('order-card').filter({ hasText: listing.title });
      await sale.getByText('Payée').waitFor({ timeout: WAIT });
      await sale.getByRole('button', { name: 'Expédier' }).click();
      const dialog = sellerPage.getByRole('dialog', { name: 'Expédier la commande' });
      await dialog.getByLabel('Transporteur').fill('Colissimo');
      await dialog.getByLabel('Numéro de suivi').fill('6A12345678901');
      await screenshot(sellerPage, 'seller-ship-dialog');
      await dialog.getByRole('button', { name: 'Confirmer l’expédition' }).click();
      await sale.getByText('Expédiée').waitFor({ timeout: WAIT });
      await sale.getByText('6A12345678901', { exact: false }).waitFor({ timeout: WAIT });
      await screenshot(sellerPage, 'seller-sales');
      await accessible(sellerPage, 'my sales');
    });

    await step('The buyer confirms receipt in "My purchases"', async () => {
      await buyerPage.getByRole('link', { name: 'Mes achats', exact: true }).click();
      const order = buyerPage.getByTestId('order-card').filter({ hasText: listing.title });
      await order.getByText('Expédiée').waitFor({ timeout: WAIT });
      await order.getByRole('button', { name: 'Confirmer la réception' }).click();
      await order.getByText('Terminée').waitFor({ timeout: WAIT });
      await screenshot(buyerPage, 'purchases');
      await accessible(buyerPage, 'my purchases');
    });

    for (const [who, page] of [['buyer', buyerPage], ['seller', sellerPage]]) {
      await step(`The ${who} sees notifications in the bell, marks one as read and follows one to its order`, async () => {
        await eventually(async () => {
          await page.reload();
          await page.getByRole('button', { name: /^Notifications/ }).waitFor({ timeout: WAIT });
          return (await unreadCount(page)) > 0;
        }, `no unread notification reached the ${who}`, 30_000);
        const before = await unreadCount(page);
        await page.getByRole('button', { name: /^Notifications/ }).click();
        const list = page.getByTestId('notification-list');
        await list.waitFor({ timeout: WAIT });
        await screenshot(page, `${who}-notifications`);
        await accessible(page, `${who} notifications menu`);
        await list.getByRole('button', { name: /^Marquer/ }).first().click();
        await eventually(async () => (await unreadCount(page)) === before - 1, 'the unread count did not go down');
        await list.getByRole('link').first().click();
        await page.waitForURL(/\/orders\//, { timeout: WAIT });
        await list.waitFor({ state: 'detached', timeout: WAIT });
        await page.getByTestId('order-card').filter({ hasText: listing.title }).waitFor({ timeout: WAIT });
        await accessible(page, `${who} order page`);
        await page.getByRole('button', { name: /^Notifications/ }).click();
        await list.waitFor({ timeout: WAIT });
        await page.keyboard.press('Escape');
        await list.waitFor({ state: 'detached', timeout: WAIT });
      });
    }

    await step('The admin sees the completed order in the orders back office', async () => {
      await admin.goto(`${base}/admin/orders?status=completed`);
      await admin.getByTestId('order-card').filter({ hasText: listing.title }).waitFor({ timeout: WAIT });
      await screenshot(admin, 'admin-orders');
      await accessible(admin, 'admin orders');
    });

    await step('A buyer asks to become a seller, the admin refuses with a message, and the buyer reads it', async () => {
      await rivalPage.getByRole('link', { name: 'Devenir vendeur', exact: true }).click();
      await rivalPage.getByLabel('Message pour l’équipe').fill('Je voudrais vendre mes vinyles de jazz.');
      await rivalPage.getByRole('button', { name: 'Envoyer ma demande' }).click();
      await rivalPage.getByTestId('seller-request-status').getByText('En attente').waitFor({ timeout: WAIT });
      await screenshot(rivalPage, 'become-seller-pending');
      await accessible(rivalPage, 'become a seller');
      await admin.goto(`${base}/admin/seller-requests`);
      const request = admin.getByTestId('seller-request').filter({ hasText: rival.email });
      await request.getByRole('button', { name: 'Refuser' }).click();
      const dialog = admin.getByRole('dialog');
      await dialog.getByLabel('Message pour le demandeur (facultatif)').fill('Ajoutez des photos de votre collection.');
      await dialog.getByRole('button', { name: 'Refuser' }).click();
      await request.waitFor({ state: 'detached', timeout: WAIT });
      await rivalPage.reload();
      const status = rivalPage.getByTestId('seller-request-status');
      await status.getByText('Refusée').waitFor({ timeout: WAIT });
      await status.getByText('Ajoutez des photos de votre collection.', { exact: false }).waitFor({ timeout: WAIT });
      await rivalPage.getByRole('button', { name: 'Renvoyer une demande' }).waitFor({ timeout: WAIT });
    });

    await step('The admin renames a category and deletes an unused one, but not one in use (409)', async () => {
      await admin.goto(`${base}/admin/categories`);
      await admin.getByLabel('Nouvelle catégorie').fill('Cartes postales');
      await admin.getByRole('button', { name: 'Créer' }).click();
      const row = admin.getByRole('listitem').filter({ hasText: 'Cartes postales' });
      await row.waitFor({ timeout: WAIT });
      await row.getByRole('button', { name: 'Renommer' }).click();
      const rename = admin.getByRole('dialog');
      await rename.getByLabel('Nom de la catégorie').fill('Cartes postales anciennes');
      await rename.getByRole('button', { name: 'Enregistrer' }).click();
      const renamed = admin.getByRole('listitem').filter({ hasText: 'Cartes postales anciennes' });
      await renamed.waitFor({ timeout: WAIT });
      await renamed.getByRole('button', { name: 'Supprimer' }).click();
      await admin.getByRole('dialog').getByRole('button', { name: 'Supprimer' }).click();
      await renamed.waitFor({ state: 'detached', timeout: WAIT });
      const used = admin.getByRole('listitem').filter({ hasText: listing.category });
      await used.getByRole('button', { name: 'Supprimer' }).click();
      const refusal = admin.getByRole('dialog');
      await refusal.getByRole('button', { name: 'Supprimer' }).click();
      await refusal.getByRole('alert').waitFor({ timeout: WAIT });
      await screenshot(admin, 'admin-category-in-use');
      await admin.keyboard.press('Escape');
    });

    await step('The admin filters users by role and makes the second buyer a seller', async () => {
      await admin.goto(`${base}/admin/users`);
      await admin.getByLabel('Rôle', { exact: true }).selectOption({ label: 'Vendeur' });
      await admin.waitForURL(/role=SELLER/);
      const rows = admin.getByTestId('user-row');
      await eventually(async () => (await rows.filter({ hasText: buyer.email }).count()) === 0 && (await rows.filter({ hasText: seller.email }).count()) === 1,
        'the seller filter did not keep the seller and drop the buyer');
      await admin.getByLabel('Rôle', { exact: true }).selectOption({ label: 'Tous les rôles' });
      await admin.getByTestId('user-row').filter({ hasText: rival.email }).waitFor({ timeout: WAIT });
      await admin.getByLabel(`Rôle de ${rival.name}`).selectOption({ label: 'Vendeur' });
      await eventually(async () => (await admin.getByLabel(`Rôle de ${rival.name}`).inputValue()) === 'SELLER', 'the role did not change');
      await rivalPage.reload();
      await rivalPage.getByRole('link', { name: 'Mes annonces', exact: true }).waitFor({ timeout: WAIT });
    });

    await step('A buyer who cancels on the gateway, or cancels a pending order, frees the item; a refunded order shows as refunded', async () => {
      const second = `Polaroid SX-70 ${stamp}`;
      const sellerToken = await sellerPage.evaluate(() => localStorage.getItem('collector-shop.token'));
      const adminToken = await admin.evaluate(() => localStorage.getItem('collector-shop.token'));
      const form = new FormData();
      form.append('image', new Blob([makePng(120)], { type: 'image/png' }), 'polaroid.png');
      const uploaded = await fetch(`${base}/api/upload`, { method: 'POST', headers: { Authorization: `Bearer ${sellerToken}` }, body: form });
      expect(uploaded.status === 201, `upload answered ${uploaded.status}`);
      const created = await fetch(`${base}/api/products`, {
        method: 'POST', headers: { 'Content-Type': 'application/json', Authorization: `Bearer ${sellerToken}` },
        body: JSON.stringify({ title: second, description: 'Appareil instantané pliable, testé avec un film neuf.', price: 220, shipping: 9, category: 'appareils-photo', images: [(await uploaded.json()).url] }),
      });
      expect(created.status === 201, `creating the listing answered ${created.status}`);
      const { id } = await created.json();
      const approved = await fetch(`${base}/api/admin/products/${id}/approve`, { method: 'POST', headers: { Authorization: `Bearer ${adminToken}` } });
      expect(approved.ok, `approving answered ${approved.status}`);

      const startBuying = async () => {
        await buyerPage.goto(`${base}/products/${id}`);
        await buyerPage.getByRole('button', { name: 'Acheter maintenant' }).click();
        await buyerPage.waitForURL(/\/payments\/dev\//, { timeout: WAIT });
      };
      await startBuying();
      await buyerPage.getByRole('button', { name: /^cancel/i }).click();
      await buyerPage.waitForURL(/payment=cancel/, { timeout: WAIT });
      await buyerPage.getByTestId('payment-return').getByText('Annulée').waitFor({ timeout: WAIT });
      await screenshot(buyerPage, 'payment-cancelled');

      await startBuying();
      await buyerPage.goto(`${base}/purchases`);
      const pending = buyerPage.getByTestId('order-card').filter({ hasText: second }).filter({ hasText: 'En attente de paiement' });
      await pending.getByText(/réservé pour vous jusqu’au/).waitFor({ timeout: WAIT });
      await screenshot(buyerPage, 'purchases-pending');
      await pending.getByRole('button', { name: 'Annuler la commande' }).click();
      await pending.waitFor({ state: 'detached', timeout: WAIT });

      await startBuying();
      await buyerPage.getByRole('button', { name: /^(pay|payer)/i }).first().click();
      await buyerPage.getByTestId('payment-return').getByText('Payée').waitFor({ timeout: WAIT });
      await admin.goto(`${base}/admin/orders?status=paid`);
      const paid = admin.getByTestId('order-card').filter({ hasText: second });
      await paid.getByRole('button', { name: 'Rembourser' }).click();
      await admin.getByRole('dialog').getByRole('button', { name: 'Rembourser' }).click();
      await paid.waitFor({ state: 'detached', timeout: WAIT });
      await buyerPage.goto(`${base}/purchases`);
      await buyerPage.getByTestId('order-card').filter({ hasText: second }).filter({ hasText: 'Remboursée' }).waitFor({ timeout: WAIT });
      await screenshot(buyerPage, 'purchases-refunded');
    });

    await step('The English switch translates the shop and survives a reload, like the session', async () => {
      await buyerPage.goto(`${base}/`);
      await buyerPage.getByRole('button', { name: 'en', exact: true }).click();
      await buyerPage.getByRole('link', { name: 'My purchases', exact: true }).waitFor({ timeout: WAIT });
      await buyerPage.reload();
      await buyerPage.getByRole('button', { name: 'Sign out' }).waitFor({ timeout: WAIT });
      await buyerPage.getByRole('heading', { name: 'Unique pieces, from collector to collector' }).waitFor({ timeout: WAIT });
      await screenshot(buyerPage, 'home-english');
      await accessible(buyerPage, 'home in English');
      await buyerPage.getByRole('button', { name: 'fr', exact: true }).click();
      await buyerPage.getByRole('link', { name: 'Mes achats', exact: true }).waitFor({ timeout: WAIT });
    });

    await step('On a phone-sized screen the catalogue and the back office stay usable and accessible', async () => {
      await admin.setViewportSize({ width: 390, height: 844 });
      await admin.goto(`${base}/catalog`);
      await admin.getByRole('heading', { name: 'Catalogue' }).waitFor({ timeout: WAIT });
      await screenshot(admin, 'mobile-catalog');
      await accessible(admin, 'catalogue on a phone');
      await admin.goto(`${base}/admin/users`);
      await admin.getByTestId('user-row').first().waitFor({ timeout: WAIT });
      await screenshot(admin, 'mobile-admin-users');
      await accessible(admin, 'admin users on a phone');
      await admin.setViewportSize({ width: 1280, height: 900 });
    });

    await step('Signing out forgets the session', async () => {
      await buyerPage.getByRole('button', { name: 'Se déconnecter' }).click();
      await buyerPage.getByRole('link', { name: 'Se connecter' }).waitFor({ timeout: WAIT });
      expect(await buyerPage.evaluate(() => localStorage.getItem('collector-shop.token')) === null, 'the token is still stored');
      await buyerPage.goto(`${base}/purchases`);
      await buyerPage.waitForURL(/\/login\?next=/);
    });
  } finally {
    await browser.close().catch(() => {});
    await silo.stop();
  }
}

let crashed = null;
try {
  await main();
} catch (error) {
  crashed = error;
  run.fail('Browser test run', error?.stack ?? error);
  console.log(`  ✗ the browser test run crashed: ${error?.message ?? error}`);
}
const summary = run.finish(reportFile);
console.log(`browser: ${summary.passed} passed, ${summary.failed} failed, ${summary.skipped} skipped`);
process.exit(summary.failed > 0 || crashed ? 1 : 0);
