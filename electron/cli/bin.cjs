#!/usr/bin/env node
// The package's `bin`: runs the built CLI (`npm run build` first when working from a checkout).
require('../../out/main/cli.js');
