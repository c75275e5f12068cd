// The API-onboarding web example in a real browser: starts examples/api_onboarding_web on a free
// loopback port (offline, against its in-process simulator), then, in headless chromium, creates
// the account, fills every form of the company flow (once with a wrong value, to see the error
// beside its field), uploads an ID document, accepts the terms of service, has the simulator
// reject the document (its reason shows beside the field) and uploads it again, and checks that
// the last page says "complete". Saves a PNG of each step. Run through run.sh, which installs
// playwright-core.
//   node api_onboarding_web.mjs <app binary> <work directory with node_modules> <screenshot dir> <chromium>
import { spawn } from 'node:child_process';
import { createRequire } from 'node:module';
import path from 'node:path';

const [app, work, shots, executablePath] = process.argv.slice(2);
const { chromium } = createRequire(path.join(path.resolve(work), 'package.json'))('playwright-core');
const started = Date.now();

// What the seller types, by requirement; a person's fields by the part after its prefix
// (representative., person_....), as one person's form asks for them whoever they are.
const answers = {
  'business_profile.url': 'https://widgets.example',
  'business_profile.mcc': '5734',
  'company.name': 'Widgets Ltd',
  'company.phone': '+442079460000',
  'company.tax_id': 'GB123456789',
  'company.address.line1': '1 High Street',
  'company.address.city': 'London',
  'company.address.postal_code': 'EC1A 1BB',
  'first_name': 'Jenny',
  'last_name': 'Rosen',
  'email': 'jenny@widgets.example',
  'dob.day': '14',
  'dob.month': '2',
  'dob.year': '1984',
  'address.line1': '2 Low Street',
  'relationship.title': 'Director',
  'company.owners_provided': 'true',
  'company.directors_provided': 'true',
  'external_account.account_holder_name': 'Widgets Ltd',
  'external_account.account_number': '00012345',
  'external_account.routing_number': '108800',
  'external_account.country': 'GB',
  'external_account.currency': 'gbp',
};
const personPrefix = /^(representative|owners|directors|executives|person_[A-Za-z0-9]+)\./;
function answerFor(name) {
  if (name in answers) return answers[name];
  const m = name.match(personPrefix);
  return m ? answers[name.slice(m[0].length)] : undefined;
}
// The smallest PNG: one transparent pixel.
const png = Buffer.from(
  'iVBORw0KGgoAAAANSUhEUgAAAAEAAAABCAYAAAAfFcSJAAAADUlEQVR42mNkYPhfDwAChwGA60e6kgAAAABJRU5ErkJggg==', 'base64');

