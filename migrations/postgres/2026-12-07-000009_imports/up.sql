-- A bulk import is recorded as one audit entry (action `import`, entity `import`); the entries
-- of the records it created or updated point to it, so the log and the changes feed can show
-- them as one import.
ALTER TABLE audit_log ADD COLUMN import_id BIGINT;
CREATE INDEX audit_log_import_id ON audit_log (import_id);
