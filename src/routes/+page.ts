// The home page needs no JavaScript: render it on the server only (the map's SVG is not sent twice).
export const csr = false;
