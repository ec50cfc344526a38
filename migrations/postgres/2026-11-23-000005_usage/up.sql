-- Requests per API key per day (UTC), for admins and per-key limits.
CREATE TABLE api_key_usage (
    key_id BIGINT NOT NULL REFERENCES api_keys (id),
    day DATE NOT NULL,
    requests BIGINT NOT NULL,
    PRIMARY KEY (key_id, day)
);