function startApp() {
  const env = { ...process.env };
  delete env.STRIPE_SECRET_KEY;  // the in-process simulator
  const child = spawn(app, ['--port', '0'], { env, stdio: ['ignore', 'pipe', 'inherit'] });
  let log = '';
  const url = new Promise((resolve, reject) => {
    const timer = setTimeout(() => reject(new Error(`the app did not start:\n${log}`)), 20000);
    child.stdout.on('data', (chunk) => {
      log += chunk;
      const m = log.match(/listening on (http:\/\/127\.0\.0\.1:\d+)\//);
      if (m) { clearTimeout(timer); resolve(m[1]); }
    });
    child.on('exit', (code) => reject(new Error(`the app exited with ${code}:\n${log}`)));
  });
  return { child, url, log: () => log };
}

let step = 0;
async function shot(page, name) {
  step += 1;
  const file = path.join(shots, `api-onboarding-web-${String(step).padStart(2, '0')}-${name}.png`);
  await page.screenshot({ path: file, fullPage: true });
  console.log(`screenshot ${file}`);
}
// Clicks a form's button and waits for the page it leads to (the POST, then its redirect).
async function submit(page, name) {
  await Promise.all([page.waitForEvent('load'), page.getByRole('button', { name }).click()]);
}
const slug = (title) => title.toLowerCase().replace(/[^a-z0-9]+/g, '-');
function check(ok, what) { if (!ok) throw new Error(what); }

// Fills the form on the page from `answers`: every input must be one the seller can answer.
async function fillForm(page) {
  const inputs = page.locator('form[action="/onboarding"] :is(input, select):not([type=hidden])');
  for (const input of await inputs.all()) {
    const name = await input.getAttribute('name');
    const type = await input.getAttribute('type');
    if (type === 'checkbox') { await input.check(); continue; }  // accepting the terms
    if (type === 'file') { await input.setInputFiles({ name: 'passport.png', mimeType: 'image/png', buffer: png }); continue; }
    const value = answerFor(name);
    check(value !== undefined, `no answer for the field ${name}`);
    if (await input.evaluate((e) => e.tagName) === 'SELECT') await input.selectOption(value);
    else await input.fill(value);
  }
}

const server = startApp();
let browser;
let page;
try {
  const base = await server.url;
  browser = await chromium.launch({
    executablePath,
    headless: true,
    args: ['--headless', '--no-sandbox', '--disable-gpu', '--disable-quic', '--no-first-run',
           '--disable-background-networking', '--disable-component-update', '--disable-sync'],
  });
  page = await browser.newPage({ viewport: { width: 720, height: 480 } });
  page.setDefaultTimeout(15000);

  await page.goto(`${base}/`);
  await shot(page, 'start');
  await submit(page, 'Start onboarding');

  // A wrong merchant category code, and a name that must come back exactly as typed (escaped).
  check(await page.locator('h2').textContent() === 'Business details', 'the first form is not the business details');
  await fillForm(page);
  await page.fill('[name="business_profile.mcc"]', '57');
  await page.fill('[name="company.name"]', 'Widgets & <Sons> "Ltd"');
  await submit(page, 'Continue');
  const mccError = page.locator('.field:has([name="business_profile.mcc"]) .error');
  check((await mccError.textContent()) === 'Merchant category code must be four digits', 'no error beside the MCC field');
  check(await page.locator('.error').count() === 1, 'errors beside fields that were right');
  check(await page.inputValue('[name="company.name"]') === 'Widgets & <Sons> "Ltd"', 'the company name did not round-trip');
  await shot(page, 'business-details-error');

  const groups = [];
  for (let i = 0; i < 12 && await page.locator('form[action="/onboarding"]').count() > 0; ++i) {
    const title = (await page.locator('h2').textContent()).trim();
    check(!groups.includes(title), `the ${title} form came back after it was sent`);
    groups.push(title);
    await fillForm(page);
    await shot(page, slug(title));
    await submit(page, 'Continue');
    const errors = await page.locator('.error').allTextContents();
    check(errors.length === 0, `the ${title} form came back with errors: ${errors.join('; ')}`);
  }
  const expected = ['Business details', 'Representative', 'Owners', 'Directors', 'Bank account', 'Terms of service', 'Documents'];
  check(JSON.stringify(groups) === JSON.stringify(expected), `forms shown: ${groups.join(', ')}`);

  // Submitted: the simulator's Stripe is verifying the tax ID, the bank account and the
  // document. It rejects the document first: the Documents form comes back with Stripe's reason
  // beside the field, and a new upload is verified.
  await shot(page, 'verifying');
  await submit(page, 'Let the simulator reject the document');
  check((await page.locator('h2').textContent()) === 'Documents', 'the rejected document is not asked for again');
  const reason = await page.locator('.field:has(input[type=file]) .error').textContent();
  check(reason === 'The document has expired. Upload an unexpired document.', `the document's error reads: ${reason}`);
  await fillForm(page);
  await shot(page, 'document-rejected');
  await submit(page, 'Continue');
  check(await page.locator('.error').count() === 0, 'the new document came back with errors');
  await submit(page, 'Let the simulator finish verifying');
  const state = (await page.locator('#state').textContent()).trim();
  await shot(page, 'complete');
  check(state === 'complete', `the account is ${state}, not complete`);
  const log = server.log();
  check(log.includes('uploaded ') && /as file_/.test(log), 'the app did not upload the document');
  check(!log.includes('00012345'), 'the app logged the bank account number');
  console.log(`browser test passed in ${((Date.now() - started) / 1000).toFixed(1)} s: forms ${groups.join(' > ')}, account ${state}`);
} catch (e) {
  console.error(`browser test FAILED: ${e.message}`);
  if (page) await page.screenshot({ path: path.join(shots, 'failure.png'), fullPage: true }).catch(() => {});
  process.exitCode = 1;
} finally {
  if (browser) await browser.close();
  server.child.kill();
}
