#!/bin/sh
# Rebuilds the workbench page into dist/ (committed: `cargo build` never needs Node).
#   src/serve/ui/build.sh
set -eu
cd "$(dirname "$0")"
npm ci --no-audit --no-fund
mkdir -p dist
node_modules/.bin/esbuild src/main.js --bundle --format=esm --minify --target=es2020 --legal-comments=none --outfile=dist/app.js
cp src/app.css dist/app.css
cp src/index.html dist/index.html
ls -l dist
