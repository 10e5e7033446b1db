// The first module the page runs: it starts the analyzer pool while the rest of the page's
// modules are still loading, so the workers' start (the wasm's download and compile, the
// knowledge base) overlaps the page's own. app.js takes the same pool.
import { sharedClient } from './client.js';

sharedClient();
