// Benchmarks land with the bench issue; until then this lists what will be measured.
const cases = [
  'sign-1k',
  'sign-1m',
  'token-cache-hit',
  'stampede',
  'pipeline-bearer',
  'pipeline-sigv4',
  'cold-start',
];
console.log(`@x/bench: no cases implemented yet (planned: ${cases.join(', ')})`);
