import { existsSync } from 'node:fs';
import { readdir, readFile, stat } from 'node:fs/promises';
import { join, posix, relative, sep } from 'node:path';
import { fileURLToPath } from 'node:url';
import { refuse } from '../../lib/errors.ts';
import { dashboardFiles } from '../dashboards/grafana-dashboards.ts';
import { PACKAGE_VERSION } from '../io/package-version.ts';
import { writeWhole } from '../io/write-whole.ts';
import { readThresholdsFile } from '../limits/thresholds-source.ts';

/** The folder `k6-forge init` copies: shipped in the package, so a team's scaffold matches the k6-forge it runs. */
export const INIT_TEMPLATES = fileURLToPath(new URL('../../../templates/init/', import.meta.url));

/** The GitHub Actions workflows `k6-forge init --workflows` copies, written for a scaffold at `tests/load`. */
export const WORKFLOW_TEMPLATES = fileURLToPath(new URL('../../../templates/workflows/', import.meta.url));

/** Where `k6-forge init --workflows` writes the workflows, from the folder it runs in (a repository's root). */
export const WORKFLOWS_DIR = join('.github', 'workflows');

/** The folder `k6-forge init` writes to when given none. */
export const DEFAULT_INIT_DIR = join('tests', 'load');

/** Template names that npm would drop or misread in a package, and the names they are written under. */
const RENAMED: Readonly<Record<string, string>> = { _gitignore: '.gitignore' };

/** One file of the scaffold. */
export interface ScaffoldFile {
  /** Its path inside the scaffold's folder, with `/` between folders. */
  readonly name: string;
  /** Its contents. */
  readonly contents: string;
}

/** What `k6-forge init` adds to the scaffold's own files. */
export interface ScaffoldOptions {
  /** The CI workflows, into `.github/workflows/` of the current folder, pointed at the scaffold's folder. */
  readonly workflows?: boolean;
  /** The Grafana dashboards for `run --prometheus`, into the scaffold's `dashboards/`, from its thresholds file. */
  readonly dashboards?: boolean;
}

/** What {@link writeScaffold} did. */
export interface ScaffoldResult {
  /** `written` when every file was written; `unchanged` when every file was already there with the same contents. */
  readonly outcome: 'written' | 'unchanged';
  /** The files' paths (the folder joined with each name), in the order written. */
  readonly files: readonly string[];
}

/** Every file under a template folder, as names relative to {@link INIT_TEMPLATES} with `/` between folders, sorted. */
async function templateNames(folder: string): Promise<string[]> {
  const names: string[] = [];
  for (const entry of await readdir(folder, { withFileTypes: true })) {
    const path = join(folder, entry.name);
    if (entry.isDirectory()) names.push(...(await templateNames(path)));
    else if (entry.isFile()) names.push(relative(INIT_TEMPLATES, path).split(sep).join('/'));
  }
  return names.sort();
}

/**
 * The scaffold's files, from the templates: `_gitignore` written as `.gitignore`, and `package.json` with k6-forge's
 * own version as the `k6-forge` dev dependency (`^<version>`). The same k6-forge version always gives the same files.
 * @param version - The k6-forge version the scaffold depends on. @default the running package's
 * @returns The files, sorted by name.
 */
export async function scaffoldFiles(version: string = PACKAGE_VERSION): Promise<ScaffoldFile[]> {
  const files: ScaffoldFile[] = [];
  for (const template of await templateNames(INIT_TEMPLATES)) {
    let contents = await readFile(join(INIT_TEMPLATES, template), 'utf8');
    if (template === 'package.json') {
      const manifest = JSON.parse(contents) as { devDependencies: Record<string, string> };
      manifest.devDependencies['k6-forge'] = `^${version}`;
      contents = `${JSON.stringify(manifest, null, 2)}\n`;
    }
    files.push({ name: RENAMED[template] ?? template, contents });
  }
  return files.sort((a, b) => (a.name < b.name ? -1 : a.name > b.name ? 1 : 0));
}

