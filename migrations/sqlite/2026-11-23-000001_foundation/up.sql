-- Reference data, cities, networks and memberships (SQLite).
-- Timestamps are UTC, stored as ISO 8601 text by diesel.

CREATE TABLE countries (
    code TEXT PRIMARY KEY NOT NULL CHECK (length(code) = 2),
    name_en TEXT NOT NULL,
    name_th TEXT NOT NULL,
    name_sort TEXT NOT NULL,
    asean BOOLEAN NOT NULL DEFAULT 0,
    asean_plus_3 BOOLEAN NOT NULL DEFAULT 0
);
CREATE INDEX countries_name_sort ON countries (name_sort, code);

CREATE TABLE provinces (
    code TEXT PRIMARY KEY NOT NULL,
    dopa_code TEXT NOT NULL UNIQUE,
    name_en TEXT NOT NULL,
    name_th TEXT NOT NULL,
    name_sort TEXT NOT NULL,
    region TEXT NOT NULL,
    region_name_en TEXT NOT NULL,
    region_name_th TEXT NOT NULL,
    lat DOUBLE NOT NULL,
    lon DOUBLE NOT NULL
);
CREATE INDEX provinces_region ON provinces (region);

CREATE TABLE cities (
    id INTEGER PRIMARY KEY AUTOINCREMENT NOT NULL,
    slug TEXT NOT NULL UNIQUE,
    name_en TEXT NOT NULL,
    name_th TEXT,
    name_sort TEXT NOT NULL,
    search_text TEXT NOT NULL,
    country_code TEXT NOT NULL REFERENCES countries (code),
    province_code TEXT REFERENCES provinces (code),
    lat DOUBLE,
    lon DOUBLE,
    population BIGINT,
    area_km2 DOUBLE,
    website TEXT,
    description_en TEXT,
    description_th TEXT,
    geonames_id BIGINT,
    version INTEGER NOT NULL DEFAULT 1,
    created_at TIMESTAMP NOT NULL,
    updated_at TIMESTAMP NOT NULL,
    archived_at TIMESTAMP
);
CREATE INDEX cities_name_sort ON cities (name_sort, id);
CREATE INDEX cities_country ON cities (country_code, name_sort, id);
CREATE INDEX cities_province ON cities (province_code);
CREATE INDEX cities_population ON cities (population, id);

CREATE TABLE networks (
    id INTEGER PRIMARY KEY AUTOINCREMENT NOT NULL,
    slug TEXT NOT NULL UNIQUE,
    name_en TEXT NOT NULL,
    name_th TEXT,
    name_sort TEXT NOT NULL,
    scope TEXT NOT NULL CHECK (scope IN ('global', 'regional', 'national')),
    status TEXT NOT NULL CHECK (status IN ('active', 'planned', 'inactive')),
    country_code TEXT REFERENCES countries (code),
    secretariat_en TEXT,
    secretariat_th TEXT,
    founded_year INTEGER,
    website TEXT,
    description_en TEXT,
    description_th TEXT,
    version INTEGER NOT NULL DEFAULT 1,
    created_at TIMESTAMP NOT NULL,
    updated_at TIMESTAMP NOT NULL,
    archived_at TIMESTAMP
);

CREATE TABLE memberships (
    id INTEGER PRIMARY KEY AUTOINCREMENT NOT NULL,
    city_id BIGINT NOT NULL REFERENCES cities (id),
    network_id BIGINT NOT NULL REFERENCES networks (id),
    role TEXT NOT NULL CHECK (role IN ('member', 'secretariat', 'mentor')),
    status TEXT NOT NULL CHECK (status IN ('active', 'former', 'suspended')),
    joined_year INTEGER,
    joined_on DATE,
    left_year INTEGER,
    source_url TEXT,
    note TEXT,
    version INTEGER NOT NULL DEFAULT 1,
    created_at TIMESTAMP NOT NULL,
    updated_at TIMESTAMP NOT NULL,
    archived_at TIMESTAMP
);
CREATE UNIQUE INDEX memberships_current ON memberships (city_id, network_id) WHERE archived_at IS NULL;
CREATE INDEX memberships_network ON memberships (network_id, joined_year);
