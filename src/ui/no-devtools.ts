// Stands in for react-devtools-core in the bundled terminal UI: ink loads the devtools only
// in development, but a bundler would otherwise pull them in (or fail to find them).
export default {
  initialize(): void {},
  connectToDevTools(): void {},
};
