-- Award programmes, their cycles (editions), categories and nominations (SQLite).

CREATE TABLE award_programmes (
    id INTEGER PRIMARY KEY AUTOINCREMENT NOT NULL,
    slug TEXT NOT NULL UNIQUE,
    name_en TEXT NOT NULL,
    name_th TEXT,
    organisers_en TEXT,
    organisers_th TEXT,
    secretariat_en TEXT,
    secretariat_th TEXT,
    description_en TEXT,
    description_th TEXT,
    website TEXT,
    eligible_country TEXT REFERENCES countries (code),
    membership_network_id BIGINT REFERENCES networks (id),
    min_membership_months INTEGER,
    cooldown_years INTEGER,
    max_winners_per_country INTEGER,
    eligibility_notes TEXT,
    version INTEGER NOT NULL DEFAULT 1,
    created_at TIMESTAMP NOT NULL,
    updated_at TIMESTAMP NOT NULL
);

CREATE TABLE award_cycles (
    id INTEGER PRIMARY KEY AUTOINCREMENT NOT NULL,
    programme_id BIGINT NOT NULL REFERENCES award_programmes (id),
    year INTEGER NOT NULL,
    title_en TEXT NOT NULL,
    title_th TEXT,
    status TEXT NOT NULL CHECK (status IN ('draft', 'open', 'judging', 'closed', 'published')),
    nominations_open_on DATE,
    nominations_close_on DATE,
    ceremony_on DATE,
    ceremony_en TEXT,
    ceremony_th TEXT,
    summary_en TEXT,
    summary_th TEXT,
    criteria TEXT,
    source_url TEXT,
    published_at TIMESTAMP,
    version INTEGER NOT NULL DEFAULT 1,
    created_at TIMESTAMP NOT NULL,
    updated_at TIMESTAMP NOT NULL,
    UNIQUE (programme_id, year)
);
CREATE INDEX award_cycles_status ON award_cycles (status, year);

CREATE TABLE award_categories (
    id INTEGER PRIMARY KEY AUTOINCREMENT NOT NULL,
    cycle_id BIGINT NOT NULL REFERENCES award_cycles (id),
    slug TEXT NOT NULL UNIQUE,
    name_en TEXT NOT NULL,
    name_th TEXT,
    description_en TEXT,
    description_th TEXT,
    position INTEGER NOT NULL DEFAULT 0,
    created_at TIMESTAMP NOT NULL,
    updated_at TIMESTAMP NOT NULL
);
CREATE INDEX award_categories_cycle ON award_categories (cycle_id, position);

CREATE TABLE nominations (
    id INTEGER PRIMARY KEY AUTOINCREMENT NOT NULL,
    cycle_id BIGINT NOT NULL REFERENCES award_cycles (id),
    category_id BIGINT NOT NULL REFERENCES award_categories (id),
    city_id BIGINT NOT NULL REFERENCES cities (id),
    status TEXT NOT NULL CHECK (status IN ('submitted', 'shortlisted', 'winner', 'not_awarded', 'withdrawn')),
    statement TEXT,
    evidence_links TEXT NOT NULL,
    submitted_by BIGINT REFERENCES users (id),
    source_url TEXT,
    version INTEGER NOT NULL DEFAULT 1,
    created_at TIMESTAMP NOT NULL,
    updated_at TIMESTAMP NOT NULL
);
CREATE UNIQUE INDEX nominations_once ON nominations (category_id, city_id) WHERE status <> 'withdrawn';
CREATE INDEX nominations_cycle ON nominations (cycle_id, status);
CREATE INDEX nominations_city ON nominations (city_id);
