export { startTarget } from './server.ts';
export type { RunningTarget, TargetOptions } from './server.ts';
