// The stripe-node contender of scripts/bench.py --throughput-only: the official stripe package
// (23.1.0) calling stripe.accounts.retrieve(id) against bench_account_server, one request at a
// time over a keep-alive connection, as the C++ contenders of bench_callgrind do. Warm-up, then
// `requests` measured calls; the last line of the output gives the wall-clock rate, in the same
// form as bench_callgrind's ("... requests/s").
//   node retrieve_throughput.cjs <stripe package dir> <base_url> [requests] [warmup]
'use strict';
const http = require('node:http');
const path = require('node:path');

async function main() {
  const [stripeDir, baseUrl, requestsArg, warmupArg] = process.argv.slice(2);
  if (!stripeDir || !baseUrl) {
    console.error('usage: node retrieve_throughput.cjs <stripe package dir> <base_url> [requests] [warmup]');
    process.exit(2);
  }
  const requests = Number(requestsArg || 2000);
  const warmup = Number(warmupArg || 200);
  const url = new URL(baseUrl);
  const Stripe = require(path.resolve(stripeDir));
  // As the C++ contenders are set up: no retries, one keep-alive connection, nothing but the call
  // (no telemetry header about the previous request).
  const stripe = new Stripe('sk_test_throughput', {
    host: url.hostname,
    port: Number(url.port),
    protocol: url.protocol.replace(':', ''),
    httpAgent: new http.Agent({ keepAlive: true, maxSockets: 1 }),
    maxNetworkRetries: 0,
    telemetry: false,
  });
  const once = async () => {
    const account = await stripe.accounts.retrieve('acct_bench');
    if (!account.id) throw new Error('no id');
  };
  for (let i = 0; i < warmup; ++i) await once();
  const start = process.hrtime.bigint();
  for (let i = 0; i < requests; ++i) await once();
  const seconds = Number(process.hrtime.bigint() - start) / 1e9;
  console.log(`stripe_node: ${requests} measured after ${warmup} warm-up in ${seconds.toFixed(6)} s, ` +
              `${(requests / seconds).toFixed(1)} requests/s`);
}

main().catch((e) => {
  console.error(`retrieve_throughput.cjs: ${e.stack || e}`);
  process.exit(1);
});
