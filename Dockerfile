# The bot on Node 24 LTS: dependencies and build in their own stages, a slim non-root runtime with a health check.
# Build: docker build -t nano-banana-threads .   (compose.yaml runs it sharded beside Redis)

# Production dependencies only (sharp brings its prebuilt libvips for linux-x64/arm64).
FROM node:24-bookworm-slim AS deps
WORKDIR /app
COPY package.json package-lock.json ./
RUN npm ci --omit=dev --no-audit --no-fund && npm cache clean --force

# Compile TypeScript with the dev dependencies, which stay in this stage.
FROM node:24-bookworm-slim AS build
WORKDIR /app
COPY package.json package-lock.json ./
RUN npm ci --no-audit --no-fund
COPY tsconfig.json tsconfig.build.json ./
COPY src ./src
COPY commands ./commands
RUN npx tsc -p tsconfig.build.json

FROM node:24-bookworm-slim
# MALLOC_ARENA_MAX=2: glibc's per-thread malloc arenas fragment under libvips' image threads; two arenas took the
# benchmark's peak RSS from 597 to 500 MiB with the same timings (see README, Running at scale).
ENV NODE_ENV=production \
    HTTP_PORT=8080 \
    MALLOC_ARENA_MAX=2
WORKDIR /app
COPY --from=deps /app/node_modules ./node_modules
COPY --from=build /app/dist ./dist
COPY package.json ./
# The SQLite store lives in the volume (STORE_URL defaults to sqlite://data/bot.sqlite); with Redis it stays empty.
RUN mkdir -p /app/data && chown node:node /app/data
USER node
VOLUME ["/app/data"]
EXPOSE 8080
# /healthz on HTTP_PORT; for `node dist/src/sharded.js` compose.yaml checks every shard's port (--sharded).
HEALTHCHECK --interval=30s --timeout=10s --start-period=60s --retries=3 \
    CMD ["node", "dist/src/healthcheck.js"]
# Running turns get SHUTDOWN_GRACE_MS (30 s) after SIGTERM: stop with a longer timeout (docker stop -t 45).
STOPSIGNAL SIGTERM
CMD ["node", "dist/src/main.js"]