/**
 * The CI workflows for a scaffold in `folder`: the templates, their `tests/load` paths replaced by the folder's.
 * @param folder - The scaffold's folder, relative to the repository's root (the current folder).
 * @returns The files, named by their paths from the current folder.
 */
async function workflowFiles(folder: string): Promise<ScaffoldFile[]> {
  const at = folder.split(sep).join('/').replace(/\/+$/, '');
  const files: ScaffoldFile[] = [];
  for (const template of (await readdir(WORKFLOW_TEMPLATES)).filter((name) => name.endsWith('.yml')).sort()) {
    const contents = (await readFile(join(WORKFLOW_TEMPLATES, template), 'utf8')).replaceAll('tests/load', at);
    files.push({ name: posix.join('.github', 'workflows', template), contents });
  }
  return files;
}

/**
 * The Grafana dashboards for a scaffold: generated from its thresholds file merged over k6-forge's, as
 * `k6-forge dashboards` would from the scaffold's folder.
 * @returns The files, named by their paths inside the scaffold.
 */
async function scaffoldDashboards(): Promise<ScaffoldFile[]> {
  const { file } = await readThresholdsFile(join(INIT_TEMPLATES, 'thresholds.json'));
  return dashboardFiles(file).map(({ name, contents }) => ({ name: posix.join('dashboards', name), contents }));
}

/**
 * Writes the scaffold into a folder, refusing to overwrite anything: when any of its files already exists, nothing is
 * written, unless every one exists with exactly the scaffold's contents (then nothing needs writing).
 * @param folder - The folder; created with its parents when missing.
 * @param onWrite - Called with each file's path once written.
 * @param options - The workflows and dashboards to add. @default neither
 * @returns Whether the files were written or were already there.
 * @throws {ForgeError} `invalid_option` naming the folder and every existing file when some exist but not all with the
 *   scaffold's contents (nothing written); `invalid_file` when the folder is a file or a file cannot be written.
 */
export async function writeScaffold(
  folder: string,
  onWrite: (path: string) => void = () => {},
  options: ScaffoldOptions = {},
): Promise<ScaffoldResult> {
  if (existsSync(folder) && !(await stat(folder)).isDirectory()) {
    refuse('invalid_file', { field: 'init [dir]', given: folder, accepted: 'a folder, or a path where one can be created' });
  }
  const files = [
    ...(await scaffoldFiles()).map((file) => ({ ...file, path: join(folder, file.name) })),
    ...(options.dashboards ? await scaffoldDashboards() : []).map((file) => ({ ...file, path: join(folder, file.name) })),
    ...(options.workflows ? await workflowFiles(folder) : []).map((file) => ({ ...file, path: file.name })),
  ];
  const existing: { name: string; same: boolean }[] = [];
  for (const file of files) {
    const found = await stat(file.path).catch(() => undefined);
    if (found === undefined) continue;
    const same = found.isFile() && (await readFile(file.path, 'utf8')) === file.contents;
    existing.push({ name: file.name, same });
  }
  if (existing.length === files.length && existing.every((file) => file.same)) {
    return { outcome: 'unchanged', files: files.map((file) => file.path) };
  }
  if (existing.length > 0) {
    const named = existing.map((file) => `${file.name}${file.same ? '' : ' (not as init writes it)'}`).join(', ');
    refuse('invalid_option', {
      field: 'init [dir]',
      shownAs: `${JSON.stringify(folder)}, which already holds ${existing.length} of the scaffold's ${files.length} files (${named})`,
      accepted: 'a folder holding none of them, since init never overwrites a file: move them away or pick another folder',
    });
  }
  for (const file of files) {
    await writeWhole(file.path, file.contents);
    onWrite(file.path);
  }
  return { outcome: 'written', files: files.map((file) => file.path) };
}
