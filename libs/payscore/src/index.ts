/**
 * @zizhu/payscore — WeChat Pay Score (微信支付分) v3, confirmation mode, direct merchant.
 * See libs/payscore/README.md.
 */
export * from './wire-types.js';
export * from './errors.js';
export * from './clock.js';
export * from './order-no.js';
export * from './signature.js';
export * from './aead.js';
export * from './notification.js';
export * from './mini-program.js';
export * from './state-machine.js';
export * from './retry.js';
export * from './transport.js';
export * from './sensitive-field.js';
export * from './fund-checks.js';
export * from './client.js';
export * from './testing.js';
export * from './bill-parsers.js';
export * from './bill-download.js';
export * from './complaints.js';
