-- One counter that every change to public data bumps, in the same transaction as the change.
-- Each instance polls it on the database it reads from (the primary or a streaming replica) and
-- drops its response cache when it moves, so a cached answer is never older than what that
-- database shows plus one poll interval.
CREATE TABLE data_version (
    id INTEGER PRIMARY KEY CHECK (id = 1),
    version BIGINT NOT NULL
);
INSERT INTO data_version (id, version) VALUES (1, 1);

CREATE FUNCTION bump_data_version() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
    UPDATE data_version SET version = version + 1 WHERE id = 1;
    RETURN NULL;
END;
$$;

CREATE TRIGGER countries_data_version AFTER INSERT OR UPDATE OR DELETE ON countries
    FOR EACH STATEMENT EXECUTE FUNCTION bump_data_version();
CREATE TRIGGER provinces_data_version AFTER INSERT OR UPDATE OR DELETE ON provinces
    FOR EACH STATEMENT EXECUTE FUNCTION bump_data_version();
CREATE TRIGGER cities_data_version AFTER INSERT OR UPDATE OR DELETE ON cities
    FOR EACH STATEMENT EXECUTE FUNCTION bump_data_version();
CREATE TRIGGER networks_data_version AFTER INSERT OR UPDATE OR DELETE ON networks
    FOR EACH STATEMENT EXECUTE FUNCTION bump_data_version();
CREATE TRIGGER memberships_data_version AFTER INSERT OR UPDATE OR DELETE ON memberships
    FOR EACH STATEMENT EXECUTE FUNCTION bump_data_version();
CREATE TRIGGER award_programmes_data_version AFTER INSERT OR UPDATE OR DELETE ON award_programmes
    FOR EACH STATEMENT EXECUTE FUNCTION bump_data_version();
CREATE TRIGGER award_cycles_data_version AFTER INSERT OR UPDATE OR DELETE ON award_cycles
    FOR EACH STATEMENT EXECUTE FUNCTION bump_data_version();
CREATE TRIGGER award_categories_data_version AFTER INSERT OR UPDATE OR DELETE ON award_categories
    FOR EACH STATEMENT EXECUTE FUNCTION bump_data_version();
CREATE TRIGGER nominations_data_version AFTER INSERT OR UPDATE OR DELETE ON nominations
    FOR EACH STATEMENT EXECUTE FUNCTION bump_data_version();
CREATE TRIGGER frameworks_data_version AFTER INSERT OR UPDATE OR DELETE ON frameworks
    FOR EACH STATEMENT EXECUTE FUNCTION bump_data_version();
CREATE TRIGGER criteria_data_version AFTER INSERT OR UPDATE OR DELETE ON criteria
    FOR EACH STATEMENT EXECUTE FUNCTION bump_data_version();
CREATE TRIGGER monitoring_rounds_data_version AFTER INSERT OR UPDATE OR DELETE ON monitoring_rounds
    FOR EACH STATEMENT EXECUTE FUNCTION bump_data_version();
CREATE TRIGGER evaluations_data_version AFTER INSERT OR UPDATE OR DELETE ON evaluations
    FOR EACH STATEMENT EXECUTE FUNCTION bump_data_version();
CREATE TRIGGER scores_data_version AFTER INSERT OR UPDATE OR DELETE ON scores
    FOR EACH STATEMENT EXECUTE FUNCTION bump_data_version();
CREATE TRIGGER audit_log_data_version AFTER INSERT OR UPDATE OR DELETE ON audit_log
    FOR EACH STATEMENT EXECUTE FUNCTION bump_data_version();
