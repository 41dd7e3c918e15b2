// A document that works without JavaScript, rendered on the server only: hydrating it cost a phone 32 module files
// and a whole-page hydration, 300–800 ms of blocking time (issue #18). Its small script: $lib/enhance.
export const csr = false;
