// The extension panel's worker: the module from the extension's own pkg/ (see worker-core.js).
import * as newsclean from "../pkg/newsclean.js";
import { serve } from "./worker-core.js";

serve(newsclean, new URL("../pkg/newsclean_bg.wasm", import.meta.url));
