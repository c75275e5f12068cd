// The official stripe-node SDK, unchanged, against stripe-connect-sim: a v1 hosted onboarding
// and a v2 recipient onboarding, with every webhook delivery verified by stripe-node itself
// (webhooks.constructEvent for v1 events, parseEventNotification for v2 notifications).
// Then it runs the README's Node.js block as a reader would, against the same server.
//   node stripe_node_lifecycle.cjs <stripe-connect-sim binary> <stripe package directory> <README.md>
'use strict';
const assert = require('node:assert/strict');
const http = require('node:http');
const { spawn } = require('node:child_process');

const fs = require('node:fs');
const path = require('node:path');
const { execFile } = require('node:child_process');

const [simBinary, stripeDir, readme] = process.argv.slice(2);
const Stripe = require(stripeDir);
const webhookSecret = 'whsec_stripe_node_lifecycle';
const step = (text) => console.log(`ok - ${text}`);

// Collects deliveries; each one verified by stripe-node or counted as rejected.
function startReceiver(stripe) {
  const received = { v1: [], v2: [], rejected: 0 };
  const server = http.createServer((req, res) => {
    const chunks = [];
    req.on('data', (c) => chunks.push(c));
    req.on('end', () => {
      const body = Buffer.concat(chunks).toString('utf8');
      const signature = req.headers['stripe-signature'];
      try {
        if (JSON.parse(body).object === 'v2.core.event') {
          received.v2.push(stripe.parseEventNotification(body, signature, webhookSecret));
        } else {
          received.v1.push(stripe.webhooks.constructEvent(body, signature, webhookSecret));
        }
        res.writeHead(200).end();
      } catch (e) {
        received.rejected += 1;
        res.writeHead(400).end();
      }
    });
  });
  return new Promise((resolve) => server.listen(0, '127.0.0.1', () => resolve({ server, received })));
}

// Starts the server on a free port; resolves with the process and its base URL.
function startSim(webhookUrl) {
  const child = spawn(simBinary, ['--port', '0', '--webhook-secret', webhookSecret, '--webhook-url', webhookUrl],
                      { stdio: ['ignore', 'pipe', 'inherit'] });
  return new Promise((resolve, reject) => {
    let out = '';
    child.stdout.on('data', (d) => {
      out += d;
      const m = out.match(/listening on (http:\/\/\S+)/);
      if (m) resolve({ child, baseUrl: m[1], output: () => out });
    });
    child.on('exit', (code) => reject(new Error(`stripe-connect-sim exited with ${code} before listening`)));
  });
}

async function control(baseUrl, path, body) {
  const res = await fetch(`${baseUrl}/_sim/${path}`, {
    method: body === undefined ? 'GET' : 'POST',
    headers: { 'Content-Type': 'application/json' },
    body: body === undefined ? undefined : JSON.stringify(body),
  });
  const json = await res.json();
  assert.equal(res.status, 200, `control ${path}: ${JSON.stringify(json)}`);
  return json;
}

async function v1HostedOnboarding(stripe, baseUrl) {
  const account = await stripe.accounts.create({
    type: 'express',
    country: 'US',
    business_type: 'individual',
    capabilities: { card_payments: { requested: true }, transfers: { requested: true } },
  });
  assert.match(account.id, /^acct_/);
  assert.equal(account.details_submitted, false);
  assert.ok(account.requirements.currently_due.length > 0);

  const link = await stripe.accountLinks.create({
    account: account.id,
    refresh_url: 'https://platform.example/refresh',
    return_url: 'https://platform.example/return',
    type: 'account_onboarding',
    collection_options: { fields: 'eventually_due' },
  });
  assert.ok(link.url.startsWith(`${baseUrl}/setup/e/`), 'the link is served by the simulator');
  assert.ok(link.expires_at > link.created);

  const visit = await control(baseUrl, 'links/submit', { url: link.url });
  assert.equal(visit.outcome, 'form');
  assert.equal(visit.redirect_url, 'https://platform.example/return');
  const pending = await stripe.accounts.retrieve(account.id);
  assert.equal(pending.details_submitted, true);
  assert.ok(pending.requirements.pending_verification.length > 0, 'verification is pending');

  await control(baseUrl, 'clock/advance', { seconds: 60 });
  const done = await stripe.accounts.retrieve(account.id);
  assert.equal(done.charges_enabled, true);
  assert.equal(done.payouts_enabled, true);
  assert.deepEqual(done.requirements.currently_due, []);
  assert.equal(done.requirements.disabled_reason, null);
  const capabilities = await stripe.accounts.listCapabilities(account.id);
  assert.deepEqual(capabilities.data.map((c) => c.status).sort(), ['active', 'active']);
  step(`v1 hosted onboarding: ${account.id} charges and payouts enabled`);

  // stripe-node's own retries against the simulator's faults: a 409 lock timeout, and an answer
  // lost after the update committed, replayed for the same idempotency key.
  await control(baseUrl, 'faults', { kind: 'http_409', path_prefix: `/v1/accounts/${account.id}`, count: 1 });
  await control(baseUrl, 'faults', { kind: 'drop_after_commit', path_prefix: `/v1/accounts/${account.id}`, count: 1 });
  const before = (await control(baseUrl, 'stats')).commits;
  const updated = await stripe.accounts.update(account.id, { metadata: { order: '42' } });
  assert.equal(updated.metadata.order, '42');
  assert.equal((await control(baseUrl, 'stats')).commits, before + 1, 'the retried update applied once');
  step('v1 update retried by stripe-node through a 409 and a dropped answer, applied once');
  return account.id;
}

