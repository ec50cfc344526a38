-- One counter that every change to public data bumps, in the same transaction as the change.
-- Each instance polls it and drops its response cache when it moves (see the PostgreSQL
-- migration); SQLite triggers run per row.
CREATE TABLE data_version (
    id INTEGER PRIMARY KEY CHECK (id = 1),
    version BIGINT NOT NULL
);
INSERT INTO data_version (id, version) VALUES (1, 1);

CREATE TRIGGER countries_data_version_insert AFTER INSERT ON countries
BEGIN
    UPDATE data_version SET version = version + 1 WHERE id = 1;
END;
CREATE TRIGGER countries_data_version_update AFTER UPDATE ON countries
BEGIN
    UPDATE data_version SET version = version + 1 WHERE id = 1;
END;
CREATE TRIGGER countries_data_version_delete AFTER DELETE ON countries
BEGIN
    UPDATE data_version SET version = version + 1 WHERE id = 1;
END;
CREATE TRIGGER provinces_data_version_insert AFTER INSERT ON provinces
BEGIN
    UPDATE data_version SET version = version + 1 WHERE id = 1;
END;
CREATE TRIGGER provinces_data_version_update AFTER UPDATE ON provinces
BEGIN
    UPDATE data_version SET version = version + 1 WHERE id = 1;
END;
CREATE TRIGGER provinces_data_version_delete AFTER DELETE ON provinces
BEGIN
    UPDATE data_version SET version = version + 1 WHERE id = 1;
END;
CREATE TRIGGER cities_data_version_insert AFTER INSERT ON cities
BEGIN
    UPDATE data_version SET version = version + 1 WHERE id = 1;
END;
CREATE TRIGGER cities_data_version_update AFTER UPDATE ON cities
BEGIN
    UPDATE data_version SET version = version + 1 WHERE id = 1;
END;
CREATE TRIGGER cities_data_version_delete AFTER DELETE ON cities
BEGIN
    UPDATE data_version SET version = version + 1 WHERE id = 1;
END;
CREATE TRIGGER networks_data_version_insert AFTER INSERT ON networks
BEGIN
    UPDATE data_version SET version = version + 1 WHERE id = 1;
END;
CREATE TRIGGER networks_data_version_update AFTER UPDATE ON networks
BEGIN
    UPDATE data_version SET version = version + 1 WHERE id = 1;
END;
CREATE TRIGGER networks_data_version_delete AFTER DELETE ON networks
BEGIN
    UPDATE data_version SET version = version + 1 WHERE id = 1;
END;
CREATE TRIGGER memberships_data_version_insert AFTER INSERT ON memberships
BEGIN
    UPDATE data_version SET version = version + 1 WHERE id = 1;
END;
CREATE TRIGGER memberships_data_version_update AFTER UPDATE ON memberships
BEGIN
    UPDATE data_version SET version = version + 1 WHERE id = 1;
END;
CREATE TRIGGER memberships_data_version_delete AFTER DELETE ON memberships
BEGIN
    UPDATE data_version SET version = version + 1 WHERE id = 1;
END;
CREATE TRIGGER award_programmes_data_version_insert AFTER INSERT ON award_programmes
BEGIN
    UPDATE data_version SET version = version + 1 WHERE id = 1;
END;
CREATE TRIGGER award_programmes_data_version_update AFTER UPDATE ON award_programmes
BEGIN
    UPDATE data_version SET version = version + 1 WHERE id = 1;
END;
CREATE TRIGGER award_programmes_data_version_delete AFTER DELETE ON award_programmes
BEGIN
    UPDATE data_version SET version = version + 1 WHERE id = 1;
END;
CREATE TRIGGER award_cycles_data_version_insert AFTER INSERT ON award_cycles
BEGIN
    UPDATE data_version SET version = version + 1 WHERE id = 1;
END;
CREATE TRIGGER award_cycles_data_version_update AFTER UPDATE ON award_cycles
BEGIN
    UPDATE data_version SET version = version + 1 WHERE id = 1;
END;
CREATE TRIGGER award_cycles_data_version_delete AFTER DELETE ON award_cycles
BEGIN
    UPDATE data_version SET version = version + 1 WHERE id = 1;
END;
CREATE TRIGGER award_categories_data_version_insert AFTER INSERT ON award_categories
BEGIN
    UPDATE data_version SET version = version + 1 WHERE id = 1;
