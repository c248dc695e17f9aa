// Holding a test at a chosen moment: a gate a test opens when it is ready, and a wait for a
// condition another connection makes true (PostgreSQL tests of racing transactions).

/** Resolves when `release` is called: holds a transaction open in the middle of a test. */
export function gate() {
  let release!: () => void;
  const opened = new Promise<void>((resolve) => {
    release = resolve;
  });
  return { opened, release };
}

export async function until(condition: () => Promise<boolean>, what: string): Promise<void> {
  for (let i = 0; i < 200; i++) {
    if (await condition()) return;
    await new Promise((resolve) => setTimeout(resolve, 25));
  }
  throw new Error(`timed out waiting for ${what}`);
}
