// What separates the words of a query, in the search box and in the ledger's filter alike: spaces, commas,
// 、 and semicolons, half- or full-width. Its own module so the ledger's browser code need not load search's.
export const QUERY_SEPARATORS = /[\s,，、;；]+/u;
