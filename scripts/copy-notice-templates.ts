import { cpSync, readdirSync } from 'node:fs';
import { join, relative } from 'node:path';

/**
 * `npm run build`: tsc emits only code, so every `notice-templates` folder under src/ (the platform's and each
 * module's) is copied next to its compiled owner in dist/src/.
 */
const root = join(__dirname, '..', '..');
const source = join(root, 'src');

function templateFolders(folder: string): string[] {
  return readdirSync(folder, { withFileTypes: true })
    .filter((entry) => entry.isDirectory())
    .flatMap((entry) => {
      const path = join(folder, entry.name);
      return entry.name === 'notice-templates' ? [path] : templateFolders(path);
    });
}

for (const folder of templateFolders(source)) {
  cpSync(folder, join(root, 'dist', 'src', relative(source, folder)), { recursive: true });
}
