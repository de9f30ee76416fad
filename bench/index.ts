// `npm run bench`: prints speed and memory figures for each part. Figures, not assertions:
// the targets are in the README and each part's report says where it stands.
const parts: Array<{ name: string; file: string; fn: string }> = [
  { name: 'routing', file: './routing.js', fn: 'benchRouting' },
  { name: 'engine', file: './engine.js', fn: 'benchEngine' },
  { name: 'store and conversation service', file: './store.js', fn: 'benchStore' },
  { name: 'screening', file: './screening.js', fn: 'benchScreening' },
  { name: 'slack', file: './slack.js', fn: 'benchSlack' },
  { name: 'coldstart', file: './coldstart.js', fn: 'benchColdstart' },
];

const only = process.argv.slice(2);
for (const part of parts) {
  if (only.length > 0 && !only.includes(part.name.split(' ')[0] ?? '')) continue;
  console.log(`\n=== ${part.name} ===`);
  const mod = (await import(part.file)) as Record<string, unknown>;
  const run = mod[part.fn];
  if (typeof run !== 'function') throw new Error(`${part.file} exports no ${part.fn}()`);
  await (run as () => Promise<void>)();
}
