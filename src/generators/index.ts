export { uuidv4 } from './uuid.ts';
