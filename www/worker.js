// The demo page's worker: the module from www/pkg/ (see extension/common/worker-core.js).
import * as newsclean from "./pkg/newsclean.js";
import { serve } from "./extension/common/worker-core.js";

serve(newsclean, new URL("./pkg/newsclean_bg.wasm", import.meta.url));
