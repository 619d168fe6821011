export * from './fen.js';
export * from './result.js';
export * from './assert-never.js';
export * from './brand.js';
