// Everything the cluster run starts is stopped again, newest first: when it ends, when it fails,
// and on Ctrl-C or SIGTERM.

type Step = { name: string; run: () => Promise<void> | void };

const steps: Step[] = [];
let running: Promise<void> | undefined;

/** Registers how to undo something just started; returns a function that forgets it again. */
export function onCleanup(name: string, run: Step['run']): () => void {
  const step = { name, run };
  steps.push(step);
  return () => {
    const at = steps.indexOf(step);
    if (at >= 0) steps.splice(at, 1);
  };
}

/** Runs every registered step once, newest first; a failing step is reported and the rest still run. */
export function cleanUp(): Promise<void> {
  running ??= (async () => {
    while (steps.length > 0) {
      const step = steps.pop() as Step;
      try {
        await step.run();
      } catch (error) {
        console.error(`cleaning up (${step.name}) failed: ${error instanceof Error ? error.message : String(error)}`);
      }
    }
  })();
  return running;
}

/** On Ctrl-C or SIGTERM: clean up, then leave with the signal's usual exit code. */
export function cleanUpOnSignals(): void {
  for (const [signal, code] of [
    ['SIGINT', 130],
    ['SIGTERM', 143],
  ] as const) {
    process.once(signal, () => {
      console.error(`\n${signal}: stopping the cluster and removing its folder`);
      void cleanUp().finally(() => process.exit(code));
    });
  }
}