async function v2RecipientOnboarding(stripe, baseUrl) {
  const account = await stripe.v2.core.accounts.create({
    contact_email: 'recipient@example.com',
    display_name: 'Recipient',
    identity: { country: 'US', entity_type: 'individual' },
    configuration: { recipient: { capabilities: { stripe_balance: { stripe_transfers: { requested: true } } } } },
    include: ['configuration.recipient', 'requirements'],
  });
  assert.match(account.id, /^acct_/);
  const transfersBefore = account.configuration.recipient.capabilities.stripe_balance.stripe_transfers;
  assert.notEqual(transfersBefore.status, 'active');

  const link = await stripe.v2.core.accountLinks.create({
    account: account.id,
    use_case: {
      type: 'account_onboarding',
      account_onboarding: {
        configurations: ['recipient'],
        refresh_url: 'https://platform.example/refresh',
        return_url: 'https://platform.example/return',
      },
    },
  });
  assert.ok(link.url.startsWith(`${baseUrl}/v2/onboard/`));

  const visit = await control(baseUrl, 'links/submit', { url: link.url });
  assert.equal(visit.outcome, 'form');
  await control(baseUrl, 'clock/advance', { seconds: 60 });

  const done = await stripe.v2.core.accounts.retrieve(account.id, { include: ['configuration.recipient', 'requirements'] });
  assert.equal(done.configuration.recipient.capabilities.stripe_balance.stripe_transfers.status, 'active');
  step(`v2 recipient onboarding: ${account.id} stripe_transfers active`);
  return account.id;
}

// The first ```js block of the README, run with `require('stripe')` resolving to stripeDir.
function runReadmeExample(port) {
  const text = fs.readFileSync(readme, 'utf8');
  const block = text.match(/```js\n([\s\S]*?)```/);
  assert.ok(block, 'README.md has a js block');
  const file = path.join(path.dirname(path.dirname(stripeDir)), 'readme_example.cjs');
  fs.writeFileSync(file, block[1]);
  const env = { ...process.env, SIM_PORT: String(port), NODE_PATH: path.dirname(stripeDir) };
  return new Promise((resolve) => execFile('node', [file], { env, timeout: 60000 }, (error, stdout, stderr) =>
    resolve({ code: error ? error.code : 0, output: stdout + stderr })));
}

async function main() {
  const stripeForWebhooks = new Stripe('sk_test_unused');
  const { server, received } = await startReceiver(stripeForWebhooks);
  const webhookUrl = `http://127.0.0.1:${server.address().port}/webhooks`;
  const sim = await startSim(webhookUrl);
  let exitCode;
  // 'close', not 'exit': the last lines of output may still be in the pipe at 'exit'.
  const exited = new Promise((resolve) => sim.child.on('close', (code, signal) => resolve(code ?? signal)));
  try {
    const port = Number(new URL(sim.baseUrl).port);
    const stripe = new Stripe('sk_test_stripe_node', { host: '127.0.0.1', port, protocol: 'http', maxNetworkRetries: 2 });

    const v1Account = await v1HostedOnboarding(stripe, sim.baseUrl);
    const v2Account = await v2RecipientOnboarding(stripe, sim.baseUrl);

    // Webhooks: every delivery verified by stripe-node, none rejected.
    assert.equal(received.rejected, 0, 'stripe-node rejected a delivery');
    const v1Types = received.v1.filter((e) => e.account === v1Account).map((e) => e.type);
    assert.ok(v1Types.includes('account.updated'), `v1 events: ${v1Types}`);
    assert.ok(v1Types.includes('capability.updated'), `v1 events: ${v1Types}`);
    const returned = received.v2.find((n) => n.type === 'v2.core.account_link.returned' && n.related_object === undefined);
    assert.ok(returned, `v2 notifications: ${received.v2.map((n) => n.type)}`);
    const event = await stripe.v2.core.events.retrieve(returned.id);
    assert.equal(event.data.account_id, v2Account);
    assert.deepEqual(event.data.configurations, ['recipient']);
    assert.throws(() => stripe.webhooks.constructEvent('{"id":"evt_forged","object":"event"}', 't=1,v1=00', webhookSecret),
                  /signature/i);
    const deliveries = (await control(sim.baseUrl, 'webhooks/deliveries')).data;
    assert.equal(deliveries.length, received.v1.length + received.v2.length);
    assert.ok(deliveries.every((d) => d.status === 200));
    step(`webhooks: ${received.v1.length} v1 events and ${received.v2.length} v2 notifications verified by stripe-node`);

    const example = await runReadmeExample(port);
    assert.equal(example.code, 0, `the README example failed:\n${example.output}`);
    assert.match(example.output, /^acct_\w+: charges true, payouts true$/m);
    step('the README example onboards an account');
  } finally {
    sim.child.kill('SIGTERM');
    exitCode = await exited;
    server.close();
  }
  assert.equal(exitCode, 0, `stripe-connect-sim exit on SIGTERM: ${exitCode}`);
  assert.match(sim.output(), /stripe-connect-sim stopped/);
  step('stripe-connect-sim stopped cleanly on SIGTERM');
}

main().catch((e) => {
  console.error(`not ok - ${e.stack || e}`);
  process.exit(1);
});
