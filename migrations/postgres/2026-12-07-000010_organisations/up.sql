-- The organisations behind the networks, programmes, events and initiatives, and their roles
-- (each dated where the source says when, and sourced like every fact).
CREATE TABLE organisations (
    id BIGSERIAL PRIMARY KEY,
    slug TEXT NOT NULL UNIQUE,
    name_en TEXT NOT NULL,
    name_th TEXT,
    name_sort TEXT COLLATE "C" NOT NULL,
    abbreviation_en TEXT,
    abbreviation_th TEXT,
    kind TEXT NOT NULL,
    country_code TEXT REFERENCES countries (code),
    website TEXT,
    description_en TEXT,
    description_th TEXT,
    search_text TEXT NOT NULL,
    version INTEGER NOT NULL DEFAULT 1,
    created_at TIMESTAMP NOT NULL,
    updated_at TIMESTAMP NOT NULL,
    archived_at TIMESTAMP
);

-- `target_kind` names the table `target_id` points into: network, award_programme, event or
-- initiative.
CREATE TABLE organisation_roles (
    id BIGSERIAL PRIMARY KEY,
    organisation_id BIGINT NOT NULL REFERENCES organisations (id),
    role TEXT NOT NULL,
    target_kind TEXT NOT NULL,
    target_id BIGINT NOT NULL,
    from_year INTEGER,
    to_year INTEGER,
    note TEXT,
    created_at TIMESTAMP NOT NULL,
    updated_at TIMESTAMP NOT NULL,
    UNIQUE (organisation_id, role, target_kind, target_id)
);
CREATE INDEX organisation_roles_target ON organisation_roles (target_kind, target_id);

CREATE TRIGGER organisations_data_version AFTER INSERT OR UPDATE OR DELETE ON organisations
    FOR EACH STATEMENT EXECUTE FUNCTION bump_data_version();
CREATE TRIGGER organisation_roles_data_version AFTER INSERT OR UPDATE OR DELETE ON organisation_roles
    FOR EACH STATEMENT EXECUTE FUNCTION bump_data_version();
