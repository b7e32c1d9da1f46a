/**
 * A poll loop's idle wait that can be cut short. `wake()` while the loop is busy makes
 * the next `wait()` return at once, so a wake-up is never lost between two polls.
 */
export function createWakeSignal() {
  let wakeUp: (() => void) | null = null;
  let pending = false;
  return {
    wake() {
      if (wakeUp) wakeUp();
      else pending = true;
    },
    wait(ms: number): Promise<void> {
      if (pending) {
        pending = false;
        return Promise.resolve();
      }
      return new Promise((resolve) => {
        const done = () => {
          clearTimeout(timer);
          wakeUp = null;
          resolve();
        };
        const timer = setTimeout(done, ms);
        wakeUp = done;
      });
    },
  };
}
