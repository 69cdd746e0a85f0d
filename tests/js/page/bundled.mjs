// Runs in headless Chromium after esbuild bundled it with the packed "newsclean" package: the
// bundler user's path (the package's default `exports` entry, WebAssembly inlined).
import * as newsclean from "newsclean";
import { check } from "./checks.mjs";

check(newsclean, { facts: true });
