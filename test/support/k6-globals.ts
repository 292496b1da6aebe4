// k6's per-VU globals as the first VU of a run sees them, for code that reads them outside k6.
(globalThis as { __VU?: number }).__VU = 1;
(globalThis as { __ENV?: Record<string, string> }).__ENV = {};
