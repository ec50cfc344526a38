DROP TABLE service_secrets;
DROP TABLE audit_log;
DROP TABLE api_keys;
DROP TABLE refresh_tokens;
DROP TABLE users;
