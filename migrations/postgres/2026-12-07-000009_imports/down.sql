DROP INDEX audit_log_import_id;
ALTER TABLE audit_log DROP COLUMN import_id;
