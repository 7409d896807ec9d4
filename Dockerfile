# Tug of War as a static site in nginx (docs/hosting.md). Not tested here (the project's
# machines have no Docker engine); the nginx configuration it copies is tested.
#   docker build --build-arg TOW_PUBLIC_URL=https://training.example.com/ -t tug-of-war .
#   docker run -p 8080:80 tug-of-war
FROM node:22-bookworm-slim AS build
WORKDIR /src
COPY package.json package-lock.json ./
RUN npm ci --no-audit --no-fund
COPY . .
# the address trainees open: the links HR and facilitators make point there
ARG TOW_PUBLIC_URL=""
RUN TOW_PUBLIC_URL="$TOW_PUBLIC_URL" npx vite build

FROM nginx:1.27-alpine
COPY docs/hosting/nginx.conf /etc/nginx/conf.d/default.conf
COPY --from=build /src/dist /var/www/tug-of-war
