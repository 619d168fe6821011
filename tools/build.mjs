// `npm run build`: the server code compiled ahead of time to dist/ (tools/server-build.mjs), so production runs
// plain JavaScript with no compiler loaded (`node --enable-source-maps dist/apps/api/src/main.js`). Types are not
// checked here (`npm run typecheck` does that; the Docker image runs both). The merchant console is built by Vite
// (`nx run console:build`), separately.
import { join } from 'node:path';
import { compileServer, root } from './server-build.mjs';

const started = Date.now();
const files = compileServer(join(root, 'dist'));
console.log(`compiled ${files} files to dist/ in ${((Date.now() - started) / 1000).toFixed(1)} s (node --enable-source-maps dist/apps/api/src/main.js)`);
