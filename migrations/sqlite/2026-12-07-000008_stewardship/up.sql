-- Data stewardship: sources on every public fact, records marked unverified, a network's
-- reported sizes (its census) kept apart from the members recorded here, initiatives that cities
-- take part in without being members, a population's year and source, a cycle's announced
-- number of winners, and the reference-data parts a database has had applied.

CREATE TABLE sources (
    id INTEGER PRIMARY KEY AUTOINCREMENT NOT NULL,
    entity TEXT NOT NULL,
    entity_id BIGINT NOT NULL,
    position INTEGER NOT NULL,
    url TEXT,
    title TEXT,
    publisher TEXT,
    published_on DATE,
    accessed_on DATE,
    excerpt TEXT,
    UNIQUE (entity, entity_id, position)
);

CREATE TABLE unverified (
    entity TEXT NOT NULL,
    entity_id BIGINT NOT NULL,
    reason TEXT NOT NULL,
    PRIMARY KEY (entity, entity_id)
);

CREATE TABLE network_census (
    id INTEGER PRIMARY KEY AUTOINCREMENT NOT NULL,
    network_id BIGINT NOT NULL REFERENCES networks (id),
    as_of DATE NOT NULL,
    members INTEGER,
    countries INTEGER,
    new_members INTEGER,
    new_countries INTEGER,
    note TEXT,
    version INTEGER NOT NULL DEFAULT 1,
    created_at TIMESTAMP NOT NULL,
    updated_at TIMESTAMP NOT NULL,
    UNIQUE (network_id, as_of)
);

CREATE TABLE initiatives (
    id INTEGER PRIMARY KEY AUTOINCREMENT NOT NULL,
    slug TEXT NOT NULL UNIQUE,
    name_en TEXT NOT NULL,
    name_th TEXT,
    name_sort TEXT NOT NULL,
    lead_en TEXT,
    lead_th TEXT,
    description_en TEXT,
    description_th TEXT,
    website TEXT,
    version INTEGER NOT NULL DEFAULT 1,
    created_at TIMESTAMP NOT NULL,
    updated_at TIMESTAMP NOT NULL,
    archived_at TIMESTAMP
);

CREATE TABLE initiative_cities (
    id INTEGER PRIMARY KEY AUTOINCREMENT NOT NULL,
    initiative_id BIGINT NOT NULL REFERENCES initiatives (id),
    city_id BIGINT NOT NULL REFERENCES cities (id),
    role TEXT NOT NULL,
    note TEXT,
    created_at TIMESTAMP NOT NULL,
    UNIQUE (initiative_id, city_id)
);
CREATE INDEX initiative_cities_city ON initiative_cities (city_id);

CREATE TABLE seed_parts (
    name TEXT PRIMARY KEY NOT NULL,
    applied_at TIMESTAMP NOT NULL
);

ALTER TABLE cities ADD COLUMN population_year INTEGER;
ALTER TABLE cities ADD COLUMN population_source TEXT;
ALTER TABLE award_cycles ADD COLUMN announced_winners INTEGER;

CREATE TRIGGER sources_data_version_insert AFTER INSERT ON sources
BEGIN
    UPDATE data_version SET version = version + 1 WHERE id = 1;
END;
CREATE TRIGGER sources_data_version_update AFTER UPDATE ON sources
BEGIN
    UPDATE data_version SET version = version + 1 WHERE id = 1;
END;
CREATE TRIGGER sources_data_version_delete AFTER DELETE ON sources
BEGIN
    UPDATE data_version SET version = version + 1 WHERE id = 1;
END;
CREATE TRIGGER unverified_data_version_insert AFTER INSERT ON unverified
BEGIN
    UPDATE data_version SET version = version + 1 WHERE id = 1;
END;
CREATE TRIGGER unverified_data_version_update AFTER UPDATE ON unverified
BEGIN
    UPDATE data_version SET version = version + 1 WHERE id = 1;
END;
CREATE TRIGGER unverified_data_version_delete AFTER DELETE ON unverified
BEGIN
    UPDATE data_version SET version = version + 1 WHERE id = 1;
END;
CREATE TRIGGER network_census_data_version_insert AFTER INSERT ON network_census
BEGIN
    UPDATE data_version SET version = version + 1 WHERE id = 1;
END;
CREATE TRIGGER network_census_data_version_update AFTER UPDATE ON network_census
BEGIN
    UPDATE data_version SET version = version + 1 WHERE id = 1;
END;
CREATE TRIGGER network_census_data_version_delete AFTER DELETE ON network_census
BEGIN
    UPDATE data_version SET version = version + 1 WHERE id = 1;
END;
CREATE TRIGGER initiatives_data_version_insert AFTER INSERT ON initiatives
BEGIN
    UPDATE data_version SET version = version + 1 WHERE id = 1;
END;
CREATE TRIGGER initiatives_data_version_update AFTER UPDATE ON initiatives
BEGIN
    UPDATE data_version SET version = version + 1 WHERE id = 1;
END;
CREATE TRIGGER initiatives_data_version_delete AFTER DELETE ON initiatives
BEGIN
    UPDATE data_version SET version = version + 1 WHERE id = 1;
END;
CREATE TRIGGER initiative_cities_data_version_insert AFTER INSERT ON initiative_cities
BEGIN
    UPDATE data_version SET version = version + 1 WHERE id = 1;
END;
CREATE TRIGGER initiative_cities_data_version_update AFTER UPDATE ON initiative_cities
BEGIN
    UPDATE data_version SET version = version + 1 WHERE id = 1;
END;
CREATE TRIGGER initiative_cities_data_version_delete AFTER DELETE ON initiative_cities
BEGIN
    UPDATE data_version SET version = version + 1 WHERE id = 1;
END;
