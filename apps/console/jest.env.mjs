// jsdom without Node's fetch: give the browser tests the platform's own fetch, streams and encoders.
import JSDOMEnvironment from 'jest-environment-jsdom';

export default class ConsoleEnvironment extends JSDOMEnvironment {
  constructor(...args) {
    super(...args);
    for (const name of ['fetch', 'Request', 'Response', 'Headers', 'FormData', 'Blob', 'TextEncoder', 'TextDecoder', 'ReadableStream', 'structuredClone', 'AbortController', 'AbortSignal']) {
      this.global[name] = globalThis[name];
    }
    // Node's MessageChannel keeps the process alive; antd only needs a macrotask, so give it one
    this.global.MessageChannel = class {
      constructor() {
        const port1 = { onmessage: null, postMessage: (data) => setTimeout(() => port2.onmessage?.({ data })), close() {} };
        const port2 = { onmessage: null, postMessage: (data) => setTimeout(() => port1.onmessage?.({ data })), close() {} };
        this.port1 = port1;
        this.port2 = port2;
      }
    };
    this.global.crypto.randomUUID ??= () => globalThis.crypto.randomUUID();
  }
}