END;
CREATE TRIGGER award_categories_data_version_update AFTER UPDATE ON award_categories
BEGIN
    UPDATE data_version SET version = version + 1 WHERE id = 1;
END;
CREATE TRIGGER award_categories_data_version_delete AFTER DELETE ON award_categories
BEGIN
    UPDATE data_version SET version = version + 1 WHERE id = 1;
END;
CREATE TRIGGER nominations_data_version_insert AFTER INSERT ON nominations
BEGIN
    UPDATE data_version SET version = version + 1 WHERE id = 1;
END;
CREATE TRIGGER nominations_data_version_update AFTER UPDATE ON nominations
BEGIN
    UPDATE data_version SET version = version + 1 WHERE id = 1;
END;
CREATE TRIGGER nominations_data_version_delete AFTER DELETE ON nominations
BEGIN
    UPDATE data_version SET version = version + 1 WHERE id = 1;
END;
CREATE TRIGGER frameworks_data_version_insert AFTER INSERT ON frameworks
BEGIN
    UPDATE data_version SET version = version + 1 WHERE id = 1;
END;
CREATE TRIGGER frameworks_data_version_update AFTER UPDATE ON frameworks
BEGIN
    UPDATE data_version SET version = version + 1 WHERE id = 1;
END;
CREATE TRIGGER frameworks_data_version_delete AFTER DELETE ON frameworks
BEGIN
    UPDATE data_version SET version = version + 1 WHERE id = 1;
END;
CREATE TRIGGER criteria_data_version_insert AFTER INSERT ON criteria
BEGIN
    UPDATE data_version SET version = version + 1 WHERE id = 1;
END;
CREATE TRIGGER criteria_data_version_update AFTER UPDATE ON criteria
BEGIN
    UPDATE data_version SET version = version + 1 WHERE id = 1;
END;
CREATE TRIGGER criteria_data_version_delete AFTER DELETE ON criteria
BEGIN
    UPDATE data_version SET version = version + 1 WHERE id = 1;
END;
CREATE TRIGGER monitoring_rounds_data_version_insert AFTER INSERT ON monitoring_rounds
BEGIN
    UPDATE data_version SET version = version + 1 WHERE id = 1;
END;
CREATE TRIGGER monitoring_rounds_data_version_update AFTER UPDATE ON monitoring_rounds
BEGIN
    UPDATE data_version SET version = version + 1 WHERE id = 1;
END;
CREATE TRIGGER monitoring_rounds_data_version_delete AFTER DELETE ON monitoring_rounds
BEGIN
    UPDATE data_version SET version = version + 1 WHERE id = 1;
END;
CREATE TRIGGER evaluations_data_version_insert AFTER INSERT ON evaluations
BEGIN
    UPDATE data_version SET version = version + 1 WHERE id = 1;
END;
CREATE TRIGGER evaluations_data_version_update AFTER UPDATE ON evaluations
BEGIN
    UPDATE data_version SET version = version + 1 WHERE id = 1;
END;
CREATE TRIGGER evaluations_data_version_delete AFTER DELETE ON evaluations
BEGIN
    UPDATE data_version SET version = version + 1 WHERE id = 1;
END;
CREATE TRIGGER scores_data_version_insert AFTER INSERT ON scores
BEGIN
    UPDATE data_version SET version = version + 1 WHERE id = 1;
END;
CREATE TRIGGER scores_data_version_update AFTER UPDATE ON scores
BEGIN
    UPDATE data_version SET version = version + 1 WHERE id = 1;
END;
CREATE TRIGGER scores_data_version_delete AFTER DELETE ON scores
BEGIN
    UPDATE data_version SET version = version + 1 WHERE id = 1;
END;
CREATE TRIGGER audit_log_data_version_insert AFTER INSERT ON audit_log
BEGIN
    UPDATE data_version SET version = version + 1 WHERE id = 1;
END;
CREATE TRIGGER audit_log_data_version_update AFTER UPDATE ON audit_log
BEGIN
    UPDATE data_version SET version = version + 1 WHERE id = 1;
END;
CREATE TRIGGER audit_log_data_version_delete AFTER DELETE ON audit_log
BEGIN
    UPDATE data_version SET version = version + 1 WHERE id = 1;
END;
