import { register } from 'node:module';

register('./esm-loader.mjs', import.meta.url);
