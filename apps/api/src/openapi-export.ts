import 'reflect-metadata';
import { writeFileSync } from 'node:fs';
import { createApp } from './app.factory.js';
import { parseConfig } from './config/app-config.js';
import { buildOpenApiDocument, serialiseOpenApi } from './platform/observability/openapi.js';

/** `npm run openapi`: regenerates apps/api/openapi.json from the code (a test fails when they drift). */
const config = { ...parseConfig({ LOG_LEVEL: 'silent', SEED_DEMO: 'false' }), database: { kind: 'embedded', dataDir: null } as const };
const zizhu = await createApp(config);
try {
  const target = new URL('../openapi.json', import.meta.url);
  writeFileSync(target, serialiseOpenApi(buildOpenApiDocument(zizhu.app)));
  console.log(`wrote ${target.pathname}`);
} finally {
  await zizhu.close();
}
