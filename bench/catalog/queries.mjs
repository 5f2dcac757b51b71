// Times catalog queries as ../shared/bench-backstage/bench.mjs times Backstage's: Node's fetch, one
// keep-alive connection, sequential requests, 20 warm-up requests then N measured per query, client-side
// time including reading the body. Called by CatalogBench.java; prints one JSON object.
//   node queries.mjs <base-url> <requests> <name>=<path> ...
const [base, reqs, ...queries] = process.argv.slice(2);
const n = Number(reqs);
// the portal answers signed-in users only: CatalogBench.java signs in and hands the session over
const headers = process.env.BENCH_COOKIE ? { cookie: process.env.BENCH_COOKIE } : {};

function pct(sorted, p) {
  return sorted[Math.min(sorted.length - 1, Math.max(0, Math.ceil((p / 100) * sorted.length) - 1))];
}

// Backstage's benchmark measures from a Node process that has been polling its server for minutes, so
// its fetch is warm; this fresh process warms up the same way before measuring anything.
for (let i = 0; i < 500; i++) {
  const q = queries[i % queries.length];
  const r = await fetch(base + q.slice(q.indexOf('=') + 1), { headers });
  await r.text();
}

const out = {};
for (const q of queries) {
  const eq = q.indexOf('=');
  const name = q.slice(0, eq);
  const path = q.slice(eq + 1);
  let bytes = 0;
  for (let i = 0; i < 20; i++) {
    const r = await fetch(base + path, { headers });
    if (!r.ok) throw new Error(`${path} -> ${r.status}`);
    await r.text();
  }
  const ms = [];
  for (let i = 0; i < n; i++) {
    const t = performance.now();
    const r = await fetch(base + path, { headers });
    const body = await r.text();
    ms.push(performance.now() - t);
    if (!r.ok) throw new Error(`${path} -> ${r.status}`);
    bytes = Buffer.byteLength(body);
  }
  ms.sort((a, b) => a - b);
  const round = v => Math.round(v * 100) / 100;
  out[name] = { p50: round(pct(ms, 50)), p95: round(pct(ms, 95)), p99: round(pct(ms, 99)), max: round(ms[ms.length - 1]), bytes };
}
console.log(JSON.stringify(out));
