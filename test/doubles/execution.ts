/** Double of `k6/execution`: tests set the fields they need. */
const execution = {
  vu: { idInTest: 1, idInInstance: 1, iterationInInstance: 0, iterationInScenario: 0 },
  scenario: { name: 'default', iterationInTest: 0, iterationInInstance: 0, startTime: 0, progress: 0 },
  instance: { vusActive: 1, vusInitialized: 1, iterationsCompleted: 0, iterationsInterrupted: 0, currentTestRunDuration: 0 },
  test: {
    abort(reason?: string): never {
      throw new Error(`test aborted: ${reason ?? ''}`);
    },
    fail(reason?: string): void {
      throw new Error(`test failed: ${reason ?? ''}`);
    },
    options: {},
  },
};
export default execution;
