# Build stage: compile TypeScript with the dev dependencies, then drop them.
FROM node:20-bookworm-slim AS build
WORKDIR /app
COPY package.json package-lock.json ./
RUN npm ci --no-audit --no-fund
COPY tsconfig.json tsconfig.build.json ./
COPY rules ./rules
COPY server ./server
COPY powerup ./powerup
RUN npm run build && npm prune --omit=dev

# Run stage: production dependencies, compiled code and the rules, as the unprivileged `node` user.
FROM node:20-bookworm-slim
ENV NODE_ENV=production
WORKDIR /app
COPY --from=build --chown=node:node /app/package.json ./
COPY --from=build --chown=node:node /app/node_modules ./node_modules
COPY --from=build --chown=node:node /app/dist ./dist
COPY --from=build --chown=node:node /app/rules/*.yaml /app/rules/*.json ./rules/
USER node
EXPOSE 3000
HEALTHCHECK --interval=30s --timeout=3s CMD node -e "fetch('http://127.0.0.1:'+(process.env.PORT||3000)+'/healthz').then(r=>process.exit(r.ok?0:1),()=>process.exit(1))"
# The CLIs are compiled into the image and run without tsx: `node dist/server/cli/setup.js <boardId> [--apply]`,
# `node dist/server/cli/register-webhook.js <boardId>`, `node dist/server/cli/reconcile.js` (docs/operations.md, Command-line tools).
# --ignore-scripts: the code is already built; `prestart` would look for the TypeScript compiler.
CMD ["npm", "start", "--ignore-scripts"]
