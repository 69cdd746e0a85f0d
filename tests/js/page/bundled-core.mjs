// Runs in headless Chromium after esbuild bundled it with the packed package's core module
// ("newsclean/core": its default `exports` entry, WebAssembly inlined, no facts).
import * as core from "newsclean/core";
import { check } from "./checks.mjs";

check(core, { facts: false });
