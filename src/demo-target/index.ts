export type { RunningTarget, TargetOptions } from './server.ts';
export { startTarget } from './server.ts';
