// k6's per-VU globals as the first VU of a run sees them, for code that reads them outside k6, and k6's init-context
// `require` of a k6 module, answering with the same doubles that imports of k6 modules resolve to.
import execution from 'k6/execution';

(globalThis as { __VU?: number }).__VU = 1;
(globalThis as { __ENV?: Record<string, string> }).__ENV = {};
(globalThis as { require?: (id: string) => unknown }).require = (id) => {
  if (id === 'k6/execution') return execution;
  throw new Error(`the k6 require() double knows no module ${id}`);
};
