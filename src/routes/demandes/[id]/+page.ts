// A document that works without JavaScript, rendered on the server only: hydrating it cost a phone 38 module files
// (issue #18). Its small script (the print button): $lib/enhance.
export const csr = false;
