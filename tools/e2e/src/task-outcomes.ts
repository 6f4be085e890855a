// Reads which tasks an `nx run` / `nx run-many` actually executed and which came from the cache.
export interface TaskOutcomes {
  executed: string[];
  cached: string[];
}

const CACHE_MARKER = /\[(local cache|existing outputs match the cache)/;

/** Nx names each task as "nx run iris:prepare", adding "[local cache]" when it was restored. */
export function taskOutcomes(output: string): TaskOutcomes {
  const plain = output.replace(/\u001b\[[0-9;]*m/g, '');
  const seen = new Set<string>();
  const cached = new Set<string>();
  for (const match of plain.matchAll(/nx run ([@\w/-]+:[\w-]+)(.*)$/gm)) {
    const [, task, rest] = match;
    seen.add(task!);
    if (CACHE_MARKER.test(rest ?? '')) cached.add(task!);
  }
  return {
    executed: [...seen].filter((task) => !cached.has(task)).sort(),
    cached: [...cached].sort(),
  };
}
