# Multi-stage build of the learning-city service and the web app and manual it serves.
#   docker build -t learning-city .
#   docker run -p 8080:8080 learning-city

FROM node:20-bookworm-slim AS frontend
WORKDIR /src/frontend
COPY frontend/package.json frontend/package-lock.json ./
RUN npm ci --no-audit --no-fund
COPY openapi.yaml /src/openapi.yaml
COPY frontend ./
RUN npm run build

FROM rust:1-bookworm AS builder
# hadolint ignore=DL3008
RUN apt-get update \
    && apt-get install -y --no-install-recommends libpq-dev \
    && rm -rf /var/lib/apt/lists/*
WORKDIR /src

# mdBook builds the manual (docs/book); in a layer of its own, reused until this line changes.
RUN cargo install mdbook --locked --version 0.5.4

# Dependencies first, against placeholder sources, so that this layer is reused
# until Cargo.toml or Cargo.lock change.
COPY Cargo.toml Cargo.lock ./
COPY api/Cargo.toml api/Cargo.toml
COPY tests/Cargo.toml tests/Cargo.toml
RUN mkdir -p api/src tests/src \
    && echo 'fn main() {}' > api/src/main.rs \
    && touch api/src/lib.rs tests/src/lib.rs \
    && cargo build --release --locked --bin learning-city \
    && rm -rf api/src tests/src

# The real sources; the migrations are embedded into the binary at compile time.
COPY api api
COPY tests tests
COPY migrations migrations
RUN touch api/src/main.rs api/src/lib.rs \
    && cargo build --release --locked --bin learning-city

# The manual, with the files it includes from elsewhere in the repository.
COPY docs docs
COPY bench/README.md bench/RESULTS.md bench/NOTES.md bench/
RUN mdbook build docs

FROM debian:bookworm-slim AS runtime
# hadolint ignore=DL3008
RUN apt-get update \
    && apt-get install -y --no-install-recommends libpq5 ca-certificates curl \
    && rm -rf /var/lib/apt/lists/*
RUN groupadd --system --gid 10001 app \
    && useradd --system --uid 10001 --gid app --home-dir /app --no-create-home --shell /usr/sbin/nologin app
WORKDIR /app
RUN mkdir -p /app/data && chown app:app /app/data
COPY --from=builder /src/target/release/learning-city /usr/local/bin/learning-city
COPY --from=frontend /src/frontend/dist /app/web
COPY --from=builder /src/docs/book /app/manual

USER 10001:10001
ENV BIND=0.0.0.0:8080 FRONTEND_DIR=/app/web MANUAL_DIR=/app/manual
EXPOSE 8080
HEALTHCHECK --interval=10s --timeout=5s --start-period=10s --retries=5 \
    CMD ["curl", "-fsS", "-o", "/dev/null", "http://127.0.0.1:8080/readyz"]
CMD ["learning-city", "serve"]
