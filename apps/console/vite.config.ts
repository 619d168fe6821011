import { fileURLToPath } from 'node:url';
import { defineConfig } from 'vite';
import react from '@vitejs/plugin-react';
import { tanstackRouter } from '@tanstack/router-plugin/vite';

const here = (path: string) => fileURLToPath(new URL(path, import.meta.url));
// `npm run console:dev`: Vite's dev server on 5173 with the API (npm start, port 3000) behind a proxy.
const api = process.env.ZIZHU_API_URL ?? 'http://127.0.0.1:3000';

export default defineConfig({
  root: here('.'),
  base: '/',
  plugins: [
    tanstackRouter({
      target: 'react',
      autoCodeSplitting: true,
      routesDirectory: here('./src/app/routes'),
      generatedRouteTree: here('./src/app/routeTree.gen.ts'),
      quoteStyle: 'single',
    }),
    react(),
  ],
  resolve: {
    alias: {
      '@/': here('./src/'),
      '@zizhu/kernel': here('../../libs/kernel/src/index.ts'),
      '@zizhu/pricing': here('../../libs/pricing/src/index.ts'),
      '@zizhu/api-client': here('../../libs/api-client/src/index.ts'),
    },
  },
  build: {
    outDir: here('./dist'),
    emptyOutDir: true,
    sourcemap: false,
    chunkSizeWarningLimit: 1200,
    rollupOptions: {
      output: {
        manualChunks(id: string) {
          if (id.includes('node_modules/echarts') || id.includes('node_modules/zrender')) return 'echarts';
          return undefined;
        },
      },
    },
  },
  server: {
    port: 5173,
    proxy: Object.fromEntries(['/v1', '/device/', '/docs', '/health', '/d/'].map((p) => [p, { target: api, changeOrigin: false }])),
  },
});
