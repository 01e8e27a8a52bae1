// The simulator's public API: virtual-time days on the engine, live traffic over the API,
// the Erlang C and Erlang A references, and reports.
export {};
